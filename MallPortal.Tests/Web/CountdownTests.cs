using Bunit;
using MallPortal.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MallPortal.Tests.Web;

/// <summary>The time left to pay: the server's starting value, then the browser counts (started with the server's seconds).</summary>
public class CountdownTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    public CountdownTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Theory]
    [InlineData(90, "剩余 01:30", 90)]
    [InlineData(0.2, "剩余 00:01", 1)]
    [InlineData(3 * 3600 + 5, "剩余 3:00:05", 3 * 3600 + 5)]
    [InlineData(0, "已超时，订单即将关闭", 0)]
    [InlineData(-60, "已超时，订单即将关闭", 0)]
    public void Shows_the_time_left_and_starts_the_browser_count_from_the_same_second(double secondsLeft, string expected, int started)
    {
        var countdown = Render<Countdown>(p => p.Add(c => c.Until, _clock.GetUtcNow().UtcDateTime.AddSeconds(secondsLeft)));

        Assert.Equal(expected, countdown.Find("[data-testid=countdown]").TextContent);
        var start = Assert.Single(JSInterop.Invocations, i => i.Identifier == "start");
        Assert.Equal(started, start.Arguments[1]);
        Assert.Equal("剩余 {0}", start.Arguments[2]);
    }
}
