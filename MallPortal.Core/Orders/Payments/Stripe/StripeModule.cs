using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace MallPortal.Core.Orders.Payments.Stripe;

public static class StripeModule
{
    /// <summary>Where the web host serves the simulated Stripe.js (the card form and its confirmation).</summary>
    public const string SimulatorScriptPath = "/simulators/stripe/v3.js";

    public const string SimulatorApiBase = "http://stripe.simulator";

    /// <summary>
    /// Stripe unless switched off. Live mode reads its keys at first use and talks to api.stripe.com; the simulator mode's
    /// keys are its own, its API answers in process through the same Stripe.net client, its Stripe.js is served by the web host.
    /// </summary>
    public static IServiceCollection AddStripe(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        var mode = configuration.GetValue($"{StripeOptions.Section}:Mode", StripeMode.Simulator);
        if (mode == StripeMode.Off)
        {
            return services;
        }
        services.AddSingleton<IPaymentGateway, StripeGateway>();
        services.AddSingleton(sp => Client(sp, sp.GetRequiredService<StripeKeys>().SecretKey));
        if (mode == StripeMode.Live)
        {
            services.AddHttpClient(StripeGateway.GatewayName);
            services.AddSingleton(sp => StripeKeys.Load(sp.GetRequiredService<IOptions<StripeOptions>>().Value));
            return services;
        }
        services.PostConfigure<StripeOptions>(o =>
        {
            o.PublishableKey = StripeSimulatorKeys.Shared.PublishableKey;
            (o.ApiBase, o.JsUrl, o.Currency) = (SimulatorApiBase, SimulatorScriptPath, o.Currency.Length > 0 ? o.Currency : "cny");
        });
        services.AddSingleton(StripeSimulatorKeys.Shared);
        services.AddSingleton(_ => StripeSimulatorKeys.Shared.ForShop());
        services.AddSingleton<StripeSimulator>();
        services.AddHttpClient(StripeGateway.GatewayName).ConfigurePrimaryHttpMessageHandler(sp => new StripeSimulatorHandler(sp.GetRequiredService<StripeSimulator>()));
        services.AddHttpClient(StripeSimulator.NotifyClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    /// <summary>Stripe.net's client on a named HttpClient (the simulator's handler in simulator mode), two network retries as Stripe advises.</summary>
    private static StripeClient Client(IServiceProvider services, string secretKey)
    {
        var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(StripeGateway.GatewayName);
        http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = secretKey,
            ApiBase = options.ApiBase,
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 2, appInfo: null, enableTelemetry: false),
        });
    }
}
