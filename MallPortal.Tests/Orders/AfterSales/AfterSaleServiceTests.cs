using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MallPortal.Tests.Orders.AfterSales.AfterSaleTestKit;

namespace MallPortal.Tests.Orders.AfterSales;

public class AfterSaleServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_return_goes_back_on_the_shelf_and_the_unit_is_refunded_through_the_gateway_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        await SetReturnAddressAsync(kit);
        var (buyer, number, lineId, sku) = await OrderAsync(kit, quantity: 2);
        var (merchant, merchants, buyers) = (await kit.MerchantAsync(), kit.Get<MerchantAfterSaleService>(), kit.Get<AfterSaleService>());
        var before = await kit.StockAsync(sku.SkuId);
        var sales = (await kit.SalesAsync(sku.ProductId))[0];

        var sale = await ApplyAsync(kit, buyer, number, lineId);
        await merchants.ApproveAsync(merchant, sale);
        var badNumber = await Assert.ThrowsAsync<DomainException>(() => buyers.ShipBackAsync(buyer, sale, "yuantong", "SF1234567890123"));
        Assert.Equal("TrackingNumber", badNumber.Field);
        await buyers.ShipBackAsync(buyer, sale, "yuantong", "YT1234567890123");
        await merchants.ReceiveAsync(merchant, sale, restock: true, null);
        await Assert.ThrowsAsync<DomainException>(() => merchants.ReceiveAsync(merchant, sale, restock: true, null));

        var done = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.Refunded, sku.Price, sku.Price, true), (done.Status, done.Amount, done.RefundedAmount, done.Restocked));
        Assert.Equal([null, AfterSaleTrigger.ApproveReturn, AfterSaleTrigger.ShipBack, AfterSaleTrigger.Refund], done.Events.OrderBy(e => e.Id).Select(e => e.Trigger));
        var trade = await kit.QueryAsync(c => c.SandboxTrades.Include(t => t.Refunds).AsNoTracking().SingleAsync(t => t.OutTradeNo == c.Orders.Single(o => o.Number == number).Payment.Number));
        Assert.Equal((done.RefundNumber, sku.Price), (trade.Refunds.Single().OutRequestNo, trade.Refunds.Single().Amount));
        Assert.Equal((before.OnHand + 1, before.Reserved), ((await kit.StockAsync(sku.SkuId)).OnHand, (await kit.StockAsync(sku.SkuId)).Reserved));
        Assert.Equal(sales - 1, (await kit.SalesAsync(sku.ProductId))[0]);
        var order = await kit.OrderAsync(number);
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(4, order.Events.Count(e => e.Kind is OrderEventKind.AfterSale or OrderEventKind.AfterSaleRefunded));
        Assert.Contains("售后退款成功", await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Claims_outside_the_window_beyond_what_was_bought_or_on_another_buyers_order_are_refused(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, number, lineId, _) = await OrderAsync(kit, quantity: 2);
        var stranger = await kit.ConsumerAsync(OrderTestKit.OtherBuyer);

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, buyer, number, lineId, quantity: 3));
        var notYours = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, stranger, number, lineId));
        Assert.Equal(("Quantity", "订单不存在"), (tooMany.Field, notYours.Message));
        await ApplyAsync(kit, buyer, number, lineId, quantity: 2);
        var again = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, buyer, number, lineId));
        Assert.Equal("该商品已全部退款或正在售后中", again.Message);

        var (late, lateNumber, lateLine, _) = await OrderAsync(kit, quantity: 1);
        kit.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, late, lateNumber, lateLine, reason: AfterSaleReason.NoReason));
        Assert.Equal("已超过售后期限（7天无理由：确认收货后 7 天内）", noReason.Message);
        await ApplyAsync(kit, late, lateNumber, lateLine, reason: AfterSaleReason.Quality);
        Assert.Equal(1, await kit.QueryAsync(c => c.AfterSales.CountAsync(a => c.Orders.Any(o => o.Id == a.OrderId && o.Number == lateNumber))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Before_shipment_a_refund_of_some_units_releases_them_and_the_rest_ships(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, number, lineId, sku) = await OrderAsync(kit, quantity: 3, ship: false);
        var reserved = (await kit.StockAsync(sku.SkuId)).Reserved;

        var whole = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, buyer, number, lineId, AfterSaleType.RefundOnly, quantity: 3));
        var returnFirst = await Assert.ThrowsAsync<DomainException>(() => ApplyAsync(kit, buyer, number, lineId, AfterSaleType.ReturnAndRefund));
        Assert.Equal(("未发货的商品全部退款，请直接申请取消订单", "Type"), (whole.Message, returnFirst.Field));
        var sale = await ApplyAsync(kit, buyer, number, lineId, AfterSaleType.RefundOnly, AfterSaleReason.Other, quantity: 1);
        await Assert.ThrowsAsync<DomainException>(() => kit.ShipAsync(number));
        await kit.Get<MerchantAfterSaleService>().ApproveAsync(await kit.MerchantAsync(), sale);
        Assert.Equal(reserved - 1, (await kit.StockAsync(sku.SkuId)).Reserved);

        await kit.ShipAsync(number);

        var order = await kit.OrderAsync(number);
        Assert.Equal(OrderStatus.PendingReceipt, order.Status);
        var parcel = await kit.QueryAsync(c => c.Shipments.Include(s => s.Lines).AsNoTracking().SingleAsync(s => s.OrderId == order.Id));
        Assert.Equal(2, parcel.Lines.Single().Quantity);
        Assert.Equal(sku.Price, (await CaseAsync(kit, sale)).RefundedAmount);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unanswered_claim_is_approved_after_48_hours_and_a_return_not_sent_in_7_days_closes(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        await SetReturnAddressAsync(kit);
        var (buyer, number, lineId, _) = await OrderAsync(kit);
        var sale = await ApplyAsync(kit, buyer, number, lineId);
        var timers = kit.Get<AfterSaleTimerService>();

        kit.Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(1));
        await timers.RunAsync();
        Assert.Equal(AfterSaleStatus.PendingMerchant, (await CaseAsync(kit, sale)).Status);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await timers.RunAsync();
        var approved = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.AwaitingReturn, null, kit.Now.AddDays(7)), (approved.Status, approved.Events[^1].ActorUserId, approved.DueAt));
        Assert.NotNull(approved.ReturnAddress);

        kit.Clock.Advance(TimeSpan.FromDays(7));
        await timers.RunAsync();
        Assert.Equal(AfterSaleStatus.Closed, (await CaseAsync(kit, sale)).Status);
        Assert.Contains("售后单已关闭", await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refused_claim_goes_to_the_platform_which_refunds_part_and_only_the_admin_may_rule(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, number, lineId, sku) = await OrderAsync(kit);
        var sale = await ApplyAsync(kit, buyer, number, lineId, AfterSaleType.RefundOnly, AfterSaleReason.Damaged);
        var (merchant, arbitration) = (await kit.MerchantAsync(), kit.Get<ArbitrationService>());
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<MerchantAfterSaleService>().RejectAsync(merchant, sale, " "));
        await kit.Get<MerchantAfterSaleService>().RejectAsync(merchant, sale, "发货前已检查");
        var shopB = await kit.MerchantAsync(OrderTestKit.ShopB);
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<MerchantAfterSaleService>().ApproveAsync(shopB, sale));
        await kit.Get<AfterSaleService>().EscalateAsync(buyer, sale, "签收时已破损");
        await kit.Get<AfterSaleTalkService>().SayAsync(merchant, AfterSaleParty.Merchant, sale, "请提供开箱照片");

        await Assert.ThrowsAsync<DomainException>(() => arbitration.RefundAsync(merchant, sale, null, "商家自己裁决"));
        var admin = await kit.AdminAsync();
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => arbitration.RefundAsync(admin, sale, sku.Price + new Money(1), "多退"));
        Assert.Equal("Amount", tooMuch.Field);
        var half = new Money(sku.Price.Fen / 2);
        await arbitration.RefundAsync(admin, sale, half, "外包装照片显示运输破损，部分退款");

        var ruled = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.Refunded, half, "平台裁决：外包装照片显示运输破损，部分退款"), (ruled.Status, ruled.RefundedAmount, ruled.DecisionNote));
        // The buyer keeps the goods: the units stay sold and may be claimed again for what is left of the money.
        var left = await kit.Get<AfterSaleQueries>().ClaimableLinesAsync(buyer, number);
        Assert.Equal(2, left[lineId]);
        var next = await ApplyAsync(kit, buyer, number, lineId, AfterSaleType.RefundOnly, AfterSaleReason.Damaged, quantity: 2);
        Assert.Equal(sku.Price + sku.Price - half, (await CaseAsync(kit, next)).Amount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Returned_goods_refused_with_a_photo_go_to_the_platform_which_dismisses_and_strangers_never_see_the_case(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        await SetReturnAddressAsync(kit);
        var (buyer, number, lineId, sku) = await OrderAsync(kit);
        var (merchant, merchants) = (await kit.MerchantAsync(), kit.Get<MerchantAfterSaleService>());
        var sale = await kit.Get<AfterSaleService>().ApplyAsync(buyer, number, lineId,
            new AfterSaleClaim(AfterSaleType.ReturnAndRefund, AfterSaleReason.NoReason, 1, null), [ProfileServiceTests.Png(300, 300)]);
        await merchants.ApproveAsync(merchant, sale);
        await kit.Get<AfterSaleService>().ShipBackAsync(buyer, sale, "shunfeng", "SF1234567890999");
        var onHand = (await kit.StockAsync(sku.SkuId)).OnHand;

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => merchants.RefuseReturnAsync(merchant, sale, "寄回的是旧货", Enumerable.Repeat(ProfileServiceTests.Png(50, 50), 7).ToList()));
        Assert.Equal("Photos", tooMany.Field);
        await merchants.RefuseReturnAsync(merchant, sale, "寄回的商品已使用，吊牌已剪", [ProfileServiceTests.Png(300, 300)]);
        await kit.Get<AfterSaleService>().EscalateAsync(buyer, sale, "收到时吊牌就是这样");
        await kit.Get<ArbitrationService>().DismissAsync(await kit.AdminAsync(), sale, "商家提供的照片显示商品已使用");

        var closed = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.Closed, 1, 1), (closed.Status, closed.PhotoPaths.Count, closed.RefusalPhotoPaths.Count));
        Assert.Equal(onHand, (await kit.StockAsync(sku.SkuId)).OnHand);
        var queries = kit.Get<AfterSaleQueries>();
        Assert.NotNull(await queries.GetAsync(buyer, AfterSaleParty.Buyer, sale));
        Assert.Null(await queries.GetAsync(await kit.ConsumerAsync(OrderTestKit.OtherBuyer), AfterSaleParty.Buyer, sale));
        Assert.Null(await queries.GetAsync(await kit.MerchantAsync(OrderTestKit.ShopB), AfterSaleParty.Merchant, sale));
        await Assert.ThrowsAsync<DomainException>(() => queries.GetAsync(buyer, AfterSaleParty.Platform, sale));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<AfterSaleTalkService>().SayAsync(buyer, AfterSaleParty.Merchant, sale, "冒充商家"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refund_the_gateway_refuses_changes_nothing_and_the_retry_uses_the_same_refund_number(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, number, lineId, _) = await OrderAsync(kit);
        var sale = await ApplyAsync(kit, buyer, number, lineId, AfterSaleType.RefundOnly);
        var merchant = await kit.MerchantAsync();
        var tradeId = await kit.QueryAsync(c => c.SandboxTrades.Where(t => t.OutTradeNo == c.Orders.Single(o => o.Number == number).Payment.Number).Select(t => t.Id).SingleAsync());
        await kit.QueryAsync(c => c.SandboxTrades.Where(t => t.Id == tradeId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, SandboxTradeStatus.Closed)));

        var refused = await Assert.ThrowsAsync<DomainException>(() => kit.Get<MerchantAfterSaleService>().ApproveAsync(merchant, sale));
        Assert.Contains("TRADE_NOT_PAID", refused.Message);
        var kept = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.PendingMerchant, 0), (kept.Status, await kit.QueryAsync(c => c.Refunds.CountAsync(r => r.Number == kept.RefundNumber))));

        await kit.QueryAsync(c => c.SandboxTrades.Where(t => t.Id == tradeId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, SandboxTradeStatus.Paid)));
        await kit.Get<MerchantAfterSaleService>().ApproveAsync(merchant, sale);
        var done = await CaseAsync(kit, sale);
        Assert.Equal((AfterSaleStatus.Refunded, kept.RefundNumber), (done.Status, done.RefundNumber));
    }
}
