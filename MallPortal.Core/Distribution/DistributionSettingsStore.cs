using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>The platform's distribution settings, read often (every click and checkout) and kept in memory between changes.</summary>
public sealed class DistributionSettingsStore(IDbContextFactory<MallDbContext> contexts)
    : SettingsRowStore<DistributionSettings>(contexts), Orders.Settlement.IAfterSalesPolicy
{
    /// <summary>The one after-sales window: commissions and merchants' receivables settle on it.</summary>
    public async Task<int> AfterSalesDaysAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).SettleAfterDays;

    public async Task SaveAsync(Actor actor, DistributionSettingsInput input, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await ChangeAsync(settings => settings.Change(input), cancellationToken);
    }

    protected override DbSet<DistributionSettings> Rows(MallDbContext db) => db.DistributionSettings;

    protected override DistributionSettings Defaults() => DistributionSettings.Defaults();
}
