using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>退款监控: refunds still processing at the provider, failed ones the platform pays back by hand, admins only.</summary>
public class RefundWatchTests
{
    [Fact]
    public async Task A_refund_the_provider_could_not_pay_is_told_to_the_buyer_and_the_admin_records_it_paid_by_hand()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        kit.Get<WeChatPaySimulator>().RefundsFail = true;
        var (buyer, refund, order) = await CancelledAsync(kit);
        var admin = await kit.AdminAsync();
        var watch = kit.Get<RefundWatchService>();
        Assert.Equal(refund, Assert.Single(await watch.ListAsync(admin, RefundGatewayState.Processing)).Number);
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(RefundGatewayState.Failed, await watch.QueryNowAsync(admin, refund));

        Assert.Equal(new RefundWatchCounts(0, 1), await watch.CountsAsync(admin));
        Assert.Equal("原路退款未成功", await LastTitleAsync(kit, buyer));
        var missing = await Assert.ThrowsAsync<DomainException>(() => watch.MarkPaidByHandAsync(admin, refund, "  "));
        Assert.Contains("凭证号", missing.Message);

        await watch.MarkPaidByHandAsync(admin, refund, "工行转账 流水 20261205001");

        var row = Assert.Single(await watch.ListAsync(admin, RefundGatewayState.PaidByHand));
        Assert.Equal((refund, order, "工行转账 流水 20261205001", kit.Now), (row.Number, row.OrderNumber, row.HandNote, row.SettledAt));
        Assert.Equal("退款已由平台退回", await LastTitleAsync(kit, buyer));
        var again = await Assert.ThrowsAsync<DomainException>(() => watch.MarkPaidByHandAsync(admin, refund, "再登记一次"));
        Assert.Contains("原路退款失败", again.Message);
    }

    [Fact]
    public async Task Only_the_platform_admin_watches_refunds()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, refund, _) = await CancelledAsync(kit);
        var watch = kit.Get<RefundWatchService>();
        var merchant = await kit.MerchantAsync();

        foreach (var actor in new[] { buyer, merchant })
        {
            await Assert.ThrowsAsync<DomainException>(() => watch.ListAsync(actor, RefundGatewayState.Processing));
            await Assert.ThrowsAsync<DomainException>(() => watch.QueryNowAsync(actor, refund));
            await Assert.ThrowsAsync<DomainException>(() => watch.MarkPaidByHandAsync(actor, refund, "转账"));
        }
    }

    [Fact]
    public async Task A_refund_still_processing_is_told_as_processing_and_its_arrival_is_a_timeline_row_and_a_message()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, refund, order) = await CancelledAsync(kit);
        var amount = (await kit.RefundAsync(refund)).Amount;

        var cancelled = (await kit.OrderAsync(order)).Events.OrderBy(e => e.Id).Last();
        Assert.Equal((OrderEventKind.CancelWithRefund, $"退款 {amount} 处理中，将原路退回，预计 1–3 个工作日到账"), (cancelled.Kind, cancelled.Note));
        Assert.Equal("订单已取消", OrderText.Event(cancelled.Kind));
        Assert.Equal("订单已取消，退款处理中", await LastTitleAsync(kit, buyer));
        Assert.DoesNotContain(await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId).Select(n => n.Body).ToListAsync()),
            body => body.Contains("请注意查收") || body.Contains("已按原支付方式退回"));
        Assert.DoesNotContain("order-refunded", await kit.QueryAsync(c => c.OutboxMessages.Select(m => m.TemplateKey).ToListAsync()));
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(RefundGatewayState.Succeeded, await kit.Get<RefundWatchService>().QueryNowAsync(await kit.AdminAsync(), refund));

        var arrived = (await kit.OrderAsync(order)).Events.OrderBy(e => e.Id).Last();
        Assert.Equal((OrderEventKind.RefundArrived, $"{amount} 已原路退回", "退款已到账"), (arrived.Kind, arrived.Note, OrderText.Event(arrived.Kind)));
        Assert.Equal("退款已到账", await LastTitleAsync(kit, buyer));
        Assert.Single(await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId && n.Title == "退款已到账").ToListAsync()));
    }

    /// <summary>A WeChat Pay order paid, cancelled on request and approved: its refund is processing at the provider.</summary>
    private static async Task<(Actor Buyer, string Refund, string Order)> CancelledAsync(OrderTestKit kit)
    {
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], WeChatPayGateway.GatewayName);
        var order = Assert.Single(placed.OrderNumbers);
        var qr = Assert.IsType<QrCodeStart>((await kit.Get<PaymentService>().StartAsync(buyer, order, OrderTestKit.SiteUrl)).Start);
        await kit.Get<WeChatPaySimulator>().PayAsync(qr.Payload);
        var refunds = kit.Get<RefundService>();
        var refund = await refunds.RequestCancellationAsync(buyer, order, "不想要了");
        await refunds.DecideAsync(await kit.MerchantAsync(), refund, true, null);
        return (buyer, refund, order);
    }

    private static Task<string> LastTitleAsync(OrderTestKit kit, Actor buyer) =>
        kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId).OrderByDescending(n => n.Id).Select(n => n.Title).FirstAsync());
}
