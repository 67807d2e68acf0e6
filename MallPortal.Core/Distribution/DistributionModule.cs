using MallPortal.Core.Orders;
using MallPortal.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Distribution;

public static class DistributionModule
{
    /// <summary>Distributor applications and the hierarchy, promotion links and clicks, bindings and order attribution.</summary>
    public static IServiceCollection AddDistribution(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DistributionSettingsStore>();
        services.AddSingleton<Orders.Settlement.IAfterSalesPolicy>(sp => sp.GetRequiredService<DistributionSettingsStore>());
        services.AddSingleton<DistributorApplicationService>();
        services.AddSingleton<DistributorAdminService>();
        services.AddSingleton<PromotionService>();
        services.AddSingleton(new PosterRenderer(configuration["Distribution:PosterFontPath"]));
        services.AddSingleton<ClickRecorder>();
        services.AddSingleton<AttributionService>();
        services.AddSingleton<IOrderStepHandler>(sp => sp.GetRequiredService<AttributionService>());
        // After attribution: a payment's commission reads the attribution its placement wrote.
        services.AddSingleton<Commissions.CommissionEstimator>();
        services.AddSingleton<IOrderStepHandler, Commissions.CommissionHandler>();
        services.AddSingleton<Commissions.CommissionPolicyService>();
        services.AddSingleton<Commissions.CommissionWhatIf>();
        services.AddSingleton<Commissions.CommissionService>();
        services.AddSingleton<Commissions.IncomeQueries>();
        services.AddSingleton<Commissions.CommissionReconciliation>();
        services.AddSingleton<Funds.FundsReconciliation>();
        services.AddSingleton<Risk.SignInTraceRecorder>();
        services.AddSingleton<Risk.CommissionHoldService>();
        services.AddSingleton<Grades.GradeService>();
        services.AddSingleton<Withdrawals.WithdrawalNotifier>();
        services.AddSingleton<Withdrawals.WithdrawalService>();
        services.AddSingleton<Withdrawals.WithdrawalQueries>();
        services.AddSingleton<DistributorQueries>();
        services.AddSingleton<TeamQueries>();
        services.AddSingleton<NetworkQueries>();
        services.AddSingleton<ShopDistributionService>();
        services.AddScoped<IDemoSeeder, DistributionDemoSeeder>();
        services.AddScoped<IDemoSeeder, Commissions.CommissionDemoSeeder>();
        services.AddScoped<IDemoSeeder, Withdrawals.WithdrawalDemoSeeder>();
        services.AddScoped<IDemoSeeder, Grades.GradeDemoSeeder>();
        services.AddScoped<IDemoSeeder, Risk.CommissionHoldDemoSeeder>();
        return services;
    }
}
