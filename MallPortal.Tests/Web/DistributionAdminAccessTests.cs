using System.Net;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

/// <summary>The distribution admin pages are the admin's alone, like the rest of /admin.</summary>
public class DistributionAdminAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/admin/distributor-applications", "分销员申请" },
        { "/admin/distributors", "分销员管理" },
        { "/admin/distributors/tree", "分销关系树" },
        { "/admin/distributors/1", "分销员档案" },
        { "/admin/distribution-settings", "分销设置" },
        { "/admin/binding-audit", "绑定变更记录" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_login_with_a_way_back(string path, string title)
    {
        _ = title;
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_consumer_is_denied(string path, string title)
    {
        _ = title;
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_admin_reaches_each_page(string path, string title)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync());
    }
}
