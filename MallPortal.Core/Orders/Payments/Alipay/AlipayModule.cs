using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Alipay;

public static class AlipayModule
{
    public const string SimulatorAppId = "2021000000000001";

    public const string SimulatorSellerId = "2088000000000001";

    /// <summary>Where the web host serves the simulated gateway's browser side (page and wap pay, the cashier).</summary>
    public const string SimulatorCashierPath = "/simulators/alipay/gateway.do";

    /// <summary>
    /// The Alipay gateway unless switched off. Live mode reads its keys at first use; the simulator mode's keys, cashier
    /// and HTTP handler are registered by the web host, which serves the simulator.
    /// </summary>
    public static IServiceCollection AddAlipay(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlipayOptions>(configuration.GetSection(AlipayOptions.Section));
        var mode = configuration.GetValue($"{AlipayOptions.Section}:Mode", AlipayMode.Simulator);
        if (mode == AlipayMode.Off)
        {
            return services;
        }
        services.AddSingleton<AlipayClient>();
        services.AddSingleton<IPaymentGateway, AlipayGateway>();
        if (mode == AlipayMode.Live)
        {
            services.AddHttpClient(AlipayClient.ClientName);
            services.AddSingleton(sp => AlipayKeys.Load(sp.GetRequiredService<IOptions<AlipayOptions>>().Value));
            return services;
        }
        // The simulator: its own keys and ids, server calls answered in process, the cashier served by the web host.
        services.PostConfigure<AlipayOptions>(o =>
        {
            o.AppId = o.AppId.Length > 0 ? o.AppId : SimulatorAppId;
            o.SellerId = o.SellerId.Length > 0 ? o.SellerId : SimulatorSellerId;
            (o.GatewayUrl, o.PageGatewayUrl) = ("http://alipay.simulator/gateway.do", SimulatorCashierPath);
        });
        services.AddSingleton(AlipaySimulatorKeys.Shared);
        services.AddSingleton(_ => AlipaySimulatorKeys.Shared.ForShop());
        services.AddSingleton<AlipaySimulator>();
        services.AddHttpClient(AlipayClient.ClientName).ConfigurePrimaryHttpMessageHandler(sp => new AlipaySimulatorHandler(sp.GetRequiredService<AlipaySimulator>()));
        services.AddHttpClient(AlipaySimulator.NotifyClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
