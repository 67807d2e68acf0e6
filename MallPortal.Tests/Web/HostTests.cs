using System.Net;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

public class HostTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Healthz_reports_the_database_healthy()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy\nsqlite: Healthy\n", (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_instance_whose_redis_is_down_still_starts_and_healthz_names_redis_unhealthy()
    {
        await using var factory = new MallPortalFactory(new Dictionary<string, string> { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=500" });
        using var client = factory.CreateBrowserlessClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy\nredis: Unhealthy\nsqlite: Healthy\n", (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_shop_home_is_in_Chinese_by_default_and_English_on_request()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var chinese = await client.GetStringAsync("/");
        var switched = await client.GetAsync("/culture/set?culture=en&returnUrl=%2F");
        var english = await client.GetStringAsync("/");

        Assert.Contains("多商户分销商城", chinese);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
        Assert.Contains("A multi-merchant mall with distribution", english);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await client.GetAsync("/culture/set?culture=en&returnUrl=%2F%2Fevil.example");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_rich_text_editor_is_served_from_the_npm_workspace()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var script = await client.GetAsync("/lib/wangeditor/index.js");
        var style = await client.GetAsync("/lib/wangeditor/style.css");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
    }

    [Fact]
    public void The_SQLite_database_is_a_file_in_the_data_folder()
    {
        _ = app.Factory.Services;
        Assert.True(File.Exists(Path.Combine(app.Factory.DataFolder, "mallportal.db")));
    }
}
