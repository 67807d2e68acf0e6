using Bunit;
using MallPortal.Components.Layout;
using MallPortal.Core.Accounts;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

public class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    [Fact]
    public void A_merchant_sees_the_merchant_centre_and_not_the_admin_or_distributor_parts()
    {
        AddAuthorization().SetAuthorized("13800000001").SetRoles(Roles.Merchant, Roles.Consumer);

        var nav = Render<NavMenu>();

        Assert.Contains("商家中心", nav.Markup);
        Assert.Contains("/merchant", nav.Markup);
        Assert.DoesNotContain("平台管理", nav.Markup);
        Assert.DoesNotContain("分销中心", nav.Markup);
    }

    [Fact]
    public void A_consumer_sees_no_merchant_items()
    {
        AddAuthorization().SetAuthorized("13800000021").SetRoles(Roles.Consumer);

        var nav = Render<NavMenu>();

        Assert.Contains("我的账户", nav.Markup);
        Assert.DoesNotContain("商家中心", nav.Markup);
        Assert.DoesNotContain("/merchant", nav.Markup);
    }

    [Fact]
    public void An_anonymous_visitor_sees_only_the_shop()
    {
        AddAuthorization();

        var nav = Render<NavMenu>();

        Assert.Contains("首页", nav.Markup);
        Assert.DoesNotContain("我的账户", nav.Markup);
        Assert.DoesNotContain("/merchant", nav.Markup);
        Assert.DoesNotContain("/admin", nav.Markup);
    }
}
