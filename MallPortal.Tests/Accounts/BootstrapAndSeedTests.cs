using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Distribution.Risk;
using MallPortal.Core.Seeding;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class BootstrapAndSeedTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_bring_the_four_roles_and_the_first_start_one_admin_from_configuration(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());
        var second = await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());

        Assert.Null(first);   // configured password: nothing to print
        Assert.Null(second);
        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
            Assert.Equal("admin@test.local", admin.Email);
            Assert.True(await users.CheckPasswordAsync(admin, "admin1234"));
            var roles = s.GetRequiredService<RoleManager<IdentityRole<int>>>();
            Assert.Equal(Roles.All.Order(), (await roles.Roles.Select(r => r.Name!).ToListAsync()).Order());
        });
    }

    [Fact]
    public async Task Without_a_configured_password_the_admin_gets_a_generated_one_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite,
            s => s.Configure<AdminOptions>(o => o.Password = ""));

        var generated = await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());
        var again = await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());

        Assert.NotNull(generated);
        Assert.True(generated.Length >= 12);
        Assert.Null(again);
        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(admin, generated));
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_demo_seeder_runs_once_per_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());

        var first = await db.InScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync());
        var second = await db.InScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync());

        Assert.Equal(["accounts", "catalog", "orders", "distribution", "commissions", "withdrawals", "grades", "commission-holds", "shipping", "aftersales", "payments", "risk", "bills", "analytics"], first);
        Assert.Empty(second);
        await db.InScopeAsync(async s =>
        {
            await using var context = await s.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
            Assert.Equal(AccountsDemoSeeder.Logins.Count + 1, await context.Users.CountAsync());
            var users = s.GetRequiredService<UserManager<MallUser>>();
            Assert.Equal(2, (await users.GetUsersInRoleAsync(Roles.Merchant)).Count);
            Assert.Equal(3, (await users.GetUsersInRoleAsync(Roles.Distributor)).Count);
            // The demo distributors are a real chain, approved through the applications, with customers' orders attributed.
            var chain = await context.Distributors.OrderBy(d => d.Depth).Select(d => new { d.Name, d.Depth, d.Path }).ToListAsync();
            Assert.Equal(["王芳", "李强", "赵敏"], chain.Select(d => d.Name));
            Assert.True(chain[2].Path.StartsWith(chain[1].Path) && chain[1].Path.StartsWith(chain[0].Path));
            // Three customers' first orders, 孙丽's second one (the commission demo) and 吴昊's two on 王芳's phone (the hold demo):
            // one held for review, one voided.
            Assert.Equal(6, await context.OrderAttributions.CountAsync());
            Assert.Equal([CommissionHold.Held, CommissionHold.Voided],
                await context.Commissions.Where(c => c.Hold != CommissionHold.None).OrderBy(c => c.Hold).Select(c => c.Hold).ToListAsync());
            // 王芳 withdrew through every state; her settled sales made her 银牌.
            Assert.Equal(5, await context.Withdrawals.CountAsync());
            Assert.Equal("银牌", await (from d in context.Distributors join g in context.DistributorGrades on d.GradeId equals g.Id
                                      where d.Name == "王芳" select g.Name).SingleAsync());
            Assert.InRange(await context.PromotionClicks.CountAsync(), 200, 400);
            // Parcels: one scanned to 签收, two of three units on the way (one to ship), one refused in the shop's problem queue.
            var traced = await context.Shipments.Where(s => s.LastScanAt != null).OrderBy(s => s.Id)
                .Select(s => new { s.Status, s.Problem, Scans = s.Events.Count, Units = s.Lines.Sum(l => l.Quantity) }).ToListAsync();
            Assert.Equal([(ShipmentStatus.Signed, ShipmentProblem.None, 6), (ShipmentStatus.Returned, ShipmentProblem.Returned, 7), (ShipmentStatus.InTransit, ShipmentProblem.None, 3)],
                traced.Select(t => (t.Status, t.Problem, t.Scans)));
            Assert.Equal(2, traced[2].Units);
            Assert.All(await context.Shipments.ToListAsync(), s => Assert.Equal(TrackingMode.Subscribed, s.Tracking));
            // After-sales: 刘洋's return refunded; 孙丽's claims waiting for the shop, for her parcel, and for the platform.
            Assert.Equal([AfterSaleStatus.Refunded, AfterSaleStatus.PendingMerchant, AfterSaleStatus.AwaitingReturn, AfterSaleStatus.Arbitration],
                await context.AfterSales.OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
            // 刘洋 paid one order with Alipay at the simulator's cashier; the return page's query settled it.
            var alipay = await context.Orders.Include(o => o.Payment).SingleAsync(o => o.PaymentMethod == "alipay");
            Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid), (alipay.Status, alipay.Payment.Status));
            Assert.Equal("query:" + alipay.Payment.Number, await context.PaymentNotifications.Where(n => n.Gateway == "alipay").Select(n => n.EventKey).SingleAsync());
            // And one with WeChat Pay, cancelled before shipment and refunded: processing until the query job hears it succeeded.
            var wechat = await context.Orders.SingleAsync(o => o.PaymentMethod == "wechatpay");
            Assert.Equal(OrderStatus.Cancelled, wechat.Status);
            Assert.Equal(RefundGatewayState.Processing, await context.Refunds.Where(r => r.OrderId == wechat.Id).Select(r => r.GatewayState).SingleAsync());
        });
    }
}
