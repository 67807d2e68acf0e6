using System.Text.RegularExpressions;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>The buying pages on a 390 × 844 touch screen, where most Chinese shoppers buy.</summary>
[Collection("browser")]
public class PhoneJourneyTests(BrowserFixture browser)
{
    private const int Holder = OrderJourneyTests.Holder;

    [BrowserFact]
    public async Task On_a_phone_the_buying_pages_fit_the_screen_without_sideways_scrolling()
    {
        var phone = await browser.NewPageAsync(phone: true);
        await phone.LogInAsync("13800000022", MallPortalFactory.DemoPassword, $"/product/{Holder}");
        await OrderJourneyTests.AddToCartAsync(phone, Holder, navigate: false);
        await OrderJourneyTests.AddToCartAsync(phone, 27); // a second shop: checkout says the orders will be split

        foreach (var (path, ready) in new[] { ("/cart", "[data-testid=cart-line]"), ("/checkout", "[data-testid=checkout-shop]"),
                     ("/account/orders", "[data-ready=orders][data-state=interactive]"), ($"/product/{Holder}", "[data-ready=buy-box][data-state=interactive]") })
        {
            await phone.GotoAsync(path);
            await phone.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // A phone zooms out to fit wider content, so compare with the screen's width, not the window's.
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, screen.width]");
            var (content, screen) = (widths[0], widths[1]);
            Assert.True(content <= screen, $"{path} is {content} px wide on a {screen} px screen");
            await Assertions.Expect(phone.GetByTestId("cart-badge")).ToBeInViewportAsync();
        }

        // The quantity stepper: one tap adds one, an amount beyond the stock is brought down and the limit is said.
        await phone.GotoAsync("/cart");
        await phone.WaitForInteractiveAsync();
        var line = phone.GetByTestId("cart-line").Filter(new() { HasText = "车载手机支架" });
        var input = line.GetByTestId("quantity-input");
        var before = int.Parse(await input.InputValueAsync());
        var total = await phone.GetByTestId("cart-total").InnerTextAsync();
        await line.GetByTestId("quantity-more").ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync((before + 1).ToString());
        await Assertions.Expect(phone.GetByTestId("cart-total")).Not.ToHaveTextAsync(total);
        await input.FillAsync("99999");
        await input.PressAsync("Tab");
        await Assertions.Expect(line.GetByTestId("quantity-notice")).ToContainTextAsync("最多可买");
        Assert.InRange(int.Parse(await input.InputValueAsync()), before + 1, 9999);
    }

    [BrowserFact]
    public async Task On_a_phone_the_drawer_opens_over_the_page_closes_on_navigation_and_every_product_tab_can_be_tapped()
    {
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync("/product/1");
        await phone.WaitForReadyAsync("buy-box");
        var drawer = phone.Locator(".app-drawer");
        await Assertions.Expect(drawer).Not.ToBeInViewportAsync();

        await phone.Locator(".app-menu-narrow").ClickAsync();
        await Assertions.Expect(drawer).ToBeInViewportAsync();
        await drawer.GetByRole(AriaRole.Link, new() { Name = "购物车" }).ClickAsync();
        await phone.WaitForAddressAsync("/cart$");
        await Assertions.Expect(drawer).Not.ToBeInViewportAsync();

        // The three tabs share the screen's width: the last one is tapped, not clipped off the right edge.
        await phone.GotoAsync("/product/1");
        await phone.WaitForReadyAsync("buy-box");
        await phone.GetByTestId("reviews-tab").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("reviews-tab")).ToHaveAttributeAsync("aria-selected", "true");
        var right = await phone.GetByTestId("reviews-tab").EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        Assert.True(right <= 390, $"the reviews tab ends at {right} px on a 390 px screen");
    }

    [BrowserFact]
    public async Task On_a_phone_the_product_page_keeps_buy_now_in_a_bottom_bar_that_buys_like_the_buy_box()
    {
        var phone = await browser.NewPageAsync(phone: true);
        // A product with specs: the bar asks for a SKU first, as the buy box does.
        await phone.GotoAsync("/product/1");
        await phone.WaitForReadyAsync("buy-box");
        await Assertions.Expect(phone.GetByTestId("bar-buy-now")).ToBeInViewportAsync();
        await phone.GetByTestId("bar-buy-now").ClickAsync();
        await Assertions.Expect(phone.GetByText("请先选择规格")).ToBeVisibleAsync();
        Assert.EndsWith("/product/1", phone.Url);

        await phone.LogInAsync("13800000022", MallPortalFactory.DemoPassword, $"/product/{Holder}");
        await phone.WaitForReadyAsync("buy-box");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => window.scrollY"));
        await Assertions.Expect(phone.GetByTestId("bar-buy-now")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(phone.GetByTestId("bar-add-to-cart")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(phone.GetByTestId("buy-now")).ToBeHiddenAsync(); // the box's own buttons make way for the bar
        await Assertions.Expect(phone.GetByTestId("bar-shop")).ToHaveAttributeAsync("href", new Regex(@"^/shop/\d+$"));
        await Assertions.Expect(phone.GetByTestId("product-brand")).ToContainTextAsync("星辰数码");
        await Assertions.Expect(phone.GetByTestId("product-sold")).ToHaveTextAsync(new Regex(@"^已售 \d+$"));
        var tag = phone.GetByTestId("product-tag").Filter(new() { HasText = "车载" });
        await Assertions.Expect(tag).ToHaveAttributeAsync("href", "/search?q=" + Uri.EscapeDataString("车载"));
        await Assertions.Expect(phone.GetByTestId("shop-rating")).ToContainTextAsync("店铺评分");

        await phone.GetByTestId("bar-buy-now").ClickAsync();
        await phone.WaitForAddressAsync(@"/checkout\?sku=\d+&qty=1$");
        await Assertions.Expect(phone.GetByTestId("checkout-shop")).ToHaveCountAsync(1);

        // On a computer the buy box is where it was and the bar is not shown.
        var computer = await browser.NewPageAsync();
        await computer.GotoAsync($"/product/{Holder}");
        await computer.WaitForReadyAsync("buy-box");
        await Assertions.Expect(computer.GetByTestId("buy-now")).ToBeVisibleAsync();
        await Assertions.Expect(computer.GetByTestId("buy-bar")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_the_language_button_is_named_the_search_hint_fits_and_every_order_state_is_in_sight()
    {
        var phone = await browser.NewPageAsync(phone: true);
        await phone.LogInAsync("13800000022", MallPortalFactory.DemoPassword, "/account/orders");
        await phone.WaitForReadyAsync("orders");

        var language = phone.GetByRole(AriaRole.Button, new() { Name = "切换语言" });
        await Assertions.Expect(language).ToBeVisibleAsync();
        Assert.Equal(("button", "切换语言"), (await language.EvaluateAsync<string>("e => e.tagName.toLowerCase()"), await language.GetAttributeAsync("aria-label")));
        await language.ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Menuitem, new() { Name = "English" })).ToBeVisibleAsync();
        await phone.Keyboard.PressAsync("Escape");
        var search = phone.GetByPlaceholder("搜索商品", new() { Exact = true });
        var widths = await search.EvaluateAsync<double[]>("""
            input => {
                const style = getComputedStyle(input, '::placeholder');
                const box = getComputedStyle(input);
                const context = document.createElement('canvas').getContext('2d');
                context.font = style.font;
                return [context.measureText(input.placeholder).width,
                        input.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight)];
            }
            """);
        Assert.True(widths[0] <= widths[1], $"the search hint needs {widths[0]} px, the box has {widths[1]} px");

        var tabs = phone.GetByTestId("order-tabs").GetByRole(AriaRole.Tab);
        await Assertions.Expect(tabs).ToHaveCountAsync(6);
        foreach (var state in new[] { "待付款", "待发货", "待收货", "已完成", "已取消" })
        {
            await Assertions.Expect(tabs.Filter(new() { HasText = state })).ToBeInViewportAsync(new() { Ratio = 1 });
        }
        await tabs.Filter(new() { HasText = "已取消" }).ClickAsync();
        await phone.WaitForAddressAsync(@"status=Cancelled$");
        await Assertions.Expect(tabs.Filter(new() { HasText = "已取消" })).ToHaveAttributeAsync("aria-selected", "true");
    }
}
