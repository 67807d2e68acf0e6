using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>
/// 渠道对账's demo, through the real service: today's bill of every provider the demo paid through (the simulators give a
/// day's bill at once; real providers the next morning), compared with the books.
/// </summary>
public sealed class BillsDemoSeeder(IDbContextFactory<MallDbContext> contexts, BillReconciliation bills, TimeProvider clock) : IDemoSeeder
{
    public string Name => "bills";

    public int Order => 490;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        foreach (var gateway in bills.Sources)
        {
            await bills.ImportAsync(admin, gateway, BillDay.Of(clock.GetUtcNow()), cancellationToken);
        }
    }
}
