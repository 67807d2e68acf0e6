using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Orders.Payments;

public class PaymentNotificationLogTests
{
    [Fact]
    public async Task The_admin_reads_each_gateways_notifications_by_outcome_and_payment_with_the_reason_a_refused_one_was_refused()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        var forged = kit.PaidNotice(placed.PaymentNumber, placed.Amount, key: "not-the-key");
        await kit.NotifyAsync(forged);
        var genuine = kit.PaidNotice(placed.PaymentNumber, placed.Amount);
        await kit.NotifyAsync(genuine);
        await kit.NotifyAsync(genuine);
        var log = kit.Get<PaymentNotificationLog>();
        var admin = await kit.AdminAsync();

        var all = await log.PageAsync(admin, new PaymentNotificationFilter(SandboxGateway.GatewayName, PaymentNumber: placed.PaymentNumber), 0, 10);
        var refused = await log.PageAsync(admin, new PaymentNotificationFilter(Outcome: NotificationOutcome.Rejected), 0, 10);
        var nothing = await log.PageAsync(admin, new PaymentNotificationFilter("alipay", PaymentNumber: placed.PaymentNumber), 0, 10);

        Assert.Equal([NotificationOutcome.Duplicate, NotificationOutcome.Accepted, NotificationOutcome.Rejected], all.Items.Select(r => r.Outcome));
        Assert.Equal((1, "signature"), (refused.Total, Assert.Single(refused.Items).Reason));
        Assert.Contains(placed.PaymentNumber, refused.Items[0].Payload);
        Assert.Empty(nothing.Items);
        await Assert.ThrowsAsync<DomainException>(() => log.PageAsync(buyer, new PaymentNotificationFilter(), 0, 10));
        await Assert.ThrowsAsync<DomainException>(async () => await log.PageAsync(await kit.MerchantAsync(), new PaymentNotificationFilter(), 0, 10));
    }
}
