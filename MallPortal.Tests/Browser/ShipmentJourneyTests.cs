using MallPortal.Core.Orders.Shipping.Simulator;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>
/// A buyer orders two units; the merchant ships one in a parcel (after a tracking number in the wrong format is
/// refused) and the other in a second; the simulated carrier scans the first to the door while the buyer's page follows
/// without a reload; the second is refused and sent back, reaches the merchant's 物流异常 queue and is handled there.
/// </summary>
[Collection("browser")]
public class ShipmentJourneyTests(BrowserFixture browser)
{
    private const int Product = 27; // sold by 13800000002's shop

    [BrowserFact]
    public async Task Two_parcels_are_followed_live_on_the_buyers_page_and_a_refused_one_is_handled_from_the_queue()
    {
        var buyer = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700006666");
        await buyer.GotoAsync($"/product/{Product}");
        await buyer.WaitForReadyAsync("buy-box");
        await buyer.GetByTestId("quantity-more").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("quantity-input")).ToHaveValueAsync("2");
        var number = await OrderJourneyTests.BuyNowAsync(buyer, "货到付款");
        await buyer.WaitForReadyAsync("order");

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await OrderJourneyTests.ShipAsync(merchant, "圆通速递", "YT12345678");
        await Assertions.Expect(merchant.GetByText("运单号格式与圆通速递不符，例如 YT1234567890123")).ToBeVisibleAsync();
        await merchant.GetByTestId("ship-split").ClickAsync();
        await merchant.GetByTestId("ship-quantity").GetByTestId("quantity-more").ClickAsync();
        await merchant.GetByLabel("快递单号").FillAsync("YT7000000000001");
        await merchant.GetByTestId("ship").ClickAsync();
        await Assertions.Expect(merchant.GetByText("包裹1已发出")).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByText("发出包裹2")).ToBeVisibleAsync();

        var parcels = buyer.GetByTestId("parcel");
        await Assertions.Expect(parcels).ToHaveCountAsync(1);
        await Assertions.Expect(parcels.First.GetByTestId("tracking")).ToHaveTextAsync("圆通速递 YT7000000000001");
        await Assertions.Expect(buyer.GetByText("商家部分发货")).ToBeVisibleAsync();
        var simulator = browser.Factory.Services.GetRequiredService<TrackingSimulator>();
        await simulator.PushNextAsync("YT7000000000001");
        await Assertions.Expect(parcels.First.GetByTestId("scan").First).ToContainTextAsync("圆通速递快递员 已揽收");
        await Assertions.Expect(parcels.First.GetByTestId("parcel-status")).ToHaveTextAsync("运输中");

        await OrderJourneyTests.ShipAsync(merchant, "顺丰速运", "SF7000000000002");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待收货");
        await Assertions.Expect(parcels).ToHaveCountAsync(2);
        for (var step = 1; step < 6; step++)
        {
            await simulator.PushNextAsync("YT7000000000001");
        }
        await Assertions.Expect(parcels.First.GetByTestId("parcel-status")).ToHaveTextAsync("已签收");
        await Assertions.Expect(parcels.First.GetByTestId("scan")).ToHaveCountAsync(6);
        await Assertions.Expect(buyer.GetByText("包裹已签收")).ToBeVisibleAsync();

        await simulator.ScriptAsync("SF7000000000002", ParcelScript.Refused);
        for (var step = 0; step < 7; step++)
        {
            await simulator.PushNextAsync("SF7000000000002");
        }
        await merchant.GetByRole(AriaRole.Link, new() { Name = "物流跟踪" }).ClickAsync();
        await merchant.WaitForReadyAsync("shipments");
        var row = merchant.GetByTestId("shipment-row").Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("拒收或退回寄件人");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await merchant.WaitForReadyAsync("order");
        await merchant.GetByTestId("problem-handled").ClickAsync();
        await Assertions.Expect(merchant.GetByText("请填写处理说明（不超过 100 个字）")).ToBeVisibleAsync();
        await merchant.GetByLabel("处理说明").FillAsync("已联系买家，改约重新派送");
        await merchant.GetByTestId("problem-handled").ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("parcel-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(parcels.Nth(1).GetByTestId("parcel-status")).ToHaveTextAsync("退回中");
    }
}
