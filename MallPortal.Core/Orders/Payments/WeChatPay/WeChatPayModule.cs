using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

public static class WeChatPayModule
{
    public const string SimulatorAppId = "wx0000000000000001";

    public const string SimulatorMchId = "1900000001";

    /// <summary>Where the web host serves the simulated phone that scans a Native code.</summary>
    public const string SimulatorScanPath = "/simulators/wechatpay/scan?code_url=";

    /// <summary>Where the web host serves the simulated WeChat authorization page (silent snsapi_base).</summary>
    public const string SimulatorAuthorizePath = "/simulators/wechat/oauth2/authorize";

    /// <summary>Where the web host serves the script standing in for WeChat's WeixinJSBridge.</summary>
    public const string SimulatorBridgePath = "/js/simulators/wechat-bridge.js";

    /// <summary>WeChat Pay unless switched off; live mode reads its keys at first use, the simulator answers in process.</summary>
    public static IServiceCollection AddWeChatPay(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WeChatPayOptions>(configuration.GetSection(WeChatPayOptions.Section));
        var mode = configuration.GetValue($"{WeChatPayOptions.Section}:Mode", WeChatPayMode.Simulator);
        if (mode == WeChatPayMode.Off)
        {
            return services;
        }
        services.AddSingleton<WeChatPayClient>();
        services.AddSingleton<IPaymentGateway, WeChatPayGateway>();
        if (mode == WeChatPayMode.Live)
        {
            services.AddHttpClient(WeChatPayClient.ClientName);
            services.AddSingleton(sp => WeChatPayKeys.Load(sp.GetRequiredService<IOptions<WeChatPayOptions>>().Value));
            var live = configuration.GetSection(WeChatPayOptions.Section).Get<WeChatPayOptions>() ?? new WeChatPayOptions();
            if (live.AppSecretFile.Length > 0 || live.AppSecretVariable.Length > 0)
            {
                // WeChat sign-in (and so JSAPI) only with the official account's AppSecret; without it WeChat's browser gets the Native code.
                services.AddHttpClient(WeChatSignIn.ClientName);
                services.AddSingleton(_ => new WeChatAppSecret(() => GatewayKeys.Read("WeChat AppSecret", live.AppSecretFile, live.AppSecretVariable)));
                services.AddSingleton<WeChatSignIn>();
            }
            return services;
        }
        services.PostConfigure<WeChatPayOptions>(o =>
        {
            o.AppId = o.AppId.Length > 0 ? o.AppId : SimulatorAppId;
            o.MchId = o.MchId.Length > 0 ? o.MchId : SimulatorMchId;
            (o.BaseUrl, o.SimulatorScanUrl) = ("http://wechatpay.simulator", SimulatorScanPath);
            (o.OAuthAuthorizeUrl, o.OAuthApiUrl, o.SimulatorBridgeUrl) = (SimulatorAuthorizePath, "http://wechat-api.simulator", SimulatorBridgePath);
        });
        services.AddSingleton(WeChatPaySimulatorKeys.Shared);
        services.AddSingleton(_ => WeChatPaySimulatorKeys.Shared.ForShop());
        services.AddSingleton<WeChatPaySimulator>();
        services.AddHttpClient(WeChatPayClient.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new WeChatPaySimulatorHandler(sp.GetRequiredService<WeChatPaySimulator>()));
        services.AddHttpClient(WeChatPaySimulator.NotifyClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<WeChatOAuthSimulator>();
        services.AddSingleton(_ => new WeChatAppSecret(() => WeChatPaySimulatorKeys.Shared.AppSecret));
        services.AddSingleton<WeChatSignIn>();
        services.AddHttpClient(WeChatSignIn.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new WeChatOAuthSimulatorHandler(sp.GetRequiredService<WeChatOAuthSimulator>()));
        return services;
    }
}
