using MallPortal.Core.Orders;
using MallPortal.Resources;

namespace MallPortal.Features.Orders;

/// <summary>How a waiting cancellation request reads to the merchant (with its refund, or none for cash on delivery), and the buyer's usual reasons.</summary>
public static class CancellationText
{
    public static string Pending(RefundView refund) => refund.Amount.IsZero
        ? string.Format(UiText.CancellationPendingCodText, refund.Reason)
        : string.Format(UiText.CancellationPendingText, refund.Reason, refund.Amount);

    /// <summary>The usual reasons a buyer gives, offered as one-tap choices (the text stays editable).</summary>
    public static IReadOnlyList<string> PresetReasons => UiText.CancelPresets.Split('|');
}
