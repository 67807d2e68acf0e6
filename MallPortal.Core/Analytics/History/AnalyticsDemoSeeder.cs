using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace MallPortal.Core.Analytics.History;

/// <summary>
/// The dashboards' demo: <c>Demo:HistoryDays</c> days of generated sales ending yesterday (none by default; the app's
/// appsettings ask for a year), and the promotion periods they contain named through the real service: the platform's
/// 双11 and 年货节 by the admin, 618 by the first demo merchant for its own shop. Runs after every other seeder, so the
/// demo's real orders of today stay as the services made them.
/// </summary>
public sealed class AnalyticsDemoSeeder(IConfiguration configuration, SalesHistoryGenerator history, PromotionPeriodService periods,
    RollupService rollups, IDbContextFactory<MallDbContext> contexts) : IDemoSeeder
{
    public const string HistoryDaysKey = "Demo:HistoryDays";

    /// <summary>Orders per day of the demo's busiest shop on an ordinary weekday at the end of the year: a first start stays quick.</summary>
    public const int OrdersPerShopDay = 12;

    public string Name => "analytics";

    public int Order => 900;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var days = configuration.GetValue(HistoryDaysKey, 0);
        if (days <= 0)
        {
            return;
        }
        var yesterday = rollups.Today.AddDays(-1);
        var range = new DateRange(yesterday.AddDays(1 - days), yesterday);
        await history.GenerateAsync(range, new HistoryOptions(OrdersPerShopDay: OrdersPerShopDay), cancellationToken);
        await NamePeriodsAsync(range, cancellationToken);
    }

    private async Task NamePeriodsAsync(DateRange range, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        var owner = await db.Shops.OrderBy(s => s.Id).Select(s => (int?)s.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
        for (var year = range.From.Year; year <= range.To.Year; year++)
        {
            await NameAsync(admin, $"{year}双11", HistoryCalendar.Double11(year), range, cancellationToken);
            await NameAsync(admin, $"{year}年货节", HistoryCalendar.NewYearGoods(year), range, cancellationToken);
            if (owner is { } merchant)
            {
                await NameAsync(new Actor(merchant, new HashSet<string> { Roles.Merchant }), $"{year}店铺618", HistoryCalendar.MidYear(year), range,
                    cancellationToken);
            }
        }
    }

    /// <summary>Only promotions that lie wholly inside the history: a half-covered one would compare badly with its year before.</summary>
    private async Task NameAsync(Actor actor, string name, DateRange period, DateRange history, CancellationToken cancellationToken)
    {
        if (period.From >= history.From && period.To <= history.To)
        {
            await periods.AddAsync(actor, new PromotionPeriodInput(name, period.From, period.To), cancellationToken);
        }
    }
}
