using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Risk;
using MallPortal.Tests.Support;
using MallPortal.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>商家工作台 and 管理概览: the cards count what is waiting, move live, and open the list behind them.</summary>
[Collection("browser")]
public class WorkbenchJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_merchant_sees_its_queues_a_new_cash_on_delivery_order_arrives_live_and_its_card_opens_the_orders_to_ship()
    {
        await ApiCheckout.RestockPillowAsync(browser.Factory, 2);
        var skuId = await ApiCheckout.SkuOfAsync(browser.Factory, ApiCheckout.Pillow);
        await using var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var shop = await db.Shops.Where(s => db.ProductSkus.Any(k => k.Id == skuId && k.ShopId == s.Id))
            .Select(s => new { s.Id, Login = db.Users.Where(u => u.Id == s.OwnerUserId).Select(u => u.PhoneNumber).Single() }).SingleAsync();
        var visible = db.Orders.Where(o => o.ShopId == shop.Id
                                           && !db.PaymentReviews.Any(r => r.PaymentId == o.PaymentId && r.Status != PaymentReviewStatus.Released));
        var toShip = await visible.CountAsync(o => o.Status == OrderStatus.PendingShipment);
        var cancellations = await visible.CountAsync(o => db.Refunds.Any(r => r.OrderId == o.Id && r.Status == RefundStatus.Requested));
        var lowStock = await db.StockAlerts.CountAsync(a => a.ShopId == shop.Id && a.ClosedAt == null);
        var unanswered = await db.ProductReviews.CountAsync(r => r.ShopId == shop.Id && r.Reply == null);

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync(shop.Login!, MallPortalFactory.DemoPassword, "/merchant");
        await merchant.WaitForReadyAsync("merchant-desk");
        await ExpectCardAsync(merchant, "desk-to-ship", toShip, "没有待发货的订单");
        await ExpectCardAsync(merchant, "desk-cancellations", cancellations, "没有待处理的取消申请");
        await ExpectCardAsync(merchant, "desk-low-stock", lowStock, "库存充足，没有预警");
        await ExpectCardAsync(merchant, "desk-reviews", unanswered, "评价都已回复");
        var paidToday = (await merchant.GetByTestId("desk-paid-today").TextContentAsync())!.Trim();

        // A buyer orders with cash on delivery: one more order to ship, and not a fen more received today.
        var placed = await browser.Factory.Services.GetRequiredService<CheckoutService>().PlaceOrderAsync(
            await ApiCheckout.ActorAsync(browser.Factory, "13800000021"),
            new CheckoutInput([new CheckoutLine(skuId, 1)], await ApiCheckout.AddressAsync(browser.Factory, "13800000021"),
                CashOnDeliveryGateway.GatewayName, Guid.NewGuid().ToString("N")));
        var number = Assert.Single(placed.OrderNumbers);
        await ExpectCardAsync(merchant, "desk-to-ship", toShip + 1, "");
        await Assertions.Expect(merchant.GetByTestId("desk-longest-wait")).ToContainTextAsync("最久已等待");
        await Assertions.Expect(merchant.GetByTestId("desk-paid-today")).ToHaveTextAsync(paidToday);

        await merchant.GetByTestId("desk-to-ship-link").ClickAsync();
        await merchant.WaitForAddressAsync("/merchant/orders\\?status=PendingShipment$");
        await Assertions.Expect(merchant.GetByTestId("order-link").Filter(new() { HasText = number })).ToBeVisibleAsync();
        await Assertions.Expect(merchant.Locator(".mud-table-body tr").Filter(new() { HasText = "待收货" })).ToHaveCountAsync(0);
        // The list's money figures: the order's cash is 待收款, not 已收款.
        var open = await visible.Where(o => o.PaidAt == null && o.Status != OrderStatus.Cancelled).SumAsync(o => o.TotalFen);
        var received = await visible.Where(o => o.PaidAt != null).SumAsync(o => o.TotalFen);
        await Assertions.Expect(merchant.GetByTestId("takings-open")).ToHaveTextAsync(new Money(open).ToString());
        await Assertions.Expect(merchant.GetByTestId("takings-received")).ToHaveTextAsync(new Money(received).ToString());
    }

    [BrowserFact]
    public async Task The_admin_sees_the_platforms_queues_and_opens_the_applications_the_overdue_orders_and_the_failed_messages()
    {
        // A consumer asks to open a shop: one application waits for review (rejected again at the end, for the journeys after).
        using var scope = browser.Factory.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<MerchantApplicationService>();
        var applicationId = await applications.SubmitAsync(await ApiCheckout.ActorAsync(browser.Factory, "13800000023"),
            new MerchantApplicationInput("工作台测试小店", "赵敏", "13800000023", "91350100M000100Y43"), Accounts.ProfileServiceTests.Png(300, 200));
        try
        {
            await AdminQueuesAsync();
        }
        finally
        {
            var adminId = (await ApiCheckout.ActorAsync(browser.Factory, MallPortalFactory.AdminLogin)).UserId;
            await applications.RejectAsync(new Actor(adminId, new HashSet<string> { Roles.Admin }), applicationId, "测试申请");
        }
    }

    private async Task AdminQueuesAsync()
    {
        await using var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var due = DateTime.UtcNow.AddHours(-48);
        var overdue = await db.Orders.CountAsync(o => o.Status == OrderStatus.PendingShipment && (o.PaidAt ?? o.PlacedAt) <= due);
        var distributors = await db.DistributorApplications.CountAsync(a => a.Status == ApplicationStatus.Pending);
        var merchants = await db.MerchantApplications.CountAsync(a => a.Status == ApplicationStatus.Pending);
        Assert.True(merchants >= 1);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed);

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForReadyAsync("admin-desk");
        await ExpectCardAsync(admin, "desk-distributor-applications", distributors, "没有待审核的分销员申请");
        await ExpectCardAsync(admin, "desk-merchant-applications", merchants, "没有待审核的入驻申请");
        await ExpectCardAsync(admin, "desk-shipping-overdue", overdue, "没有超时未发货的订单");
        await ExpectCardAsync(admin, "desk-outbox-failures", failed, "没有发送失败的消息");

        await admin.GetByTestId("desk-shipping-overdue-link").ClickAsync();
        await admin.WaitForAddressAsync("/admin/orders\\?focus=ShippingOverdue$");
        await Assertions.Expect(admin.GetByTestId("order-focus")).ToContainTextAsync("待发货超过 48 小时");
        await Assertions.Expect(admin.GetByTestId("order-link")).ToHaveCountAsync(Math.Min(overdue, 20));

        await admin.GotoAsync("/admin");
        await admin.WaitForReadyAsync("admin-desk");
        await admin.GetByTestId("desk-merchant-applications-link").ClickAsync();
        await admin.WaitForReadyAsync("applications");
        await Assertions.Expect(admin.GetByTestId("application").Filter(new() { HasText = "工作台测试小店" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("application")).ToHaveCountAsync(merchants);

        await admin.GotoAsync("/admin");
        await admin.WaitForReadyAsync("admin-desk");
        await admin.GetByTestId("desk-outbox-failures-link").ClickAsync();
        await admin.WaitForAddressAsync("/admin/outbox\\?status=Failed$");
        // The list opens on the failed messages only (the journey before may have sent some).
        if (failed == 0)
        {
            await Assertions.Expect(admin.GetByText("暂无发送记录")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(admin.Locator(".mud-table-body tr .mud-chip").First).ToHaveTextAsync("发送失败");
        }
        await Assertions.Expect(admin.Locator(".mud-table-body tr .mud-chip").Filter(new() { HasText = "已发送" })).ToHaveCountAsync(0);
    }

    /// <summary>A queue's card shows its count, or (empty) its sentence in words.</summary>
    private static async Task ExpectCardAsync(IPage page, string card, int count, string empty)
    {
        if (count == 0)
        {
            await Assertions.Expect(page.GetByTestId($"{card}-empty")).ToHaveTextAsync(empty);
        }
        else
        {
            await Assertions.Expect(page.GetByTestId($"{card}-count")).ToHaveTextAsync(count.ToString());
        }
    }
}
