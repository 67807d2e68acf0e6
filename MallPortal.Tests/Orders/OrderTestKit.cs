using System.Globalization;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Risk;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Inventory;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MallPortal.Tests.Orders;

/// <summary>
/// The arrange steps the order tests share: a seeded database (but for the demo's simulated payments) whose simulated providers' callbacks reach its own PaymentIntake,
/// buyers with a shipping address, SKUs with a known stock, orders placed, paid by a signed notification, shipped.
/// </summary>
internal sealed class OrderTestKit : IAsyncDisposable
{
    public const string Buyer = "13800000021";
    public const string OtherBuyer = "13800000022";
    public const string ShopA = "13800000001";
    public const string ShopB = "13800000002";
    public const string SiteUrl = "https://mall.test";

    private static readonly AddressInput Home = new("陈静", "13800000021", "广东省", "深圳市", "南山区", "科技园科苑路 15 号");

    private OrderTestKit(TestDatabase db, SiteNotifyHandler notify) => (Db, Notify) = (db, notify);

    public TestDatabase Db { get; }

    /// <summary>The site's notification endpoint as the sandbox provider reaches it.</summary>
    public SiteNotifyHandler Notify { get; }

    public FakeTimeProvider Clock => Db.Clock;

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<OrderTestKit> CreateAsync(DatabaseProvider provider, bool sqliteFile = false, Action<IServiceCollection>? configure = null)
    {
        var notify = new SiteNotifyHandler();
        var db = await TestDatabase.CreateSeededAsync(provider, sqliteFile, services =>
        {
            services.AddHttpClient(SandboxCallbackSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => notify);
            services.AddHttpClient(AlipaySimulator.NotifyClientName).ConfigurePrimaryHttpMessageHandler(() => notify);
            services.AddHttpClient(Core.Orders.Payments.WeChatPay.Simulator.WeChatPaySimulator.NotifyClientName).ConfigurePrimaryHttpMessageHandler(() => notify);
            services.AddHttpClient(Core.Orders.Payments.UnionPay.Simulator.UnionPaySimulator.NotifyClientName).ConfigurePrimaryHttpMessageHandler(() => notify);
            services.AddHttpClient(Core.Orders.Payments.Stripe.Simulator.StripeSimulator.NotifyClientName).ConfigurePrimaryHttpMessageHandler(() => notify);
            // The demo's simulated payments would put notifications in the log and the simulators' outboxes before the test begins.
            services.Remove(services.Single(d => d.ImplementationType == typeof(Core.Orders.Payments.Simulators.PaymentsDemoSeeder)));
            services.Remove(services.Single(d => d.ImplementationType == typeof(Core.Orders.Risk.RiskDemoSeeder)));
            services.Remove(services.Single(d => d.ImplementationType == typeof(Core.Orders.Payments.Bills.BillsDemoSeeder)));
            configure?.Invoke(services);
        });
        notify.Services = db.Services;
        var kit = new OrderTestKit(db, notify);
        // Tests of other rules buy freely; the risk tests set the lines they check.
        var risk = kit.Get<RiskSettingsStore>();
        await risk.SaveAsync(await kit.AdminAsync(), (await risk.GetAsync()).ToInput() with { HoldAbove = Money.Zero });
        return kit;
    }

    public T Get<T>() where T : notnull => Db.Services.GetRequiredService<T>();

    public async Task<Actor> ConsumerAsync(string phone = Buyer) =>
        PasswordAndContactTests.ActorOf((await Db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync(phone)))!);

    /// <summary>A seeded consumer with one (default) shipping address.</summary>
    public async Task<(Actor Actor, int AddressId)> BuyerAsync(string phone = Buyer)
    {
        var actor = await ConsumerAsync(phone);
        return (actor, await Get<AddressService>().AddAsync(actor, Home, makeDefault: true));
    }

    public Task<Actor> MerchantAsync(string phone = ShopA) => InventoryServiceTests.MerchantAsync(Db, phone);

    public async Task<Actor> AdminAsync()
    {
        var admin = await Db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("admin@test.local"));
        return new Actor(admin!.Id, new HashSet<string> { Roles.Admin, Roles.Consumer });
    }

    /// <summary>
    /// The shop's SKU number <paramref name="index"/> (by id) among products nobody has ordered yet, so the demo orders
    /// (reservations, sales, a review) never show in a test's figures; its available stock is first brought to <paramref name="available"/>.
    /// </summary>
    public async Task<TestSku> SkuAsync(string merchantPhone = ShopA, int index = 0, int? available = null)
    {
        var merchant = await MerchantAsync(merchantPhone);
        await using var context = await Db.ContextAsync();
        var shopId = await context.Shops.Where(s => s.OwnerUserId == merchant.UserId).Select(s => s.Id).SingleAsync();
        var row = await (from k in context.ProductSkus
                         join p in context.Products on k.ProductId equals p.Id
                         where k.ShopId == shopId && !context.OrderLines.Any(l => l.ProductId == p.Id)
                         orderby k.Id
                         select new { Sku = k, p.Title }).AsNoTracking().Skip(index).FirstAsync();
        if (available is { } wanted)
        {
            await SetAvailableAsync(row.Sku.Id, wanted, merchantPhone);
        }
        return new TestSku(row.Sku.Id, row.Sku.ProductId, shopId, row.Title, row.Sku.SpecText, row.Sku.SellingPrice);
    }

    /// <summary>Brings a SKU's available stock to <paramref name="available"/> through a merchant's adjustment (it stays in the ledger).</summary>
    public async Task SetAvailableAsync(int skuId, int available, string merchantPhone = ShopA)
    {
        var current = (await StockAsync(skuId)).Available;
        if (available != current)
        {
            await Get<StockService>().AdjustAsync(await MerchantAsync(merchantPhone), skuId, available - current, "测试准备");
        }
    }

    public Task<StockItem> StockAsync(int skuId) => InventoryServiceTests.ItemAsync(Db, skuId);

    public async Task SetShippingAsync(string merchantPhone, Money fee, Money? freeOver)
    {
        var merchant = await MerchantAsync(merchantPhone);
        var shops = Get<Core.Catalog.ShopService>();
        await shops.UpdateAsync(merchant, (await shops.GetMineAsync(merchant)) with { ShippingFee = fee, FreeShippingOver = freeOver });
    }

    public Task<CheckoutResult> PlaceAsync(Actor buyer, int addressId, IReadOnlyList<CheckoutLine> lines,
        string method = SandboxGateway.GatewayName, string? key = null) =>
        Get<CheckoutService>().PlaceOrderAsync(buyer, new CheckoutInput(lines, addressId, method, key ?? Guid.NewGuid().ToString("N")));

    /// <summary>The buyer's order of two units of a fresh SKU, to be paid through <paramref name="gateway"/>.</summary>
    public async Task<(Actor Buyer, CheckoutResult Placed, string Number)> PlacedWithAsync(string gateway)
    {
        var (buyer, address) = await BuyerAsync();
        var sku = await SkuAsync(available: 10);
        var placed = await PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)], gateway);
        return (buyer, placed, Assert.Single(placed.OrderNumbers));
    }

    /// <summary>The fields of a "paid" notification as the sandbox provider sends them, signed with <paramref name="key"/> (default: the configured one).</summary>
    public Dictionary<string, string> PaidNotice(string paymentNumber, Money amount, string? notifyId = null, string? key = null,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_id"] = notifyId ?? Guid.NewGuid().ToString("N"),
            ["notify_time"] = Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["out_trade_no"] = paymentNumber,
            ["trade_no"] = "SBX0000000000000001",
            ["total_fee"] = amount.Fen.ToString(CultureInfo.InvariantCulture),
            ["trade_status"] = "SUCCESS",
            ["sign_type"] = "HMAC-SHA256",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }
        fields["sign"] = SandboxSignature.Sign(fields, key ?? Get<IOptions<SandboxOptions>>().Value.Key);
        return fields;
    }

    public Task<NotificationResult> NotifyAsync(IReadOnlyDictionary<string, string> fields) =>
        Get<PaymentIntake>().HandleNotificationAsync(SandboxGateway.GatewayName, GatewayCallback.FromForm(fields));

    public async Task PayAsync(CheckoutResult placed) =>
        Assert.True((await NotifyAsync(PaidNotice(placed.PaymentNumber, placed.Amount))).Accepted);

    /// <summary>One order of <paramref name="quantity"/> units of one SKU, paid through a signed notification; returns its number.</summary>
    public async Task<string> PaidOrderAsync(Actor buyer, int addressId, int skuId, int quantity = 1)
    {
        var placed = await PlaceAsync(buyer, addressId, [new CheckoutLine(skuId, quantity)]);
        await PayAsync(placed);
        return Assert.Single(placed.OrderNumbers);
    }

    /// <summary>The buyer goes to the sandbox cashier and pays: the provider's trade is paid and its callback delivered; returns the trade number.</summary>
    public async Task<string> PayAtCashierAsync(Actor buyer, string orderNumber)
    {
        var tradeNo = SandboxTradeNo(await Get<PaymentService>().StartAsync(buyer, orderNumber, SiteUrl));
        await Get<SandboxProvider>().PayAsync(tradeNo);
        return tradeNo;
    }

    /// <summary>The trade number at the end of the sandbox cashier's address.</summary>
    public static string SandboxTradeNo(PaymentStart start)
    {
        var url = Assert.IsType<RedirectStart>(start.Start).Url;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    /// <summary>The buyer asks to cancel a paid order before shipment and shop A agrees: the refund goes to the gateway. Returns its number.</summary>
    public async Task<string> CancelledAndRefundedAsync(Actor buyer, string number, string reason = "不想要了")
    {
        var refunds = Get<RefundService>();
        var refundNumber = await refunds.RequestCancellationAsync(buyer, number, reason);
        await refunds.DecideAsync(await MerchantAsync(), refundNumber, true, null);
        return refundNumber;
    }

    public Task<Refund> RefundAsync(string number) => QueryAsync(c => c.Refunds.AsNoTracking().SingleAsync(r => r.Number == number));

    public async Task ShipAsync(string number, string merchantPhone = ShopA, string trackingNumber = "SF1234567890123") =>
        await Get<ShippingService>().ShipAsync(await MerchantAsync(merchantPhone), number, new ShipmentInput("shunfeng", trackingNumber), SiteUrl);

    /// <summary>Paid, shipped by shop A and received: the order a buyer may review.</summary>
    public async Task<string> CompletedOrderAsync(Actor buyer, int addressId, int skuId)
    {
        var number = await PaidOrderAsync(buyer, addressId, skuId);
        await ShipAsync(number);
        await Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        return number;
    }

    public async Task<Order> OrderAsync(string number)
    {
        await using var context = await Db.ContextAsync();
        return await context.Orders.Include(o => o.Lines).Include(o => o.Events).Include(o => o.Payment).AsSplitQuery().AsNoTracking()
            .SingleAsync(o => o.Number == number);
    }

    public async Task<T> QueryAsync<T>(Func<MallDbContext, Task<T>> query)
    {
        await using var context = await Db.ContextAsync();
        return await query(context);
    }

    /// <summary>The products' sales counts, in the order of <paramref name="productIds"/>.</summary>
    public async Task<List<int>> SalesAsync(params int[] productIds)
    {
        var counts = await QueryAsync(c => c.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.SalesCount));
        return productIds.Select(id => counts[id]).ToList();
    }

    public async Task AssertLedgerReconcilesAsync() => Assert.Empty(await Get<InventoryService>().ReconcileAsync());

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

internal sealed record TestSku(int SkuId, int ProductId, int ShopId, string Title, string SpecText, Money Price)
{
    /// <summary>How checkout names the item in its messages: the title with the spec in full-width brackets.</summary>
    public string Name => SpecText.Length == 0 ? Title : $"{Title}（{Core.Catalog.SkuText.Display(SpecText)}）";
}
