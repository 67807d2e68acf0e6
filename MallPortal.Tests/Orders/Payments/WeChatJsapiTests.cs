using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Core.Orders.Risk;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>WeChat Pay inside WeChat: sign-in for the openid, JSAPI prepay, the paySign WeChat's app checks, the payment.</summary>
public class WeChatJsapiTests
{
    [Fact]
    public async Task Inside_WeChat_the_gateway_asks_for_the_buyers_openid_before_anything_is_prepaid()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(WeChatPayGateway.GatewayName);

        await Assert.ThrowsAsync<PayerSignInRequiredException>(() =>
            kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, ClientTrace.Unknown));

        Assert.Null(kit.Get<WeChatPaySimulator>().Find(placed.PaymentNumber));
    }

    [Fact]
    public async Task The_buyer_pays_in_WeChat_with_parameters_signed_by_the_merchant_key_and_a_forged_pay_sign_is_refused()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(WeChatPayGateway.GatewayName);
        var openId = kit.Get<WeChatOAuthSimulator>().OpenIdOf("buyer-phone");
        var simulator = kit.Get<WeChatPaySimulator>();

        var start = await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, new ClientTrace(null, null, openId));

        var inApp = Assert.IsType<InAppStart>(start.Start);
        var payment = inApp.Parameters.ToDictionary();
        Assert.Equal((WeChatPayModule.SimulatorAppId, "RSA", WeChatPayModule.SimulatorBridgePath), (payment["appId"], payment["signType"], inApp.SimulatorBridgeUrl));
        Assert.StartsWith("prepay_id=wx", payment["package"]);
        Assert.Equal(kit.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), payment["timeStamp"]);
        Assert.True(Sha256WithRsa.Verify($"{payment["appId"]}\n{payment["timeStamp"]}\n{payment["nonceStr"]}\n{payment["package"]}\n", payment["paySign"],
            WeChatPaySimulatorKeys.Shared.MerchantPublicKey));
        var forged = new Dictionary<string, string>(payment) { ["nonceStr"] = "0000" };
        Assert.Equal((WeChatPaySimulator.InAppFail, "支付验证签名失败"), await simulator.PayInAppAsync(forged));
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);

        Assert.Equal((WeChatPaySimulator.InAppOk, (string?)null), await simulator.PayInAppAsync(payment));

        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        var trade = simulator.Find(placed.PaymentNumber)!;
        Assert.Equal((openId, "SUCCESS"), (trade.OpenId, trade.State));
        Assert.Equal(trade.TransactionId, (await kit.OrderAsync(number)).Payment.GatewayTradeNo);
    }

    [Fact]
    public async Task A_trade_another_WeChat_user_prepaid_is_refused_as_such_and_a_new_trade_lets_this_user_pay()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(WeChatPayGateway.GatewayName);
        var oauth = kit.Get<WeChatOAuthSimulator>();
        var payments = kit.Get<PaymentService>();
        var second = new ClientTrace("phone-b", null, oauth.OpenIdOf("second"));
        await payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, new ClientTrace("phone-a", null, oauth.OpenIdOf("first")));

        var refused = await Assert.ThrowsAsync<PaymentStartedByOtherPayerException>(() =>
            payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, second));
        Assert.Equal(WeChatPayGateway.GatewayName, refused.Gateway);
        await kit.Get<PaymentMethodSwitch>().RestartAsync(buyer, number);
        var start = await payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, second);

        Assert.Equal("CLOSED", kit.Get<WeChatPaySimulator>().Find(placed.PaymentNumber)!.State);
        Assert.NotEqual(placed.PaymentNumber, start.PaymentNumber);
        Assert.Equal((WeChatPaySimulator.InAppOk, (string?)null),
            await kit.Get<WeChatPaySimulator>().PayInAppAsync(Assert.IsType<InAppStart>(start.Start).Parameters.ToDictionary()));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        // The refused start opened no cashier: two attempts, not three (decision 0014, addendum).
        Assert.Equal(2, await kit.QueryAsync(c => c.PaymentAttempts.CountAsync()));
    }

    [Fact]
    public async Task Sign_in_exchanges_a_one_time_code_for_the_same_users_openid_with_the_app_secret()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var oauth = kit.Get<WeChatOAuthSimulator>();
        var signIn = kit.Get<WeChatSignIn>();
        var authorize = new Uri("https://mall.test" + signIn.AuthorizeUrl("https://mall.test/wechat/signin/callback", "s1"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(("snsapi_base", "code", "#wechat_redirect"), (query["scope"].ToString(), query["response_type"].ToString(), authorize.Fragment));

        var (redirect, error) = oauth.Authorize(query["appid"], query["redirect_uri"], "code", "snsapi_base", "s1", "phone-a");
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(redirect!).Query)["code"].ToString();

        Assert.Null(error);
        Assert.StartsWith("https://mall.test/wechat/signin/callback?code=", redirect);
        Assert.Equal(oauth.OpenIdOf("phone-a"), await signIn.OpenIdAsync(code, default));
        var reused = await Assert.ThrowsAsync<PaymentGatewayException>(() => signIn.OpenIdAsync(code, default));
        Assert.Contains("40163", reused.Message);
        Assert.Contains("40029", (await Assert.ThrowsAsync<PaymentGatewayException>(() => signIn.OpenIdAsync("made-up", default))).Message);
        Assert.NotNull(oauth.Authorize("wx-other-app", query["redirect_uri"], "code", "snsapi_base", "s1", "phone-a").Error);
        Assert.Contains("40125", oauth.Exchange(new Dictionary<string, string> { ["appid"] = WeChatPayModule.SimulatorAppId, ["secret"] = "wrong", ["code"] = code,
            ["grant_type"] = "authorization_code" }));
    }
}
