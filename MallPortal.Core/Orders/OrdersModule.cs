using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Orders;

public static class OrdersModule
{
    /// <summary>Cart, checkout, orders and their timers, payments (sandbox and cash on delivery), cancellations with refund, reviews.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrderOptions>(configuration.GetSection(OrderOptions.Section));
        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section));
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton<OrderNotifier>();
        services.AddSingleton<OrderSteps>();
        services.AddSingleton<IOrderStepHandler, SalesCountHandler>();
        // Before the distribution module's handlers: the commissions it deducts go to the receivable this one opens.
        services.AddSingleton<IOrderStepHandler, Settlement.SettlementHandler>();
        services.AddSingleton<Settlement.ShopSettlementService>();
        services.AddSingleton<Settlement.SettlementQueries>();
        services.AddSingleton<CartService>();
        services.AddSingleton<CheckoutNotices>();
        services.AddSingleton<CheckoutDrafts>();
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<BuyerOrderService>();
        services.AddSingleton<FulfilmentService>();
        services.AddShipping(configuration);
        services.AddAfterSales(configuration);
        services.AddSingleton<RefundService>();
        services.AddSingleton<OrderTimerService>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<Settlement.TakingsQueries>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<PaymentIntake>();
        services.AddSingleton<GatewayQueries>();
        services.AddSingleton<Payments.Bills.BillReconciliation>();
        services.AddSingleton<Risk.RiskSettingsStore>();
        services.AddSingleton<Risk.PaymentRiskService>();
        services.AddSingleton<Risk.RiskReviewService>();
        services.AddSingleton<IOrderStepHandler, Risk.PaymentRiskHandler>();
        services.AddSingleton<PaymentGateways>();
        services.AddSingleton<RefundSettler>();
        services.AddSingleton<RefundWatchService>();
        services.AddSingleton<PaymentNotificationLog>();
        services.AddSingleton<PaymentMethodSwitch>();
        services.AddSingleton<IPaymentGateway, CashOnDeliveryGateway>();
        if (configuration.GetValue($"{SandboxOptions.Section}:Enabled", true))
        {
            services.AddSingleton<IPaymentGateway, SandboxGateway>();
        }
        services.AddAlipay(configuration);
        services.AddWeChatPay(configuration);
        services.AddUnionPay(configuration);
        services.AddStripe(configuration);
        services.AddSingleton<SandboxProvider>();
        services.AddHttpClient(SandboxCallbackSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SandboxCallbackSender>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<DemoShopper>();
        services.AddScoped<IDemoSeeder, OrdersDemoSeeder>();
        services.AddScoped<IDemoSeeder, Payments.Simulators.PaymentsDemoSeeder>();
        services.AddScoped<IDemoSeeder, Risk.RiskDemoSeeder>();
        services.AddScoped<IDemoSeeder, Payments.Bills.BillsDemoSeeder>();
        return services;
    }
}
