using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>One run of <see cref="IntegrityCheck"/>: when it began, how many orders it read, how long it took, what it found.</summary>
public sealed record IntegrityReport(DateTimeOffset CheckedAt, int Orders, TimeSpan Took, IReadOnlyList<IntegrityViolation> Violations)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>Every rule in its order with how many findings it has (0 for a rule that holds).</summary>
    public IReadOnlyList<(IntegrityRule Rule, int Found)> ByRule =>
        Enum.GetValues<IntegrityRule>().Select(rule => (rule, Violations.Count(v => v.Rule == rule))).ToList();

    public static async Task<IntegrityReport> RunAsync(MallDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var (at, started) = (clock.GetUtcNow(), clock.GetTimestamp());
        var violations = await IntegrityCheck.RunAsync(db, cancellationToken);
        var orders = await db.Orders.CountAsync(cancellationToken);
        return new IntegrityReport(at, orders, clock.GetElapsedTime(started), violations);
    }

    public static string RuleName(IntegrityRule rule) => rule switch
    {
        IntegrityRule.StockLedger => CoreText.IcRuleStockLedger,
        IntegrityRule.Reservation => CoreText.IcRuleReservation,
        IntegrityRule.Payment => CoreText.IcRulePayment,
        IntegrityRule.Receivable => CoreText.IcRuleReceivable,
        IntegrityRule.Commission => CoreText.IcRuleCommission,
        _ => CoreText.IcRuleMessage,
    };

    public static string RuleHint(IntegrityRule rule) => rule switch
    {
        IntegrityRule.StockLedger => CoreText.IcHintStockLedger,
        IntegrityRule.Reservation => CoreText.IcHintReservation,
        IntegrityRule.Payment => CoreText.IcHintPayment,
        IntegrityRule.Receivable => CoreText.IcHintReceivable,
        IntegrityRule.Commission => CoreText.IcHintCommission,
        _ => CoreText.IcHintMessage,
    };
}

/// <summary>
/// The platform admin's 数据完整性检查: the same read-only check as <c>dotnet MallPortal.dll check</c>, run from the back
/// office. Only an admin may run it: its findings name orders, shops' receivables and distributors' balances.
/// </summary>
public sealed class IntegrityReview(IDbContextFactory<MallDbContext> contexts, TimeProvider clock)
{
    public async Task<IntegrityReport> RunAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await IntegrityReport.RunAsync(db, clock, cancellationToken);
    }
}
