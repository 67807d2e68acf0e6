using System.Text.RegularExpressions;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class CheckoutServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_cart_from_two_shops_becomes_two_orders_and_one_payment_for_their_sum(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        await kit.SetShippingAsync(OrderTestKit.ShopA, Money.FromYuan(12), freeOver: null);
        await kit.SetShippingAsync(OrderTestKit.ShopB, Money.FromYuan(10), freeOver: b.Price * 2);
        var cart = kit.Get<CartService>();
        await cart.AddAsync(CartOwner.User(buyer.UserId), a.SkuId, 2);
        await cart.AddAsync(CartOwner.User(buyer.UserId), b.SkuId, 3);

        var placed = await kit.PlaceAsync(buyer, address, (await cart.GetAsync(CartOwner.User(buyer.UserId))).ToCheckout());

        Assert.Equal(2, placed.OrderNumbers.Count);
        var placedOrders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        var (orderA, orderB) = (placedOrders.Single(o => o.ShopId == a.ShopId), placedOrders.Single(o => o.ShopId == b.ShopId));
        Assert.Equal((a.Price * 2, Money.FromYuan(12), a.Price * 2 + Money.FromYuan(12)), (orderA.ItemsTotal, orderA.ShippingFee, orderA.Total));
        Assert.Equal((b.Price * 3, Money.Zero, b.Price * 3), (orderB.ItemsTotal, orderB.ShippingFee, orderB.Total));
        var payment = Assert.Single(await kit.QueryAsync(c => c.Payments.AsNoTracking().Where(p => p.BuyerUserId == buyer.UserId).ToListAsync()));
        Assert.Equal((placed.PaymentNumber, orderA.Total + orderB.Total, PaymentStatus.Pending), (payment.Number, payment.Amount, payment.Status));
        Assert.Equal(payment.Amount, placed.Amount);
        Assert.All([orderA, orderB], o => Assert.Equal((payment.Id, OrderStatus.PendingPayment), (o.PaymentId, o.Status)));
        var (stockA, stockB) = (await kit.StockAsync(a.SkuId), await kit.StockAsync(b.SkuId));
        Assert.Equal((2, 8, 3, 7), (stockA.Reserved, stockA.Available, stockB.Reserved, stockB.Available));
        Assert.Equal(2, await kit.QueryAsync(c => c.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Reservation
            && (m.Reference == orderA.Number && m.SkuId == a.SkuId || m.Reference == orderB.Number && m.SkuId == b.SkuId))));
        Assert.Empty((await cart.GetAsync(CartOwner.User(buyer.UserId))).Lines);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Shipping_is_the_flat_fee_below_the_free_shipping_amount_and_free_from_it(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var sku = await kit.SkuAsync(OrderTestKit.ShopB, available: 10);
        await kit.SetShippingAsync(OrderTestKit.ShopB, Money.FromYuan(8), freeOver: sku.Price * 2);
        var checkout = kit.Get<CheckoutService>();

        var one = Assert.Single((await checkout.PreviewAsync([new CheckoutLine(sku.SkuId, 1)])).Shops);
        var two = Assert.Single((await checkout.PreviewAsync([new CheckoutLine(sku.SkuId, 2)])).Shops);

        Assert.Equal((Money.FromYuan(8), sku.Price + Money.FromYuan(8)), (one.ShippingFee, one.Total));
        Assert.Equal((Money.Zero, sku.Price * 2), (two.ShippingFee, two.Total));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_line_out_of_stock_refuses_the_whole_checkout_naming_that_item(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (plenty, scarce) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 5));
        var cart = kit.Get<CartService>();
        await cart.AddAsync(CartOwner.User(buyer.UserId), plenty.SkuId, 2);
        await cart.AddAsync(CartOwner.User(buyer.UserId), scarce.SkuId, 2);
        await kit.SetAvailableAsync(scarce.SkuId, 1, OrderTestKit.ShopB); // sold elsewhere while the checkout page was open

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            kit.PlaceAsync(buyer, address, [new CheckoutLine(plenty.SkuId, 2), new CheckoutLine(scarce.SkuId, 2)]));

        Assert.Equal($"「{scarce.Name}」库存不足（仅剩 1 件）", error.Message);
        Assert.DoesNotContain(plenty.Title, error.Message);
        await AssertNothingPlacedAsync(kit, buyer, plenty.SkuId, scarce.SkuId);
        var lines = (await cart.GetAsync(CartOwner.User(buyer.UserId))).Lines.OrderBy(l => l.SkuId == scarce.SkuId).ToList();
        Assert.Equal([(plenty.SkuId, 2), (scarce.SkuId, 2)], lines.Select(l => (l.SkuId, l.Quantity)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_off_shelf_product_is_named_and_nothing_is_placed(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(OrderTestKit.ShopA, available: 10);
        await kit.Get<ProductService>().SetOnSaleAsync(await kit.MerchantAsync(), [sku.ProductId], onSale: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]));

        Assert.Equal($"「{sku.Name}」已下架", error.Message);
        await AssertNothingPlacedAsync(kit, buyer, sku.SkuId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_users_address_is_refused(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (_, othersAddress) = await kit.BuyerAsync(OrderTestKit.OtherBuyer);
        var buyer = await kit.ConsumerAsync();
        var sku = await kit.SkuAsync(available: 10);

        var error = await Assert.ThrowsAsync<DomainException>(() => kit.PlaceAsync(buyer, othersAddress, [new CheckoutLine(sku.SkuId, 1)]));

        Assert.Equal(("收货地址不存在", "AddressId"), (error.Message, error.Field));
        await AssertNothingPlacedAsync(kit, buyer, sku.SkuId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Submitting_the_same_page_twice_places_one_set_of_orders(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        CheckoutLine[] lines = [new(a.SkuId, 1), new(b.SkuId, 1)];

        var first = await kit.PlaceAsync(buyer, address, lines, key: "page-1");
        var second = await kit.PlaceAsync(buyer, address, lines, key: "page-1");

        Assert.Equal((first.PaymentNumber, first.Amount), (second.PaymentNumber, second.Amount));
        Assert.Equal(first.OrderNumbers.Order(), second.OrderNumbers.Order());
        await AssertOneSetAsync(kit, buyer, first, a.SkuId, b.SkuId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_parallel_submits_of_one_page_place_one_set_of_orders(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, sqliteFile: true);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)], key: "page-1"))));

        Assert.Single(results.Select(r => r.PaymentNumber).Distinct());
        Assert.All(results, r => Assert.Equal(results[0].OrderNumbers.Order(), r.OrderNumbers.Order()));
        await AssertOneSetAsync(kit, buyer, results[0], a.SkuId, b.SkuId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_parallel_second_submit_gets_the_first_result_even_when_the_first_took_the_last_units(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, sqliteFile: true);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 1), await kit.SkuAsync(OrderTestKit.ShopB, available: 1));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)], key: "page-1"))));

        Assert.Single(results.Select(r => r.PaymentNumber).Distinct());
        await AssertOneSetAsync(kit, buyer, results[0], a.SkuId, b.SkuId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cash_on_delivery_goes_straight_to_pending_shipment_and_counts_as_sold_only_when_the_cash_is_collected(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var sales = await kit.QueryAsync(c => c.Products.Where(p => p.Id == sku.ProductId).Select(p => p.SalesCount).SingleAsync());

        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)], method: CashOnDeliveryGateway.GatewayName);

        Assert.False(placed.PaysOnline);
        var order = await kit.OrderAsync(Assert.Single(placed.OrderNumbers));
        Assert.Equal((OrderStatus.PendingShipment, "cod", PaymentStatus.Pending), (order.Status, order.PaymentMethod, order.Payment.Status));
        Assert.Null(order.PaidAt);
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.ChooseCashOnDelivery], order.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(2, (await kit.StockAsync(sku.SkuId)).Reserved);
        Assert.Equal([sales], await kit.SalesAsync(sku.ProductId));

        await kit.ShipAsync(order.Number);
        await kit.Get<FulfilmentService>().MarkCashCollectedAsync(await kit.MerchantAsync(), order.Number);

        Assert.Equal([sales + 2], await kit.SalesAsync(sku.ProductId));
        Assert.Equal(kit.Now, (await kit.OrderAsync(order.Number)).PaidAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Order_numbers_are_twenty_digit_strings_not_database_ids(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));

        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)]);

        Assert.Equal(2, placed.OrderNumbers.Distinct().Count());
        foreach (var number in placed.OrderNumbers)
        {
            Assert.Matches(new Regex(@"^\d{20}$"), number);
            Assert.StartsWith("20261126", number);
            Assert.NotEqual((await kit.OrderAsync(number)).Id.ToString(), number);
        }
        Assert.Matches(new Regex(@"^P\d{20}$"), placed.PaymentNumber);
    }

    private static async Task AssertNothingPlacedAsync(OrderTestKit kit, Actor buyer, params int[] skuIds)
    {
        Assert.Equal((0, 0), await kit.QueryAsync(async c =>
            (await c.Orders.CountAsync(o => o.BuyerUserId == buyer.UserId), await c.Payments.CountAsync(p => p.BuyerUserId == buyer.UserId))));
        Assert.False(await kit.QueryAsync(c => c.StockMovements.AnyAsync(m => skuIds.Contains(m.SkuId) && m.Kind == StockMovementKind.Reservation)));
        foreach (var skuId in skuIds)
        {
            Assert.Equal(0, (await kit.StockAsync(skuId)).Reserved);
        }
        await kit.AssertLedgerReconcilesAsync();
    }

    private static async Task AssertOneSetAsync(OrderTestKit kit, Actor buyer, CheckoutResult result, int skuA, int skuB)
    {
        var orders = await kit.QueryAsync(c => c.Orders.Where(o => o.BuyerUserId == buyer.UserId).OrderBy(o => o.Number).Select(o => o.Number).ToListAsync());
        Assert.Equal(result.OrderNumbers.Order(), orders);
        Assert.Equal(1, await kit.QueryAsync(c => c.Payments.CountAsync(p => p.BuyerUserId == buyer.UserId)));
        Assert.Equal((1, 1), ((await kit.StockAsync(skuA)).Reserved, (await kit.StockAsync(skuB)).Reserved));
        Assert.Equal(2, await kit.QueryAsync(c => c.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Reservation && (m.SkuId == skuA || m.SkuId == skuB))));
        await kit.AssertLedgerReconcilesAsync();
    }
}
