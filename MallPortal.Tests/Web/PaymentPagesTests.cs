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

/// <summary>What the buyer reads on the cashier pages: a trade another WeChat user prepaid, the WeChat Pay code, a cashier left unpaid.</summary>
public class PaymentPagesTests : BunitContext, IAsyncLifetime
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

    [Fact]
    public void The_WeChat_Pay_code_names_WeChat_Pay_the_app_to_scan_with_and_the_order()
    {
        var qr = Render<QrCodePay>(p => p.Add(x => x.Start, new QrCodeStart("weixin://wxpay/bizpayurl?pr=abc"))
            .Add(x => x.Gateway, WeChatPayGateway.GatewayName).Add(x => x.OrderNumber, "20261205100000123456"));

        Assert.Equal("微", qr.Find("[data-testid=payment-logo]").TextContent);
        Assert.Contains("微信支付", qr.Find("[data-testid=pay-qr-method]").TextContent);
        Assert.Equal("请使用微信扫一扫付款", qr.Find("[data-testid=pay-qr-instruction]").TextContent.Trim());
        Assert.Contains("20261205100000123456", qr.Find("[data-testid=pay-qr-order]").TextContent);
    }

    [Fact]
    public async Task Back_from_the_Alipay_cashier_without_paying_the_result_page_says_not_paid_and_names_the_methods_in_their_own_case()
    {
        var kit = _kit!;
        var (buyer, placed, number) = await MallPortal.Tests.Orders.Payments.AlipayGatewayTests.PlacedAsync(kit);
        await MallPortal.Tests.Orders.Payments.AlipayGatewayTests.OpenCashierAsync(kit, buyer, number);
        AddAuthorization().SetAuthorized(OrderTestKit.Buyer).SetClaims(new Claim(ClaimTypes.NameIdentifier, buyer.UserId.ToString()));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = Render<PaymentResultPage>(p => p.Add(x => x.Number, placed.PaymentNumber));

        page.WaitForElement("[data-testid=result-not-paid]");
        Assert.Equal("未支付", page.Find("[data-testid=result-not-paid]").TextContent);
        Assert.Equal($"/account/orders/{number}/pay", page.Find("[data-testid=pay-again]").GetAttribute("href"));
        var stripe = page.FindAll("[data-testid=switch-method]").Single(b => b.TextContent.Contains("Stripe"));
        Assert.Contains("text-transform:none", stripe.GetAttribute("style"));
    }
}
