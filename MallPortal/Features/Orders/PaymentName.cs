using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Resources;

namespace MallPortal.Features.Orders;

/// <summary>How a gateway is named to people.</summary>
public static class PaymentName
{
    public static string Of(string gateway) => gateway switch
    {
        CashOnDeliveryGateway.GatewayName => UiText.PayCashOnDelivery,
        SandboxGateway.GatewayName => UiText.PaySandbox,
        AlipayGateway.GatewayName => UiText.PayAlipay,
        Core.Orders.Payments.WeChatPay.WeChatPayGateway.GatewayName => UiText.PayWeChat,
        Core.Orders.Payments.UnionPay.UnionPayGateway.GatewayName => UiText.PayUnionPay,
        Core.Orders.Payments.Stripe.StripeGateway.GatewayName => UiText.PayStripe,
        _ => gateway,
    };
}
