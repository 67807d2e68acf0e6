using System.Data.Common;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Orders;

/// <summary>The one path of an order's consequences: every step reaches every handler once, inside the step's transaction.</summary>
public sealed class OrderStepTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_step_reaches_a_handler_once_inside_its_transaction_and_once_after_the_commit(DatabaseProvider provider)
    {
        var probe = new ProbeHandler();
        await using var kit = await OrderTestKit.CreateAsync(provider, configure: s => s.AddSingleton<IOrderStepHandler>(probe));
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 5);
        probe.Start();

        var number = await kit.CompletedOrderAsync(buyer, address, sku.SkuId);

        OrderEventKind[] expected = [OrderEventKind.Placed, OrderEventKind.Pay, OrderEventKind.Ship, OrderEventKind.ConfirmReceipt];
        Assert.Equal(expected, probe.Inside.Where(s => s.Number == number).Select(s => s.Kind));
        Assert.All(probe.Inside, s => Assert.True(s.InTransaction));
        Assert.Equal(expected, probe.After.Where(s => s.Number == number).Select(s => s.Kind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_handler_rolls_the_payment_back_and_the_gateways_retry_then_succeeds(DatabaseProvider provider)
    {
        var probe = new ProbeHandler();
        await using var kit = await OrderTestKit.CreateAsync(provider, configure: s => s.AddSingleton<IOrderStepHandler>(probe));
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 5);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)]);
        var sales = await kit.SalesAsync(sku.ProductId);
        var notice = kit.PaidNotice(placed.PaymentNumber, placed.Amount);
        probe.Start(fail: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.NotifyAsync(notice));

        var order = await kit.OrderAsync(Assert.Single(placed.OrderNumbers));
        Assert.Equal((OrderStatus.PendingPayment, PaymentStatus.Pending), (order.Status, order.Payment.Status));
        Assert.Equal(sales, await kit.SalesAsync(sku.ProductId));
        Assert.Empty(probe.After);
        Assert.False(await kit.QueryAsync(c => c.PaymentNotifications.AnyAsync(n => n.PaymentNumber == placed.PaymentNumber)));

        probe.Start();
        Assert.True((await kit.NotifyAsync(notice)).Accepted);
        Assert.True((await kit.NotifyAsync(notice)).Accepted);

        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(order.Number)).Status);
        Assert.Equal([sales[0] + 2], await kit.SalesAsync(sku.ProductId));
        Assert.Equal([OrderEventKind.Pay], probe.Inside.Select(s => s.Kind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sales_counts_rise_once_per_payment_and_fall_when_a_paid_order_is_cancelled_with_its_refund(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var before = await kit.SalesAsync(sku.ProductId);

        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 3)])).OrderNumbers);
        await kit.PayAtCashierAsync(buyer, number);
        Assert.Equal([before[0] + 3], await kit.SalesAsync(sku.ProductId));

        var refund = await kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "不想要了");
        Assert.Equal([before[0] + 3], await kit.SalesAsync(sku.ProductId));
        await kit.Get<RefundService>().DecideAsync(await kit.MerchantAsync(), refund, approve: true, null);

        Assert.Equal(before, await kit.SalesAsync(sku.ProductId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cancelling_an_unpaid_cash_on_delivery_order_leaves_the_sales_count_alone(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var before = await kit.SalesAsync(sku.ProductId);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)], method: CashOnDeliveryGateway.GatewayName);
        var number = Assert.Single(placed.OrderNumbers);

        var refund = await kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "地址填错了");
        await kit.Get<RefundService>().DecideAsync(await kit.MerchantAsync(), refund, approve: true, null);

        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(number)).Status);
        Assert.Equal(before, await kit.SalesAsync(sku.ProductId));
    }

    /// <summary>Records what it is handed; told to, it fails inside the transaction like a broken handler would.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Messages_the_database_refuses_never_undo_the_payment(DatabaseProvider provider)
    {
        var refuser = new MessageRefuser();
        await using var kit = await OrderTestKit.CreateAsync(provider, configure: s =>
        {
            s.ConfigureDbContext<SqliteMallDbContext>(o => o.AddInterceptors(refuser));
            s.ConfigureDbContext<PostgresMallDbContext>(o => o.AddInterceptors(refuser));
        });
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 5);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        var number = Assert.Single(placed.OrderNumbers);
        var link = $"/account/orders/{number}";
        var before = await kit.QueryAsync(c => c.Notifications.CountAsync(n => n.Link == link));
        refuser.Armed = true;

        Assert.True((await kit.NotifyAsync(kit.PaidNotice(placed.PaymentNumber, placed.Amount))).Accepted);

        Assert.True(refuser.Refused > 0, "the database refused no message");
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid), (order.Status, order.Payment.Status));
        Assert.Equal(before, await kit.QueryAsync(c => c.Notifications.CountAsync(n => n.Link == link)));
        await using var db = await kit.Db.ContextAsync();
        // The payment, its receivable and its stock are whole; only the messages are missing, and the check says so.
        Assert.All(await IntegrityCheck.RunAsync(db), v => Assert.Equal(IntegrityRule.Message, v.Rule));
        Assert.Contains(await IntegrityCheck.RunAsync(db), v => v.Subject.Contains(number));
    }

    /// <summary>Turns the insert of an inbox row into a statement the database refuses (on PostgreSQL this aborts the transaction).</summary>
    private sealed class MessageRefuser : DbCommandInterceptor
    {
        public volatile bool Armed;
        public int Refused;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Refused);
                command.CommandText = "SELECT * FROM \"NoSuchTable\"";
            }
            return ValueTask.FromResult(result);
        }
    }

    private sealed class ProbeHandler : IOrderStepHandler
    {
        private bool _recording;
        private bool _fail;

        public List<(string Number, OrderEventKind Kind, bool InTransaction)> Inside { get; } = [];

        public List<(string Number, OrderEventKind Kind)> After { get; } = [];

        public void Start(bool fail = false)
        {
            (_recording, _fail) = (true, fail);
            Inside.Clear();
            After.Clear();
        }

        public Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
        {
            if (_fail)
            {
                throw new InvalidOperationException("handler failed");
            }
            if (_recording)
            {
                Inside.AddRange(steps.Select(s => (s.Order.Number, s.Kind, db.Database.CurrentTransaction is not null)));
            }
            return Task.CompletedTask;
        }

        public Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
        {
            if (_recording)
            {
                After.AddRange(steps.Select(s => (s.Order.Number, s.Kind)));
            }
            return Task.CompletedTask;
        }
    }
}
