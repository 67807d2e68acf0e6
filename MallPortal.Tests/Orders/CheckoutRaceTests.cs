using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

/// <summary>
/// Checkouts at the same moment (a flash sale). On SQLite the ones waiting together share one transaction and one commit
/// (WriteGate), each in its own savepoint: what one of them does must never leak into another's outcome.
/// </summary>
public class CheckoutRaceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_buyers_never_take_the_last_unit_twice(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, sqliteFile: true);
        var (first, firstAddress) = await kit.BuyerAsync();
        var (second, secondAddress) = await kit.BuyerAsync(OrderTestKit.OtherBuyer);
        var sku = await kit.SkuAsync(available: 1);

        var outcomes = await Task.WhenAll(
            Task.Run(() => TryPlaceAsync(kit, first, firstAddress, sku.SkuId)),
            Task.Run(() => TryPlaceAsync(kit, second, secondAddress, sku.SkuId)));

        Assert.Single(outcomes, o => o is CheckoutResult);
        Assert.Contains("库存不足", Assert.Single(outcomes.OfType<DomainException>()).Message);
        Assert.Equal((1, 0), ((await kit.StockAsync(sku.SkuId)).Reserved, (await kit.StockAsync(sku.SkuId)).Available));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Checkouts_sharing_a_commit_each_keep_or_lose_only_their_own_order_when_stock_runs_out(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, sqliteFile: true);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => TryPlaceAsync(kit, buyer, address, sku.SkuId))));

        var placed = outcomes.OfType<CheckoutResult>().ToList();
        Assert.Equal(5, placed.Count);
        Assert.All(outcomes.OfType<DomainException>(), e => Assert.Contains("库存不足", e.Message));
        Assert.Equal(7, outcomes.OfType<DomainException>().Count());
        var numbers = placed.SelectMany(p => p.OrderNumbers).Order().ToList();
        Assert.Equal(numbers, await kit.QueryAsync(c => c.Orders.Where(o => o.BuyerUserId == buyer.UserId).Select(o => o.Number).OrderBy(n => n).ToListAsync()));
        Assert.Equal(numbers, await kit.QueryAsync(c => c.StockMovements
            .Where(m => m.SkuId == sku.SkuId && m.Kind == StockMovementKind.Reservation).Select(m => m.Reference).OrderBy(n => n).ToListAsync()));
        Assert.Equal((5, 0), ((await kit.StockAsync(sku.SkuId)).Reserved, (await kit.StockAsync(sku.SkuId)).Available));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_order_placed_message_is_saved_with_the_order_and_not_without_it(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 1);
        var before = await InboxAsync(kit, buyer.UserId);

        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        await Assert.ThrowsAsync<DomainException>(() => kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]));

        var added = Assert.Single((await InboxAsync(kit, buyer.UserId)).Except(before));
        Assert.Equal($"/account/orders/{Assert.Single(placed.OrderNumbers)}", added);
        Assert.Equal(NotificationCategory.Orders, await kit.QueryAsync(c => c.Notifications.Where(n => n.Link == added).Select(n => n.Category).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reserving_down_to_the_threshold_opens_one_low_stock_alert_with_what_was_left(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 5);
        await kit.Get<StockService>().SetThresholdAsync(await kit.MerchantAsync(), sku.SkuId, 3);

        await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        Assert.Empty(await OpenAlertsAsync(kit, sku.SkuId));
        await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);

        var alert = Assert.Single(await OpenAlertsAsync(kit, sku.SkuId));
        Assert.Equal((3, 3, sku.ShopId), (alert.AvailableAtOpen, alert.Threshold, alert.ShopId));
    }

    private static async Task<object> TryPlaceAsync(OrderTestKit kit, Actor buyer, int address, int skuId)
    {
        try
        {
            return await kit.PlaceAsync(buyer, address, [new CheckoutLine(skuId, 1)]);
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }

    private static Task<List<string?>> InboxAsync(OrderTestKit kit, int userId) =>
        kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == userId).Select(n => n.Link).ToListAsync());

    private static Task<List<StockAlert>> OpenAlertsAsync(OrderTestKit kit, int skuId) =>
        kit.QueryAsync(c => c.StockAlerts.AsNoTracking().Where(a => a.SkuId == skuId && a.ClosedAt == null).ToListAsync());
}
