using MallPortal.Core.Orders;
using MallPortal.Resources;

namespace MallPortal.Features.Orders;

/// <summary>How a cancellation request reads: waiting (to the merchant), decided (on the order), and the buyer's usual reasons.</summary>
public static class CancellationText
{
    public static string Pending(RefundView refund) => refund.Amount.IsZero
        ? string.Format(UiText.CancellationPendingCodText, refund.Reason)
        : string.Format(UiText.CancellationPendingText, refund.Reason, refund.Amount);

    /// <summary>How a decided request reads on the order: rejected, cancelled without money, or where its refund stands at the provider.</summary>
    public static string Decided(RefundView refund) => refund switch
    {
        { Status: RefundStatus.Rejected } => string.Format(UiText.RefundRejectedText, refund.RejectReason),
        { Amount.IsZero: true } => UiText.CancelledWithoutRefundText,
        { GatewayState: RefundGatewayState.Processing } => string.Format(UiText.RefundProcessingText, refund.Amount),
        { GatewayState: RefundGatewayState.Failed } => string.Format(UiText.RefundFailedAtProviderText, refund.Amount),
        { GatewayState: RefundGatewayState.PaidByHand } => string.Format(UiText.RefundPaidByHandText, refund.Amount, refund.HandNote),
        _ => string.Format(UiText.RefundDoneText, refund.Amount),
    };

    public static MudBlazor.Severity Severity(RefundView refund) => refund switch
    {
        { Status: RefundStatus.Rejected } or { GatewayState: RefundGatewayState.Processing } => MudBlazor.Severity.Info,
        { GatewayState: RefundGatewayState.Failed } => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Success,
    };

    /// <summary>The usual reasons a buyer gives, offered as one-tap choices (the text stays editable).</summary>
    public static IReadOnlyList<string> PresetReasons => UiText.CancelPresets.Split('|');
}
