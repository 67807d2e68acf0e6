using System.Net;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

public class AreaAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/merchant")]
    [InlineData("/distributor")]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/account")]
    [InlineData("/account/orders")]
    [InlineData("/checkout")]
    [InlineData("/merchant/orders")]
    [InlineData("/admin/orders")]
    [InlineData("/account/become-distributor")]
    [InlineData("/distributor/links")]
    [InlineData("/distributor/team")]
    [InlineData("/merchant/distributors")]
    [InlineData("/merchant/commission")]
    [InlineData("/distributor/income")]
    [InlineData("/distributor/withdrawals")]
    [InlineData("/merchant/settlement")]
    [InlineData("/merchant/shipments")]
    [InlineData("/distributor/orders/20261205000000000001")]
    [InlineData("/account/aftersales")]
    [InlineData("/merchant/aftersales")]
    [InlineData("/admin/aftersales")]
    [InlineData("/admin/withdrawals")]
    [InlineData("/admin/reconciliation/funds")]
    public async Task Anonymous_visitors_are_sent_to_login_with_a_way_back(string path)
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/merchant")]
    [InlineData("/distributor")]
    [InlineData("/merchant/orders")]
    [InlineData("/merchant/reviews")]
    [InlineData("/admin/orders")]
    [InlineData("/distributor/links")]
    [InlineData("/distributor/orders")]
    [InlineData("/distributor/team")]
    [InlineData("/distributor/invite")]
    [InlineData("/distributor/profile")]
    [InlineData("/merchant/distributors")]
    [InlineData("/merchant/commission")]
    [InlineData("/merchant/shipments")]
    [InlineData("/distributor/orders/20261205000000000001")]
    public async Task A_consumer_is_denied_the_other_roles_areas(string path)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        var denied = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("无权访问", denied);
    }

    [Fact]
    public async Task A_merchant_reaches_the_merchant_area_but_not_the_admin_area()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, "13800000001", MallPortalFactory.DemoPassword);

        var merchant = await client.GetAsync("/merchant");
        var admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, merchant.StatusCode);
        Assert.Contains("商家工作台", await merchant.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task The_admin_reaches_the_admin_area()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var login = await MallPortalFactory.PostLoginAsync(client, MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("管理概览", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_distributor_downloads_its_own_link_codes_but_not_another_distributors()
    {
        using var wang = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(wang, "13800000011", MallPortalFactory.DemoPassword);
        using var zhao = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(zhao, "13800000013", MallPortalFactory.DemoPassword);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var code = await (from l in db.PromotionLinks
                          join d in db.Distributors on l.DistributorId equals d.Id
                          where d.Mobile == "13800000011"
                          select l.Code).FirstAsync();

        var own = await wang.GetAsync($"/distributor/files/links/{code}/qr.png");
        var foreign = await zhao.GetAsync($"/distributor/files/links/{code}/qr.png");
        var poster = await zhao.GetAsync($"/distributor/files/links/{code}/poster.png");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, poster.StatusCode);
    }
}
