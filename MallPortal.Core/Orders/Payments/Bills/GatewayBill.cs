using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Bills;

public enum BillLineKind
{
    Payment,
    Refund,
}

/// <summary>One line of a provider's daily trade bill: a payment received, or a refund paid back (its amount positive).</summary>
public sealed record BillLine(BillLineKind Kind, string PaymentNumber, string? GatewayTradeNo, string? RefundNumber, Money Amount, DateTimeOffset At);

/// <summary>A provider's trade bill of one day as downloaded (the file kept for audit) and read.</summary>
public sealed record GatewayBill(string FileName, byte[] Content, IReadOnlyList<BillLine> Lines);

/// <summary>A gateway whose provider publishes a daily trade bill (对账单), by China day, the next morning.</summary>
public interface IBillSource
{
    string Name { get; }

    /// <summary>The bill of <paramref name="day"/>; <see cref="PaymentGatewayException"/> when the provider cannot give it (yet).</summary>
    Task<GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The providers' bills cut days at midnight China time.</summary>
public static class BillDay
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);

    public static bool Contains(DateOnly day, DateTimeOffset at) => at >= Start(day) && at < Start(day.AddDays(1));

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);
}
