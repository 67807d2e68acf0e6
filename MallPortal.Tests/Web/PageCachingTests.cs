using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

public partial class PageCachingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_guest_s_second_visit_to_the_home_page_is_served_from_the_cache()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var page = "/?visit=" + Guid.NewGuid().ToString("N");

        var first = await client.GetAsync(page);
        var second = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_user_s_shop_pages_are_never_cached_nor_given_a_guest_s_copy()
    {
        var page = "/?visit=" + Guid.NewGuid().ToString("N");
        using (var guest = app.Factory.CreateBrowserlessClient())
        {
            await guest.GetAsync(page); // the guests' copy is now in the cache
        }
        using var client = app.Factory.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.Redirect, (await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword)).StatusCode);

        var first = await client.GetAsync(page);
        var second = await client.GetAsync(page);

        foreach (var response in new[] { first, second })
        {
            Assert.Null(response.Headers.Age);
            Assert.Contains("消费者 陈静", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_page_that_may_be_cached_holds_no_antiforgery_token_device_or_address_of_its_visitor()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        const string Device = "0123456789ABCDEF0123456789ABCDEF";
        client.DefaultRequestHeaders.Add("Cookie", $"mp.device={Device}");

        var html = await client.GetStringAsync("/product/1?visit=" + Guid.NewGuid().ToString("N"));

        var protection = app.Factory.Services.GetRequiredService<IDataProtectionProvider>();
        var descriptors = protection.CreateProtector("Microsoft.AspNetCore.Components.ComponentDescriptorSerializer,V1").ToTimeLimitedDataProtector();
        var found = Descriptor().Matches(html).Select(m => Encoding.UTF8.GetString(descriptors.Unprotect(Convert.FromBase64String(Regex.Unescape(m.Groups[1].Value))))).ToList();
        Assert.Contains(found, d => d.Contains("MallPortal.Components.Routes"));
        Assert.DoesNotContain(found, d => d.Contains(Device));
        var state = protection.CreateProtector("Microsoft.AspNetCore.Components.Server.State")
            .Unprotect(Convert.FromBase64String(PersistedState().Match(html).Groups[1].Value));
        var keys = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(state)!.Keys;
        Assert.DoesNotContain(keys, k => k.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Account_cart_and_area_pages_are_not_cached()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        foreach (var page in new[] { "/cart", "/account", "/merchant", "/admin", "/distributor", "/Account/Login" })
        {
            await client.GetAsync(page);
            var again = await client.GetAsync(page);
            Assert.Null(again.Headers.Age);
        }
    }

    [GeneratedRegex("\"descriptor\":\"([^\"]+)\"")]
    private static partial Regex Descriptor();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([^-]+)-->")]
    private static partial Regex PersistedState();
}
