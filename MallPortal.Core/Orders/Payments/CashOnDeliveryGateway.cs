namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// 货到付款: the order goes straight to shipment and the merchant marks the cash collected at delivery. Nothing is
/// paid online, so there is nothing to refund, query or close at a provider.
/// </summary>
public sealed class CashOnDeliveryGateway : IPaymentGateway
{
    public const string GatewayName = "cod";

    public static bool Is(string? gateway) => gateway == GatewayName;

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities => GatewayCapabilities.None;

    public bool PaysOnline => false;

    public GatewayAnswer Answer(bool accepted) => GatewayAnswer.Text(404, "");

    public Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Cash on delivery has no cashier.");

    public GatewayVerification Verify(GatewayCallback callback) => GatewayVerification.Rejected("cash on delivery has no notifications");

    public Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Cash on delivery refunds are settled by hand.");

    public Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Cash on delivery refunds are settled by hand.");

    public Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayTrade.NotFound);

    public Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken) => Task.FromResult(true);
}
