using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Inventory;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>
/// 孙丽 (王芳's customer) pays for a pillow online, receives it, and returns it for a quality problem with a photo; the
/// shop agrees, she sends it back (after a tracking number in the wrong format is refused), the shop takes it in and the
/// money goes back — her case page moving by itself at every step. Then the commission, the stock and the funds add up.
/// </summary>
[Collection("browser")]
public class AfterSaleJourneyTests(BrowserFixture browser)
{
    private const int Product = 27; // sold by 13800000002's shop

    [BrowserFact]
    public async Task A_return_with_a_photo_is_agreed_sent_back_received_and_refunded_while_the_buyer_watches()
    {
        var start = DateTime.UtcNow.AddMinutes(-1);
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000023", MallPortalFactory.DemoPassword, $"/product/{Product}");
        await buyer.WaitForAddressAsync($"/product/{Product}");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await OrderJourneyTests.ShipAsync(merchant, "中通快递", "780076543299");
        await Assertions.Expect(merchant.GetByText("包裹1已发出")).ToBeVisibleAsync();

        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await buyer.GetByTestId("apply-aftersale").ClickAsync();
        await buyer.WaitForReadyAsync("apply-aftersale");
        await buyer.GetByLabel("问题描述").FillAsync("枕芯有异味，洗后仍然明显");
        await buyer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "smell.png", MimeType = "image/png", Buffer = ProfileServiceTests.Png(400, 400) });
        await Assertions.Expect(buyer.GetByTestId("picked-photo")).ToHaveCountAsync(1);
        await buyer.GetByTestId("aftersale-submit").ClickAsync();
        await buyer.WaitForAddressAsync("/account/aftersales/S[0-9]+$");
        await buyer.WaitForReadyAsync("aftersale");
        var caseNumber = buyer.Url.Split('/')[^1];
        var status = buyer.GetByTestId("aftersale-status");
        await Assertions.Expect(status).ToHaveTextAsync("待商家处理");
        await Assertions.Expect(buyer.GetByTestId("aftersale-photo")).ToHaveCountAsync(1);

        await merchant.GetByRole(AriaRole.Link, new() { Name = "售后处理" }).ClickAsync();
        await merchant.WaitForReadyAsync("aftersales");
        await merchant.GetByTestId("aftersale-row").Filter(new() { HasText = caseNumber }).GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await merchant.WaitForReadyAsync("aftersale");
        await merchant.GetByTestId("aftersale-approve").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("待买家退货");
        await Assertions.Expect(buyer.GetByTestId("return-address")).ToContainTextAsync("文一西路");

        await AccountJourneyTests.PickAsync(buyer, buyer.GetByTestId("return-carrier"), "圆通速递");
        await buyer.GetByLabel("快递单号").FillAsync("780000000001");
        await buyer.GetByTestId("return-send").ClickAsync();
        await Assertions.Expect(buyer.GetByText("运单号格式与圆通速递不符，例如 YT1234567890123")).ToBeVisibleAsync();
        await buyer.GetByLabel("快递单号").FillAsync("YT7000000000009");
        await buyer.GetByTestId("return-send").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("商家待收货");

        var skuId = await QueryAsync(db => db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.SkuId).SingleAsync());
        var onHand = await QueryAsync(db => db.StockItems.Where(s => s.SkuId == skuId).Select(s => s.OnHand).SingleAsync());
        await Assertions.Expect(merchant.GetByTestId("return-parcel")).ToContainTextAsync("YT7000000000009");
        await merchant.GetByTestId("aftersale-receive").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("已退款");
        await Assertions.Expect(buyer.GetByTestId("aftersale-refunded")).ToBeVisibleAsync();

        Assert.Equal(onHand + 1, await QueryAsync(db => db.StockItems.Where(s => s.SkuId == skuId).Select(s => s.OnHand).SingleAsync()));
        var commissions = await QueryAsync(db => db.Commissions.Where(c => db.Orders.Any(o => o.Id == c.OrderId && o.Number == number)).ToListAsync());
        Assert.NotEmpty(commissions);
        Assert.All(commissions, c => Assert.Equal(c.AmountFen, c.ReversedFen));
        var admin = await browser.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var report = await browser.Factory.Services.GetRequiredService<Core.Distribution.Funds.FundsReconciliation>()
            .RunAsync(new Core.Common.Actor(0, new HashSet<string> { Core.Accounts.Roles.Admin }), new Period(start, DateTime.UtcNow.AddMinutes(1)));
        await admin.DisposeAsync();
        Assert.True(report.Balanced, string.Join("; ", report.Differences.Select(d => d.OrderNumber)));
        Assert.Contains(report.Orders, o => o.OrderNumber == number);
        Assert.Empty(await browser.Factory.Services.GetRequiredService<InventoryService>().ReconcileAsync());
    }

    [BrowserFact]
    public async Task The_platform_rules_on_the_demo_dispute_in_part_and_both_sides_read_the_reason()
    {
        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForAddressAsync("/admin$");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "售后仲裁" }).ClickAsync();
        await admin.WaitForReadyAsync("aftersales");
        var row = admin.GetByTestId("aftersale-row").Filter(new() { HasText = "平台介入中" }).First;
        var caseNumber = await row.GetByRole(AriaRole.Link).First.InnerTextAsync();
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await admin.WaitForReadyAsync("aftersale");
        await Assertions.Expect(admin.GetByTestId("decision-note")).ToContainTextAsync("开箱视频");

        await admin.GetByTestId("arbitration-refund").ClickAsync();
        await Assertions.Expect(admin.GetByText("请填写裁决理由（不超过 200 个字），买卖双方都会看到")).ToBeVisibleAsync();
        await admin.GetByLabel("裁决理由").FillAsync("签收照片显示外壳破损，支持退款 5 元");
        await admin.GetByTestId("arbitration-amount").FillAsync("5");
        await admin.GetByTestId("arbitration-refund").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("aftersale-status")).ToHaveTextAsync("已退款");

        var phone = await QueryAsync(db => db.Users.Where(u => db.AfterSales.Any(a => a.Number == caseNumber && a.BuyerUserId == u.Id)).Select(u => u.PhoneNumber!).SingleAsync());
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync(phone, MallPortalFactory.DemoPassword, $"/account/aftersales/{caseNumber}");
        await buyer.WaitForReadyAsync("aftersale");
        await Assertions.Expect(buyer.GetByTestId("decision-note")).ToContainTextAsync("平台裁决：签收照片显示外壳破损");
        await Assertions.Expect(buyer.GetByTestId("aftersale-refunded")).ToContainTextAsync("5.00");
    }

    private async Task<T> QueryAsync<T>(Func<MallDbContext, Task<T>> query)
    {
        await using var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
