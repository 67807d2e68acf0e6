namespace MallPortal.Core.Orders;

public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>An unpaid order closes (and its stock returns) after this many minutes.</summary>
    public int PaymentTimeoutMinutes { get; set; } = 30;

    /// <summary>The buyer is reminded this many minutes before an unpaid order closes.</summary>
    public int PaymentReminderMinutes { get; set; } = 10;

    /// <summary>Receipt is confirmed for the buyer this many days after shipment.</summary>
    public int AutoConfirmDays { get; set; } = 10;

    /// <summary>延长收货: the buyer may push the automatic receipt back once, by this many days.</summary>
    public int ReceiptExtensionDays { get; set; } = 5;
}
