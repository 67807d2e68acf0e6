using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>换个支付方式: from one unpaid gateway to another, the old trade closed first.</summary>
public class PaymentMethodSwitchTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_buyer_who_left_the_Alipay_cashier_pays_both_shops_orders_with_WeChat_Pay_and_the_Alipay_trade_can_no_longer_take_money(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var a = await kit.SkuAsync(OrderTestKit.ShopA, available: 10);
        var b = await kit.SkuAsync(OrderTestKit.ShopB, available: 10);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 2)], AlipayGateway.GatewayName);
        var (_, alipayTrade) = await AlipayGatewayTests.OpenCashierAsync(kit, buyer, placed.OrderNumbers[0]);

        await kit.Get<PaymentMethodSwitch>().SwitchAsync(buyer, placed.OrderNumbers[1], WeChatPayGateway.GatewayName);

        Assert.Equal(SimulatedAlipayStatus.TradeClosed, alipayTrade.Status);
        var orders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        Assert.All(orders, o => Assert.Equal((WeChatPayGateway.GatewayName, WeChatPayGateway.GatewayName), (o.PaymentMethod, o.Payment.Gateway)));
        Assert.Single(orders.Select(o => o.Payment.Number).Distinct());
        Assert.NotEqual(placed.PaymentNumber, orders[0].Payment.Number);
        Assert.Equal(placed.Amount, orders[0].Payment.Amount);
        var old = await kit.QueryAsync(c => c.Payments.AsNoTracking().SingleAsync(p => p.Number == placed.PaymentNumber));
        Assert.Equal(PaymentStatus.Closed, old.Status);

        var qr = Assert.IsType<QrCodeStart>((await kit.Get<PaymentService>().StartAsync(buyer, placed.OrderNumbers[0], OrderTestKit.SiteUrl)).Start);
        await kit.Get<WeChatPaySimulator>().PayAsync(qr.Payload);

        Assert.All(await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync)), o => Assert.Equal(OrderStatus.PendingShipment, o.Status));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Fact]
    public async Task A_trade_paid_meanwhile_is_settled_instead_and_only_the_buyer_may_switch_to_an_online_gateway()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await AlipayGatewayTests.PlacedAsync(kit);
        var (_, trade) = await AlipayGatewayTests.OpenCashierAsync(kit, buyer, number);
        var switching = kit.Get<PaymentMethodSwitch>();

        var other = await kit.ConsumerAsync(OrderTestKit.OtherBuyer);
        var stranger = await Assert.ThrowsAsync<DomainException>(() => switching.SwitchAsync(other, number, WeChatPayGateway.GatewayName));
        var cod = await Assert.ThrowsAsync<DomainException>(() => switching.SwitchAsync(buyer, number, "cod"));
        kit.Get<AlipaySimulator>().Behaviour.Drop = true;
        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo); // paid at Alipay, the notification lost
        var paid = await Assert.ThrowsAsync<DomainException>(() => switching.SwitchAsync(buyer, number, WeChatPayGateway.GatewayName));

        Assert.Contains("不存在", stranger.Message);
        Assert.Equal("PaymentMethod", cod.Field);
        Assert.Equal("该订单刚刚已支付，无需更换支付方式", paid.Message);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, AlipayGateway.GatewayName, placed.PaymentNumber), (order.Status, order.PaymentMethod, order.Payment.Number));
    }
}
