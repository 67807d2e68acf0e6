using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Payments.Bills;

/// <summary>渠道对账 end to end: each simulator's bill downloaded through its gateway and compared with the books.</summary>
public class BillReconciliationTests
{
    [Fact]
    public async Task A_sandbox_day_with_a_lost_notification_a_forged_payment_and_a_refund_unknown_here_shows_each_difference()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        var matched = await OrderAsync(kit, buyer, address, sku.SkuId);
        await kit.PayAtCashierAsync(buyer, matched);
        // 长款: paid at the sandbox, but the site never heard of it.
        var lost = await OrderAsync(kit, buyer, address, sku.SkuId);
        kit.Notify.FailFirst = kit.Notify.Calls + 100;
        await kit.PayAtCashierAsync(buyer, lost);
        kit.Notify.FailFirst = 0;
        // 短款: a signed notification the sandbox never sent (its trade was never paid there).
        var forged = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        // A refund the provider paid that the books do not have.
        var matchedPayment = (await kit.OrderAsync(matched)).Payment;
        await kit.Get<SandboxProvider>().RefundAsync(new GatewayRefundRequest(matchedPayment.Number, "R-UNKNOWN-1", new Money(1), matchedPayment.Amount, "测试"), default);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(lost)).Status);

        var bills = kit.Get<BillReconciliation>();
        var result = await bills.ImportAsync(admin, SandboxGateway.GatewayName, BillDay.Of(kit.Clock.GetUtcNow()));

        Assert.Equal((3, 3, 1), (result.Lines, result.Differences, result.Repaired));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(lost)).Status);
        var all = (await bills.DifferencesAsync(admin, openOnly: false, 0, 20)).Items;
        Assert.Equal(
        [
            (BillDifferenceKind.PaidOnlyAtGateway, lost, BillDifferenceStatus.Repaired),
            (BillDifferenceKind.PaidOnlyHere, forged, BillDifferenceStatus.Open),
            (BillDifferenceKind.RefundOnlyAtGateway, matched, BillDifferenceStatus.Open),
        ], all.OrderBy(d => d.Kind).Select(d => (d.Kind, d.OrderNumber!, d.Status)).ToList());
        var bill = Assert.Single(await bills.BillsAsync(admin));
        Assert.Equal((2, 2, 1), (bill.OpenDifferences, bill.Payments, bill.Refunds));
        Assert.Equal(64, bill.Sha256.Length);

        var shortPaid = all.Single(d => d.Kind == BillDifferenceKind.PaidOnlyHere);
        var noNote = await Assert.ThrowsAsync<DomainException>(() => bills.ResolveAsync(admin, shortPaid.Id, " "));
        Assert.Contains("处理说明", noNote.Message);
        await bills.ResolveAsync(admin, shortPaid.Id, "沙箱测试通知，已作废该订单");
        var again = await Assert.ThrowsAsync<DomainException>(() => bills.ResolveAsync(admin, shortPaid.Id, "再登记"));
        Assert.Contains("已处理过", again.Message);

        // Downloading the day again keeps what people resolved and finds the rest again.
        var twice = await bills.ImportAsync(admin, SandboxGateway.GatewayName, BillDay.Of(kit.Clock.GetUtcNow()));
        Assert.Equal(1, twice.Differences);
        var after = (await bills.DifferencesAsync(admin, openOnly: false, 0, 20)).Items;
        Assert.Contains(after, d => d.Id == shortPaid.Id && d.Status == BillDifferenceStatus.Resolved && d.Note == "沙箱测试通知，已作废该订单");
        Assert.Single((await bills.DifferencesAsync(admin, openOnly: true, 0, 20)).Items);
    }

    [Fact]
    public async Task Alipay_and_wechat_pay_bills_come_through_their_gateways_and_balance_with_the_books()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        var alipayOrder = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], AlipayGateway.GatewayName)).OrderNumbers);
        var form = Assert.IsType<FormStart>((await kit.Get<PaymentService>().StartAsync(buyer, alipayOrder, OrderTestKit.SiteUrl)).Start);
        var alipay = kit.Get<AlipaySimulator>();
        await alipay.PayAsync(alipay.OpenCashier(form.Fields.ToDictionary()).Trade!.TradeNo);
        var wechatOrder = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], WeChatPayGateway.GatewayName)).OrderNumbers);
        var qr = Assert.IsType<QrCodeStart>((await kit.Get<PaymentService>().StartAsync(buyer, wechatOrder, OrderTestKit.SiteUrl)).Start);
        await kit.Get<WeChatPaySimulator>().PayAsync(qr.Payload);
        var refunds = kit.Get<RefundService>();
        await refunds.DecideAsync(await kit.MerchantAsync(), await refunds.RequestCancellationAsync(buyer, wechatOrder, "不想要了"), true, null);
        kit.Clock.Advance(TimeSpan.FromSeconds(11));
        await kit.Get<GatewayQueries>().QueryProcessingRefundsAsync();

        var bills = kit.Get<BillReconciliation>();
        Assert.Equal([AlipayGateway.GatewayName, SandboxGateway.GatewayName, "stripe", "unionpay", WeChatPayGateway.GatewayName], bills.Sources.Order());
        var today = BillDay.Of(kit.Clock.GetUtcNow());
        Assert.Equal(new BillImport(1, 1, 0, 0), await bills.ImportAsync(admin, AlipayGateway.GatewayName, today) with { BillId = 1 });
        var wechat = await bills.ImportAsync(admin, WeChatPayGateway.GatewayName, today);
        Assert.Equal((2, 0), (wechat.Lines, wechat.Differences));

        var future = await Assert.ThrowsAsync<DomainException>(() => bills.ImportAsync(admin, AlipayGateway.GatewayName, today.AddDays(1)));
        Assert.Equal("Day", future.Field);
        await Assert.ThrowsAsync<DomainException>(() => bills.ImportAsync(admin, "cod", today));
        var files = await kit.QueryAsync(c => c.PaymentBills.OrderBy(b => b.Id).Select(b => b.FileName).ToListAsync());
        Assert.Equal([$"alipay_{today:yyyyMMdd}_trade.zip", $"wechatpay_{today:yyyyMMdd}_tradebill.csv"], files);
    }

    [Fact]
    public async Task Only_the_platform_admin_reconciles_bills()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _) = await kit.BuyerAsync();
        var merchant = await kit.MerchantAsync();
        var bills = kit.Get<BillReconciliation>();
        foreach (var actor in new[] { buyer, merchant })
        {
            await Assert.ThrowsAsync<DomainException>(() => bills.ImportAsync(actor, SandboxGateway.GatewayName, new DateOnly(2026, 12, 1)));
            await Assert.ThrowsAsync<DomainException>(() => bills.BillsAsync(actor));
            await Assert.ThrowsAsync<DomainException>(() => bills.DifferencesAsync(actor, true, 0, 10));
            await Assert.ThrowsAsync<DomainException>(() => bills.ResolveAsync(actor, 1, "看看"));
        }
        Assert.Equal(0, await kit.QueryAsync(c => c.PaymentBills.CountAsync()));
    }

    [Fact]
    public async Task The_morning_job_imports_yesterdays_bills_once()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var bills = kit.Get<BillReconciliation>();
        kit.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(5, await bills.ImportYesterdayAsync()); // the sandbox, Alipay, WeChat Pay, UnionPay and Stripe
        Assert.Equal(0, await bills.ImportYesterdayAsync());
        var days = await kit.QueryAsync(c => c.PaymentBills.Select(b => b.Day).Distinct().ToListAsync());
        Assert.Equal([BillDay.Of(kit.Clock.GetUtcNow()).AddDays(-1)], days);
    }

    private static async Task<string> OrderAsync(OrderTestKit kit, Core.Common.Actor buyer, int address, int skuId) =>
        Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(skuId, 1)])).OrderNumbers);
}
