using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Hosting;

/// <summary>
/// <c>dotnet MallPortal.dll check</c>: the operator's integrity check (<see cref="IntegrityCheck"/>) on the configured
/// database, without migrating or seeding, printed in Chinese and English; exit code 1 when any rule is broken.
/// </summary>
public static class IntegrityCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "check" or "--check-integrity";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var violations = await IntegrityCheck.RunAsync(db);
        foreach (var v in violations)
        {
            Console.WriteLine($"违规 violation [{RuleName(v.Rule)} / {v.Rule}] {v.Subject}: {v.Detail}");
        }
        var orders = await db.Orders.CountAsync();
        Console.WriteLine(violations.Count == 0
            ? $"完整性检查通过 / integrity check passed: {orders} orders, 0 violations"
            : $"完整性检查失败 / integrity check failed: {orders} orders, {violations.Count} violations");
        return violations.Count == 0 ? 0 : 1;
    }

    private static string RuleName(IntegrityRule rule) => rule switch
    {
        IntegrityRule.StockLedger => "库存与流水不符",
        IntegrityRule.Reservation => "订单库存占用不符",
        IntegrityRule.Payment => "支付与订单不符",
        IntegrityRule.Receivable => "商家应收不符",
        IntegrityRule.Commission => "佣金不符",
        IntegrityRule.Message => "订单消息缺失或重复",
        _ => rule.ToString(),
    };
}
