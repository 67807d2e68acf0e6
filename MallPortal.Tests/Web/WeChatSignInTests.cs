using System.Net;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

/// <summary>WeChat sign-in for JSAPI through the real endpoints and the simulated WeChat authorization page.</summary>
public class WeChatSignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_buyer_goes_to_WeChat_and_back_with_the_openid_kept_in_a_protected_cookie()
    {
        var client = app.Factory.CreateBrowserlessClient();

        var start = await client.GetAsync("/wechat/signin?returnUrl=" + Uri.EscapeDataString("/account/orders/123/pay"));
        var authorize = start.Headers.Location!.OriginalString;
        var callback = await NextAsync(client, authorize);
        var back = await client.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/simulators/wechat/oauth2/authorize?appid=wx0000000000000001&redirect_uri=http%3A%2F%2Flocalhost%2Fwechat%2Fsignin%2Fcallback", authorize);
        Assert.Contains("scope=snsapi_base", authorize);
        Assert.StartsWith("http://localhost/wechat/signin/callback?code=", callback.OriginalString);
        Assert.Equal("/account/orders/123/pay", back.Headers.Location!.OriginalString);
        var cookie = Assert.Single(back.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mp.wxopenid=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_callback_whose_state_is_not_this_browsers_signs_nobody_in()
    {
        var client = app.Factory.CreateBrowserlessClient();
        var start = await client.GetAsync("/wechat/signin?returnUrl=" + Uri.EscapeDataString("/account/orders/123/pay"));
        var callback = (await NextAsync(client, start.Headers.Location!.OriginalString)).OriginalString;

        var forged = await app.Factory.CreateBrowserlessClient().GetAsync(callback);
        var wrongState = await client.GetAsync(callback.Replace("state=", "state=x", StringComparison.Ordinal));

        Assert.Equal("/account/orders?wechat=none", forged.Headers.Location!.OriginalString);
        Assert.Equal("/account/orders?wechat=none", wrongState.Headers.Location!.OriginalString);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("mp.wxopenid=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example/pay")]
    [InlineData("//evil.example/pay")]
    [InlineData("/\\evil.example")]
    public async Task Only_a_path_on_this_site_is_a_place_to_come_back_to(string returnUrl)
    {
        var client = app.Factory.CreateBrowserlessClient();
        var start = await client.GetAsync("/wechat/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var callback = await NextAsync(client, start.Headers.Location!.OriginalString);

        var back = await client.GetAsync(callback);

        Assert.Equal("/account/orders", back.Headers.Location!.OriginalString);
    }

    /// <summary>Where the simulated WeChat authorization page sends the browser (by script, as WeChat's page does).</summary>
    private static async Task<Uri> NextAsync(HttpClient client, string authorize)
    {
        var page = await client.GetStringAsync(authorize);
        var href = System.Text.RegularExpressions.Regex.Match(page, "data-auto-follow href=\"([^\"]+)\"").Groups[1].Value;
        return new Uri(System.Net.WebUtility.HtmlDecode(href));
    }
}
