using MallPortal.Core.Data;
using MallPortal.Core.Orders;

namespace MallPortal.Tests.Orders;

/// <summary>One real order in each of the five statuses, made through the services, for the transition table tests.</summary>
public sealed class OrdersInEveryStatus : IAsyncLifetime
{
    internal OrderTestKit Kit { get; private set; } = default!;

    internal Dictionary<OrderStatus, string> Numbers { get; } = [];

    public async Task InitializeAsync()
    {
        Kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await Kit.BuyerAsync();
        var sku = await Kit.SkuAsync(available: 10);
        async Task<string> PlaceAsync() => Assert.Single((await Kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);

        Numbers[OrderStatus.PendingPayment] = await PlaceAsync();
        Numbers[OrderStatus.PendingShipment] = await Kit.PaidOrderAsync(buyer, address, sku.SkuId);
        Numbers[OrderStatus.PendingReceipt] = await Kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await Kit.ShipAsync(Numbers[OrderStatus.PendingReceipt]);
        Numbers[OrderStatus.Completed] = await Kit.CompletedOrderAsync(buyer, address, sku.SkuId);
        Numbers[OrderStatus.Cancelled] = await PlaceAsync();
        await Kit.Get<OrderService>().CancelUnpaidAsync(buyer, Numbers[OrderStatus.Cancelled]);
    }

    public async Task DisposeAsync() => await Kit.DisposeAsync();
}
