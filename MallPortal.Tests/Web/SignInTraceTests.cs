using MallPortal.Core.Data;
using MallPortal.Features.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>A sign-in leaves a device cookie and keeps only its hash (the commission abuse signals, decision 0010).</summary>
public class SignInTraceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Signing_in_twice_on_one_browser_keeps_one_hashed_device_and_never_the_cookie()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var first = await MallPortalFactory.PostLoginAsync(client, "13800000022", MallPortalFactory.DemoPassword);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ReferralSignIn.DeviceCookie + "="));
        var device = cookie.Split(';')[0].Split('=')[1];
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var second = await MallPortalFactory.PostLoginAsync(client, "13800000022", MallPortalFactory.DemoPassword);
        Assert.DoesNotContain(second.Headers.TryGetValues("Set-Cookie", out var again) ? again : [], c => c.StartsWith(ReferralSignIn.DeviceCookie + "="));

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var traces = await db.SignInTraces.Where(t => db.Users.Any(u => u.Id == t.UserId && u.PhoneNumber == "13800000022")).ToListAsync();
        var trace = Assert.Single(traces);
        Assert.NotNull(trace.DeviceHash);
        Assert.NotEqual(device, trace.DeviceHash);
        Assert.Null(trace.NetworkHash);
    }
}
