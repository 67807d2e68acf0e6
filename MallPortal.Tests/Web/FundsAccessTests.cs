using System.Net;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

/// <summary>The money pages: a consumer is turned away from every one; the admin reaches the platform's.</summary>
public class FundsAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> AdminPages() => new()
    {
        { "/admin/withdrawals", "提现审核" },
        { "/admin/commission-holds", "佣金风控审核" },
        { "/admin/distributor-grades", "分销员等级" },
        { "/admin/shop-fees", "平台服务费" },
        { "/admin/reconciliation/funds", "资金对账" },
        { "/admin/distributors/1/income", "分销员收益明细" },
        { "/admin/reconciliation/funds.csv?from=2026-11-01&to=2026-12-31", "订单号,店铺ID" },
    };

    [Theory]
    [InlineData("/merchant/commission")]
    [InlineData("/merchant/settlement")]
    [InlineData("/distributor/income")]
    [InlineData("/distributor/withdrawals")]
    [InlineData("/admin/withdrawals")]
    [InlineData("/admin/commission-holds")]
    [InlineData("/admin/distributor-grades")]
    [InlineData("/admin/shop-fees")]
    [InlineData("/admin/reconciliation/funds")]
    [InlineData("/admin/distributors/1/income")]
    [InlineData("/admin/reconciliation/funds.csv?from=2026-11-01&to=2026-12-31")]
    public async Task A_consumer_is_denied(string path)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task The_admin_reaches_each_page(string path, string text)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Each role reaches its own money pages.</summary>
public class CommissionPagesAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("13800000001", "/merchant/commission", "分销佣金设置")]
    [InlineData("13800000001", "/merchant/settlement", "结算中心")]
    [InlineData("13800000011", "/distributor/income", "我的收益")]
    [InlineData("13800000011", "/distributor/withdrawals", "提现")]
    public async Task The_owner_reaches_the_page(string login, string path, string title)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, login, MallPortalFactory.DemoPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync());
    }
}
