using Bunit;
using MallPortal.Components.Shared;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>[−] n [+] within 1…stock; a typed amount outside is brought within and the limit is said.</summary>
public class QuantityStepperTests : BunitContext, IAsyncLifetime
{
    private int _changed;

    public QuantityStepperTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<QuantityStepper> Stepper(int value, int max) => Render<QuantityStepper>(p => p
        .Add(s => s.Value, value).Add(s => s.Max, max).Add(s => s.ValueChanged, v => _changed = v));

    [Fact]
    public void The_buttons_step_by_one_and_stop_at_one_and_at_the_stock()
    {
        var stepper = Stepper(1, 2);
        Assert.True(stepper.Find("[data-testid=quantity-less]").HasAttribute("disabled"));

        stepper.Find("[data-testid=quantity-more]").Click();

        Assert.Equal(2, _changed);
        Assert.True(stepper.Find("[data-testid=quantity-more]").HasAttribute("disabled"));
        Assert.False(stepper.Find("[data-testid=quantity-less]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("99999", 70, "最多可买 70 件")]
    [InlineData("0", 1, "至少购买 1 件")]
    [InlineData(" 12 ", 12, null)]
    [InlineData("十", 5, "请输入整数数量")]
    public void A_typed_amount_is_kept_within_the_limits_and_the_limit_is_said(string typed, int expected, string? notice)
    {
        var stepper = Stepper(5, 70);

        stepper.Find("[data-testid=quantity-input]").Change(typed);

        Assert.Equal(expected, _changed);
        Assert.Equal(notice, stepper.FindAll("[data-testid=quantity-notice]").SingleOrDefault()?.TextContent);
    }
}
