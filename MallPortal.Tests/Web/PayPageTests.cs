using System.Security.Claims;
using Bunit;
using MallPortal.Areas.Account.Orders;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Core.Orders.Risk;
using MallPortal.Hosting;
using MallPortal.Tests.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>The pay page inside WeChat when WeChat Pay refuses this WeChat user the trade another one prepaid.</summary>
public class PayPageTests : BunitContext, IAsyncLifetime
{
    private OrderTestKit? _kit;

    public async Task InitializeAsync()
    {
        _kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        Services.AddMudServices();
        foreach (var type in new[] { typeof(PaymentService), typeof(PaymentMethodSwitch), typeof(ILiveUpdates) })
        {
            Services.AddSingleton(type, _kit.Db.Services.GetRequiredService(type));
        }
        Services.AddSingleton(new PublicAddress(new ConfigurationBuilder().Build()));
        JSInterop.Mode = JSRuntimeMode.Loose;
        var payment = JSInterop.SetupModule("./js/payment.js");
        payment.Setup<string>("device").SetResult("wechat");
        payment.Setup<string>("payInWeChat", _ => true);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _kit!.DisposeAsync();
    }

    [Fact]
    public async Task A_trade_another_WeChat_user_prepaid_says_so_and_offers_a_new_payment_in_this_WeChat_or_another_method()
    {
        var kit = _kit!;
        var (buyer, placed, number) = await kit.PlacedWithAsync(WeChatPayGateway.GatewayName);
        var oauth = kit.Get<WeChatOAuthSimulator>();
        await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, new ClientTrace(null, null, oauth.OpenIdOf("first")));
        AddAuthorization().SetAuthorized(OrderTestKit.Buyer).SetClaims(new Claim(ClaimTypes.NameIdentifier, buyer.UserId.ToString()));

        var page = Render<PayPage>(p => p.Add(x => x.Number, number)
            .AddCascadingValue(new ClientTrace(null, null, oauth.OpenIdOf("second"))));

        page.WaitForElement("[data-testid=pay-taken]");
        Assert.Contains("已在另一个微信账号中发起支付", page.Find("[data-testid=pay-taken]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=pay-error]"));
        var methods = page.Find("[data-testid=switch-methods]").TextContent;
        Assert.Contains("支付宝", methods);
        Assert.DoesNotContain("微信支付", methods);
        page.Find("[data-testid=pay-restart]").Click();
        page.WaitForElement("[data-testid=wechat-inapp-pay]");
        Assert.NotEqual(placed.PaymentNumber, (await kit.OrderAsync(number)).Payment.Number);
    }
}
