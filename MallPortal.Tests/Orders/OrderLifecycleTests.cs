using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class OrderLifecycleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Cancelling_an_unpaid_order_returns_its_stock_at_once_and_closes_its_payment(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 3)])).OrderNumbers);
        var cashier = await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl);
        Assert.Equal(7, (await kit.StockAsync(sku.SkuId)).Available);

        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);

        var stock = await kit.StockAsync(sku.SkuId);
        Assert.Equal((0, 10), (stock.Reserved, stock.Available));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.Cancelled, kit.Now, PaymentStatus.Closed), (order.Status, order.CancelledAt, order.Payment.Status));
        Assert.Equal(OrderEventKind.CancelByBuyer, order.Events.OrderBy(e => e.Id).Last().Kind);
        var tradeNo = OrderTestKit.SandboxTradeNo(cashier);
        var refused = await Assert.ThrowsAsync<DomainException>(() => kit.Get<SandboxProvider>().PayAsync(tradeNo));
        Assert.Equal("该交易已关闭或已过期，无法支付", refused.Message);
        Assert.Equal(SandboxTradeStatus.Closed, await kit.QueryAsync(c => c.SandboxTrades.Select(t => t.Status).SingleAsync()));
        Assert.Equal(0, kit.Notify.Calls);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_approved_cancellation_refunds_that_order_and_releases_its_stock(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 2), new CheckoutLine(b.SkuId, 1)]);
        var orders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        var (number, kept) = (orders.Single(o => o.ShopId == a.ShopId).Number, orders.Single(o => o.ShopId == b.ShopId).Number);
        await kit.PayAtCashierAsync(buyer, number);

        var refundNumber = await kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "拍错了");
        await kit.Get<RefundService>().DecideAsync(await kit.MerchantAsync(), refundNumber, approve: true, rejectReason: null);

        var order = await kit.OrderAsync(number);
        var refund = await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).Include(r => r.Lines).AsNoTracking().SingleAsync());
        var paid = await kit.QueryAsync(c => c.Set<SandboxRefund>().AsNoTracking().SingleAsync());
        Assert.Equal((refundNumber, order.Total, RefundStatus.Refunded, paid.RefundNo), (refund.Number, refund.Amount, refund.Status, refund.GatewayRefundNo));
        Assert.Equal((refundNumber, order.Total), (paid.OutRequestNo, paid.Amount));
        Assert.Equal(order.Total, new Money(refund.Lines.Sum(l => l.Amount.Fen)));
        Assert.True(order.Total < placed.Amount);
        Assert.Equal((OrderStatus.Cancelled, PaymentStatus.Paid, order.Total), (order.Status, order.Payment.Status, order.Payment.Refunded));
        Assert.Equal([OrderEventKind.CancellationRequested, OrderEventKind.CancelWithRefund], order.Events.OrderBy(e => e.Id).Select(e => e.Kind).TakeLast(2));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(kept)).Status);
        var (stockA, stockB) = (await kit.StockAsync(a.SkuId), await kit.StockAsync(b.SkuId));
        Assert.Equal((0, 10, 1), (stockA.Reserved, stockA.Available, stockB.Reserved));
        Assert.Equal(-2, await kit.QueryAsync(c => c.StockMovements.Where(m => m.Reference == number && m.Kind == StockMovementKind.Release).SumAsync(m => m.ReservedChange)));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rejection_needs_a_reason_and_leaves_the_order_to_ship(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var refunds = kit.Get<RefundService>();
        var refundNumber = await refunds.RequestCancellationAsync(buyer, number, "不想要了");
        var merchant = await kit.MerchantAsync();

        var noReason = await Assert.ThrowsAsync<DomainException>(() => refunds.DecideAsync(merchant, refundNumber, approve: false, rejectReason: "  "));
        Assert.Equal("RejectReason", noReason.Field);
        Assert.Equal(RefundStatus.Requested, await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).Select(r => r.Status).SingleAsync()));

        await refunds.DecideAsync(merchant, refundNumber, approve: false, rejectReason: "已打包待发");

        var refund = await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).AsNoTracking().SingleAsync());
        Assert.Equal((RefundStatus.Rejected, "已打包待发", merchant.UserId), (refund.Status, refund.RejectReason, refund.DecidedByUserId));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, Money.Zero), (order.Status, order.Payment.Refunded));
        Assert.Equal(OrderEventKind.CancellationRejected, order.Events.OrderBy(e => e.Id).Last().Kind);
        Assert.Empty(await kit.QueryAsync(c => c.Set<SandboxRefund>().ToListAsync()));
        Assert.Equal(1, (await kit.StockAsync(sku.SkuId)).Reserved);
        await kit.ShipAsync(number);
        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(number)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Shipping_needs_a_carrier_and_a_tracking_number_and_takes_the_units_off_the_shelf(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId, quantity: 2);
        var before = await kit.StockAsync(sku.SkuId);
        var (shipping, merchant) = (kit.Get<ShippingService>(), await kit.MerchantAsync());

        var noCarrier = await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(merchant, number, new(" ", "SF1234567890123")));
        var badTracking = await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(merchant, number, new("shunfeng", "SF-12")));
        var wrongFormat = await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(merchant, number, new("shunfeng", "YT1234567890123")));
        Assert.Equal(("Carrier", "TrackingNumber", "TrackingNumber"), (noCarrier.Field, badTracking.Field, wrongFormat.Field));
        Assert.Equal("运单号格式与顺丰速运不符，例如 SF1234567890123", wrongFormat.Message);
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        Assert.Equal((before.OnHand, before.Reserved), ((await kit.StockAsync(sku.SkuId)).OnHand, (await kit.StockAsync(sku.SkuId)).Reserved));

        await shipping.ShipAsync(merchant, number, new("shunfeng", "sf1234567890123"));

        var order = await kit.OrderAsync(number);
        var parcel = await kit.QueryAsync(c => c.Shipments.Include(s => s.Lines).AsNoTracking().SingleAsync(s => s.OrderId == order.Id));
        Assert.Equal((OrderStatus.PendingReceipt, kit.Now, kit.Now.AddDays(10)), (order.Status, order.ShippedAt, order.ReceiveBy));
        Assert.Equal((1, "shunfeng", "SF1234567890123", 2), (parcel.Sequence, parcel.CarrierCode, parcel.TrackingNumber, parcel.Lines.Single().Quantity));
        var after = await kit.StockAsync(sku.SkuId);
        Assert.Equal((before.OnHand - 2, before.Reserved - 2, 8), (after.OnHand, after.Reserved, after.Available));
        var shipment = await kit.QueryAsync(c => c.StockMovements.AsNoTracking().SingleAsync(m => m.Reference == number && m.Kind == StockMovementKind.Shipment));
        Assert.Equal((-2, -2), (shipment.OnHandChange, shipment.ReservedChange));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Shipping_is_refused_while_a_cancellation_request_is_open(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "地址填错了");

        var error = await Assert.ThrowsAsync<DomainException>(() => kit.ShipAsync(number));

        Assert.Equal("买家已申请取消订单，请先处理取消申请", error.Message);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, null), (order.Status, order.ShippedAt));
        Assert.Equal((1, 9), ((await kit.StockAsync(sku.SkuId)).Reserved, (await kit.StockAsync(sku.SkuId)).Available));
        var again = await Assert.ThrowsAsync<DomainException>(() => kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "再申请一次"));
        Assert.Equal("已提交取消申请，请等待商家处理", again.Message);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Confirming_receipt_completes_the_order_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var orders = kit.Get<OrderService>();
        var early = await Assert.ThrowsAsync<DomainException>(() => orders.ConfirmReceiptAsync(buyer, number));
        Assert.Equal("订单当前状态为「待发货」，不能确认收货", early.Message);
        await kit.ShipAsync(number);

        await orders.ConfirmReceiptAsync(buyer, number);

        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.Completed, kit.Now), (order.Status, order.CompletedAt));
        Assert.Equal((OrderEventKind.ConfirmReceipt, buyer.UserId), (order.Events.OrderBy(e => e.Id).Last().Kind, order.Events.OrderBy(e => e.Id).Last().ActorUserId));
        var twice = await Assert.ThrowsAsync<DomainException>(() => orders.ConfirmReceiptAsync(buyer, number));
        Assert.Equal("订单当前状态为「已完成」，不能确认收货", twice.Message);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Confirming_receipt_tells_the_buyer_once_and_the_merchant_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(number);

        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);

        var buyerTold = await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId && n.Title == "已确认收货").ToListAsync());
        var told = Assert.Single(buyerTold);
        Assert.Equal(($"/account/orders/{number}", true), (told.Link, told.Body.Contains(number)));
        Assert.Equal(1, await kit.QueryAsync(c => c.Notifications.CountAsync(n => n.Title == "买家已确认收货" && n.Body.Contains(number))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cash_on_delivery_is_collected_only_after_shipping_and_only_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        var (fulfilment, merchant) = (kit.Get<FulfilmentService>(), await kit.MerchantAsync());
        const string notAllowed = "只有已发货的货到付款订单才能确认收款，且只能确认一次";

        Assert.Equal(notAllowed, (await Assert.ThrowsAsync<DomainException>(() => fulfilment.MarkCashCollectedAsync(merchant, number))).Message);
        Assert.Null((await kit.OrderAsync(number)).CashCollectedAt);
        await kit.ShipAsync(number);
        kit.Clock.Advance(TimeSpan.FromDays(2));

        await fulfilment.MarkCashCollectedAsync(merchant, number);

        var order = await kit.OrderAsync(number);
        Assert.Equal((kit.Now, PaymentStatus.Paid, kit.Now), (order.CashCollectedAt, order.Payment.Status, order.Payment.PaidAt));
        Assert.Equal(OrderEventKind.CashCollected, order.Events.OrderBy(e => e.Id).Last().Kind);
        Assert.Equal(notAllowed, (await Assert.ThrowsAsync<DomainException>(() => fulfilment.MarkCashCollectedAsync(merchant, number))).Message);
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.CashCollected);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Fact]
    public async Task Cancelling_a_cod_order_before_the_cash_was_collected_speaks_of_no_refund()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        var merchant = await kit.MerchantAsync();
        var refunds = kit.Get<RefundService>();

        await refunds.DecideAsync(merchant, await refunds.RequestCancellationAsync(buyer, number, "不想要了"), approve: true, rejectReason: null);

        var cancelled = (await kit.OrderAsync(number)).Events.OrderBy(e => e.Id).Last();
        Assert.Equal(("订单已取消", "货到付款无需退款"), (OrderText.Event(cancelled.Kind), cancelled.Note));
        var told = await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == merchant.UserId && n.Title == "买家申请取消订单").Select(n => n.Body).SingleAsync());
        Assert.Contains("无需退款", told);
        Assert.DoesNotContain("退款 ¥", told);
        Assert.Contains("货到付款无需退款", await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId).OrderBy(n => n.Id).Select(n => n.Body).LastAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Collecting_the_cash_of_a_cod_checkout_settles_its_payment_even_when_a_sibling_order_was_cancelled(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)], CashOnDeliveryGateway.GatewayName);
        var orders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        var (kept, cancelled) = (orders.Single(o => o.ShopId == a.ShopId).Number, orders.Single(o => o.ShopId == b.ShopId).Number);
        var refunds = kit.Get<RefundService>();
        await refunds.DecideAsync(await kit.MerchantAsync(OrderTestKit.ShopB), await refunds.RequestCancellationAsync(buyer, cancelled, "不要了"), true, null);
        Assert.Equal((Money.Zero, 0), (await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).Select(r => r.Amount).SingleAsync()), (await kit.StockAsync(b.SkuId)).Reserved));
        await kit.ShipAsync(kept);

        await kit.Get<FulfilmentService>().MarkCashCollectedAsync(await kit.MerchantAsync(), kept);

        var order = await kit.OrderAsync(kept);
        Assert.Equal((kit.Now, PaymentStatus.Paid), (order.CashCollectedAt, order.Payment.Status));
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(cancelled)).Status);
        await kit.AssertLedgerReconcilesAsync();
    }
}
