using Bunit;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Features.Orders;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>The phone's bottom buy bar does what the buy box does: the same SKU check, the same quantity, the same checkout.</summary>
public class BuyBoxTests : BunitContext, IAsyncLifetime
{
    private TestDatabase? _db;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Services.AddMudServices();
        Services.AddSingleton(_db.Services.GetRequiredService<CartService>());
        Services.AddScoped<CartSession>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", true));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _db!.DisposeAsync();
    }

    private static readonly SkuOption Black = new(71, "颜色:黑色", new Money(4900), null, 5);

    private static ProductDetails Product(string? servicePhone) => new(7, "降噪耳机", "", "耳机", 3, "声海",
        [], [new SpecDefinition("颜色", ["黑色", "白色"])], [Black, new SkuOption(72, "颜色:白色", new Money(4900), null, 5)],
        [], ["降噪"], "", 12, 2, "华南数码旗舰店", null, []) { ShopServicePhone = servicePhone };

    private IRenderedComponent<BuyBox> Box(SkuOption? selected, string? servicePhone = null) =>
        Render<BuyBox>(p => p.Add(b => b.Product, Product(servicePhone)).Add(b => b.Selected, selected));

    [Theory]
    [InlineData("buy-now")]
    [InlineData("bar-buy-now")]
    [InlineData("bar-add-to-cart")]
    public void Without_a_chosen_SKU_the_bar_and_the_box_ask_for_one_and_go_nowhere(string button)
    {
        var box = Box(null);
        var start = Services.GetRequiredService<NavigationManager>().Uri;

        box.Find($"[data-testid={button}]").Click();

        Assert.Equal("请先选择规格", Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message);
        Assert.Equal(start, Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Theory]
    [InlineData("buy-now")]
    [InlineData("bar-buy-now")]
    public void Buying_now_from_the_bar_or_the_box_checks_out_the_chosen_SKU_in_the_chosen_quantity(string button)
    {
        var box = Box(Black);
        box.Find("[data-testid=quantity-more]").Click();

        box.Find($"[data-testid={button}]").Click();

        Assert.EndsWith("/checkout?sku=71&qty=2", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Theory]
    [InlineData(null, "/shop/2")]
    [InlineData("400-800-1234", "tel:400-800-1234")]
    public void The_service_button_calls_the_shop_when_it_has_a_phone_and_opens_the_shop_otherwise(string? phone, string expected)
    {
        var box = Box(null, phone);

        Assert.Equal(expected, box.Find("[data-testid=bar-service]").GetAttribute("href"));
        Assert.Equal("/shop/2", box.Find("[data-testid=bar-shop]").GetAttribute("href"));
    }
}
