using MallPortal.Core.Orders.Payments.UnionPay.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.UnionPay;

public static class UnionPayModule
{
    /// <summary>UnionPay's well-known test merchant number, used by the simulator unless another is configured.</summary>
    public const string SimulatorMerId = "777290058110048";

    /// <summary>Where the web host serves the simulated front gateway (the card cashier).</summary>
    public const string SimulatorFrontPath = "/simulators/unionpay/frontTransReq.do";

    /// <summary>UnionPay unless switched off; live mode reads its certificates at first use, the simulator answers in process.</summary>
    public static IServiceCollection AddUnionPay(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UnionPayOptions>(configuration.GetSection(UnionPayOptions.Section));
        var mode = configuration.GetValue($"{UnionPayOptions.Section}:Mode", UnionPayMode.Simulator);
        if (mode == UnionPayMode.Off)
        {
            return services;
        }
        var site = configuration["Web:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') + "/payments/notify/unionpay" : "";
        services.PostConfigure<UnionPayOptions>(o => o.RefundNotifyUrl = o.RefundNotifyUrl.Length > 0 ? o.RefundNotifyUrl : site);
        services.AddSingleton<UnionPayClient>();
        services.AddSingleton<IPaymentGateway, UnionPayGateway>();
        if (mode == UnionPayMode.Live)
        {
            services.AddHttpClient(UnionPayClient.ClientName);
            services.AddSingleton(sp => UnionPayKeys.Load(sp.GetRequiredService<IOptions<UnionPayOptions>>().Value));
            return services;
        }
        services.PostConfigure<UnionPayOptions>(o =>
        {
            o.MerId = o.MerId.Length > 0 ? o.MerId : SimulatorMerId;
            (o.GatewayUrl, o.FrontTransUrl, o.SignCertOwner) = ("http://unionpay.simulator", SimulatorFrontPath, UnionPaySimulatorKeys.Owner);
            o.FileTransferUrl = "http://unionpay-files.simulator/";
        });
        services.AddSingleton(UnionPaySimulatorKeys.Shared);
        services.AddSingleton(_ => UnionPaySimulatorKeys.Shared.ForShop());
        services.AddSingleton<UnionPaySimulator>();
        services.AddHttpClient(UnionPayClient.ClientName).ConfigurePrimaryHttpMessageHandler(sp => new UnionPaySimulatorHandler(sp.GetRequiredService<UnionPaySimulator>()));
        services.AddHttpClient(UnionPaySimulator.NotifyClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
