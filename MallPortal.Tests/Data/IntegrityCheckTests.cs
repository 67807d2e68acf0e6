using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Tests.Orders;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Data;

/// <summary>
/// The operator's integrity check on a real database: the seeded demo plus orders placed and paid through the services
/// breaks no rule; each kind of damage a crash or a bug could leave (written by hand, as a half-done change would) is named.
/// </summary>
public class IntegrityCheckTests
{
    [Fact]
    public async Task Orders_placed_and_paid_through_the_services_break_no_rule()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        await PlaceAndPayAsync(kit);

        Assert.Empty(await CheckAsync(kit));
    }

    public static TheoryData<string, IntegrityRule> Damages() => new()
    {
        { "stock moved without its ledger row", IntegrityRule.StockLedger },
        { "a reservation written twice", IntegrityRule.Reservation },
        { "an unpaid order's reservation gone", IntegrityRule.Reservation },
        { "the payment paid but its order not", IntegrityRule.Payment },
        { "the payment paid without its gateway event", IntegrityRule.Payment },
        { "the order paid twice", IntegrityRule.Payment },
        { "a line's sale booked twice", IntegrityRule.Receivable },
        { "a paid order's receivable missing", IntegrityRule.Receivable },
        { "a commission accrued twice", IntegrityRule.Commission },
        { "the buyer's paid message lost", IntegrityRule.Message },
        { "the merchant's new-order SMS lost from the outbox", IntegrityRule.Message },
        { "the buyer's placed message written twice", IntegrityRule.Message },
    };

    [Theory, MemberData(nameof(Damages))]
    public async Task Each_kind_of_damage_is_reported_under_its_rule(string damage, IntegrityRule rule)
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (unpaid, paid, skuId) = await PlaceAndPayAsync(kit);
        var sql = damage switch
        {
            "stock moved without its ledger row" => $"""UPDATE "StockItems" SET "OnHand" = "OnHand" + 1 WHERE "SkuId" = {skuId}""",
            "a reservation written twice" => $"""
                INSERT INTO "StockMovements" ("SkuId", "ShopId", "Kind", "OnHandChange", "ReservedChange", "Reference", "Reason", "ActorUserId", "At")
                SELECT "SkuId", "ShopId", "Kind", "OnHandChange", "ReservedChange", "Reference", "Reason", "ActorUserId", "At" FROM "StockMovements"
                WHERE "Reference" = '{paid}' AND "Kind" = 'Reservation';
                UPDATE "StockItems" SET "Reserved" = "Reserved" + 1 WHERE "SkuId" = {skuId}
                """,
            "an unpaid order's reservation gone" => $"""
                DELETE FROM "StockMovements" WHERE "Reference" = '{unpaid}';
                UPDATE "StockItems" SET "Reserved" = "Reserved" - 1 WHERE "SkuId" = {skuId}
                """,
            "the payment paid but its order not" => $"""UPDATE "Payments" SET "Status" = 'Paid' WHERE "Id" = (SELECT "PaymentId" FROM "Orders" WHERE "Number" = '{unpaid}')""",
            "the payment paid without its gateway event" => """DELETE FROM "PaymentNotifications" """,
            "the order paid twice" => $"""
                INSERT INTO "OrderEvent" ("OrderId", "Kind", "StatusAfter", "Note", "ActorUserId", "At")
                SELECT "OrderId", "Kind", "StatusAfter", "Note", "ActorUserId", "At" FROM "OrderEvent"
                WHERE "Kind" = 'Pay' AND "OrderId" = (SELECT "Id" FROM "Orders" WHERE "Number" = '{paid}')
                """,
            "a line's sale booked twice" => $"""
                INSERT INTO "SettlementEntries" ("ShopId", "OrderId", "OrderLineId", "WithdrawalId", "Kind", "From", "To", "AmountFen", "At")
                SELECT "ShopId", "OrderId", "OrderLineId", "WithdrawalId", "Kind", "From", "To", "AmountFen", "At" FROM "SettlementEntries"
                WHERE "Kind" = 'Sale' AND "OrderId" = (SELECT "Id" FROM "Orders" WHERE "Number" = '{paid}')
                """,
            "a paid order's receivable missing" => $"""DELETE FROM "SettlementEntries" WHERE "Kind" = 'Sale' AND "OrderId" = (SELECT "Id" FROM "Orders" WHERE "Number" = '{paid}')""",
            "a commission accrued twice" => """
                INSERT INTO "CommissionEntries" ("DistributorId", "WithdrawalId", "CommissionId", "Kind", "From", "To", "AmountFen", "At")
                SELECT "DistributorId", "WithdrawalId", "CommissionId", "Kind", "From", "To", "AmountFen", "At" FROM "CommissionEntries"
                WHERE "Kind" = 'Accrued' LIMIT 1
                """,
            "the buyer's paid message lost" => $"""DELETE FROM "Notifications" WHERE "Link" = '/account/orders/{paid}' AND "Title" = '支付成功'""",
            "the merchant's new-order SMS lost from the outbox" => $"""DELETE FROM "OutboxMessages" WHERE "TemplateKey" = 'merchant-new-order' AND "ParametersJson" LIKE '%{paid}%'""",
            "the buyer's placed message written twice" => $"""
                INSERT INTO "Notifications" ("UserId", "Category", "Title", "Body", "Link", "CreatedAt", "ReadAt")
                SELECT "UserId", "Category", "Title", "Body", "Link", "CreatedAt", "ReadAt" FROM "Notifications" WHERE "Link" = '/account/orders/{unpaid}'
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        await using (var db = await kit.Db.ContextAsync())
        {
            Assert.True(await db.Database.ExecuteSqlRawAsync(sql) > 0, "the damage changed nothing");
        }

        var violations = await CheckAsync(kit);

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(rule, v.Rule));
    }

    [Fact]
    public async Task The_admin_runs_it_from_the_back_office_in_Chinese_and_nobody_else_may()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (_, _, skuId) = await PlaceAndPayAsync(kit);
        var review = kit.Get<IntegrityReview>();

        foreach (var other in new[] { await kit.ConsumerAsync(), await kit.MerchantAsync() })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => review.RunAsync(other));
            Assert.Equal(CoreText.NotAllowed, refused.Message);
        }
        var clean = await review.RunAsync(await kit.AdminAsync());
        Assert.True(clean.Passed);
        Assert.Equal(Enum.GetValues<IntegrityRule>().Length, clean.ByRule.Count);
        Assert.Equal(await kit.Db.InScopeAsync(s => s.GetRequiredService<MallDbContext>().Orders.CountAsync()), clean.Orders);

        await using (var db = await kit.Db.ContextAsync())
        {
            await db.StockItems.Where(s => s.SkuId == skuId).ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + 2));
        }
        var broken = await review.RunAsync(await kit.AdminAsync());

        var found = Assert.Single(broken.Violations);
        Assert.Equal((IntegrityRule.StockLedger, $"SKU {skuId}"), (found.Rule, found.Subject));
        Assert.Matches(@"^现有 \d+ / 占用 \d+，流水合计 \d+ / \d+$", found.Detail);
        Assert.Equal(1, broken.ByRule.Single(r => r.Rule == IntegrityRule.StockLedger).Found);
        Assert.Equal("库存与流水", IntegrityReport.RuleName(found.Rule));
    }

    /// <summary>An unpaid order and a paid one, a unit each of one SKU (the paid one's merchant takes order SMS by default).</summary>
    private static async Task<(string Unpaid, string Paid, int SkuId)> PlaceAndPayAsync(OrderTestKit kit)
    {
        var (buyer, address) = await kit.BuyerAsync("13800000023");
        var sku = await kit.SkuAsync(available: 10);
        var unpaid = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var paid = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        Assert.Equal(PaymentStatus.Paid, (await kit.OrderAsync(paid)).Payment.Status);
        return (unpaid, paid, sku.SkuId);
    }

    private static async Task<IReadOnlyList<IntegrityViolation>> CheckAsync(OrderTestKit kit)
    {
        await using var db = await kit.Db.ContextAsync();
        return await IntegrityCheck.RunAsync(db);
    }
}
