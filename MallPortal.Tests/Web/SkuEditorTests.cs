using Bunit;
using MallPortal.Areas.Merchant.Catalog;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

public class SkuEditorTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    public SkuEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void Two_specs_of_two_values_generate_four_rows_and_keep_typed_values_on_regeneration()
    {
        var form = new ProductForm
        {
            Specs = [new() { Name = "颜色", Values = "红,蓝" }, new() { Name = "尺码", Values = "M，L" }],
        };
        var editor = Render<SkuEditor>(p => p.Add(e => e.Form, form));

        editor.FindAll("button").Single(b => b.TextContent.Contains("生成 SKU")).Click();
        form.Skus[0].Code = "R-M";
        form.Skus[0].Price = 99m;
        form.Specs[1].Values = "M,L,XL";
        editor.FindAll("button").Single(b => b.TextContent.Contains("生成 SKU")).Click();

        Assert.Equal(6, editor.FindAll("[data-testid=sku-row]").Count);
        Assert.Equal("颜色:红;尺码:M", form.Skus[0].SpecText);
        Assert.Equal("R-M", form.Skus[0].Code);
        // New rows start from the first filled one: same price, the next codes in its series.
        Assert.All(form.Skus, s => Assert.False(string.IsNullOrWhiteSpace(s.Code)));
        Assert.Equal(form.Skus.Count, form.Skus.Select(s => s.Code).Distinct().Count());
        Assert.Equal(99m, form.Skus[^1].Price);
    }

    [Fact]
    public void A_repeated_value_shows_a_message_and_keeps_the_rows()
    {
        var form = new ProductForm { Specs = [new() { Name = "颜色", Values = "红,红" }] };
        var editor = Render<SkuEditor>(p => p.Add(e => e.Form, form));

        editor.FindAll("button").Single(b => b.TextContent.Contains("生成 SKU")).Click();

        Assert.Contains("规格名称或规格值重复", editor.Find("[data-testid=sku-error]").TextContent);
        Assert.Single(form.Skus);
    }
}
