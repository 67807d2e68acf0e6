using MallPortal.Core.Orders.Payments.Alipay;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// The failure answer of a provider that is not configured here (its notifications still arrive while a shop switches
/// over, or someone probes the URL): each provider's own refusal where it is known, otherwise 404.
/// </summary>
public static class GatewayAnswers
{
    public static GatewayAnswer Refusal(string gatewayName) => gatewayName switch
    {
        AlipayGateway.GatewayName or Sandbox.SandboxGateway.GatewayName => AlipayProtocol.Refusal,
        WeChatPay.WeChatPayGateway.GatewayName => new GatewayAnswer(400, "application/json", """{"code":"FAIL","message":"gateway not configured"}"""),
        UnionPay.UnionPayGateway.GatewayName => UnionPay.UnionPayProtocol.Refusal,
        Stripe.StripeGateway.GatewayName => Stripe.StripeWebhook.Refused,
        _ => GatewayAnswer.Text(404, "unknown gateway"),
    };
}
