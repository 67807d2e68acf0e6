using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>
/// Turns wanted SKUs into one order per shop and one payment covering them all, reserving every unit in the same
/// transaction (all or nothing). The page's idempotency key makes a double submit find the first result.
/// </summary>
public sealed class CheckoutService(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways,
    StockNotifier stockNotifier, OrderNumbers numbers, IOptions<OrderOptions> options, OrderSteps steps, TimeProvider clock)
{
    public const int MaxLinesPerCheckout = 50;

    private const int MaxNumberAttempts = 3;

    public async Task<CheckoutPreview> PreviewAsync(IReadOnlyList<CheckoutLine> lines, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CheckoutCatalog.PriceAsync(db, lines, cancellationToken);
    }

    public async Task<CheckoutResult> PlaceOrderAsync(Actor actor, CheckoutInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await PlaceOrderAsync(actor, input, 1, cancellationToken);
        }
        catch (DomainException)
        {
            // The same page submitted twice at once: the other request may have taken the last units after this one
            // looked for its result. Its orders are the answer, not "out of stock".
            if (await FindAsync(null, actor, input.IdempotencyKey, cancellationToken) is { } earlier)
            {
                return earlier;
            }
            throw;
        }
    }

    private async Task<CheckoutResult> PlaceOrderAsync(Actor actor, CheckoutInput input, int attempt, CancellationToken cancellationToken)
    {
        Validate(input);
        var gateway = gateways.Get(input.PaymentMethod);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, actor, input.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var address = await db.ShippingAddresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AddressId && a.UserId == actor.UserId, cancellationToken)
            ?? throw new DomainException(CoreText.AddressNotFound, "AddressId");
        var preview = await CheckoutCatalog.PriceAsync(db, input.Lines, cancellationToken);
        if (preview.Problems.Count > 0)
        {
            throw new DomainException(string.Join("；", preview.Problems), "Lines");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new Payment(numbers.Payment(now), actor.UserId, gateway.Name, preview.Total, input.IdempotencyKey, now);
        var recipient = new OrderRecipient(address.RecipientName, address.Mobile, address.Province, address.City, address.District, address.Detail);
        var payBy = now.AddMinutes(options.Value.PaymentTimeoutMinutes);
        var orders = preview.Shops.Select(shop => Order.Place(numbers.Order(now), actor.UserId, shop.ShopId, payment, recipient,
            shop.Items.Select(i => new OrderLine(i.ProductId, i.SkuId, i.Title, i.SpecText, i.ImagePath, i.UnitPrice, i.Quantity)).ToList(),
            shop.ShippingFee, input.Notes?.GetValueOrDefault(shop.ShopId), now, payBy)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var opened = new List<StockAlert>();
        foreach (var order in orders)
        {
            opened.AddRange(await ReserveAsync(db, order, preview, now, cancellationToken));
            if (!gateway.PaysOnline)
            {
                order.Apply(OrderTrigger.ChooseCashOnDelivery, now, actor.UserId);
            }
        }
        db.Orders.AddRange(orders);
        var skuIds = preview.Shops.SelectMany(s => s.Items).Select(i => i.SkuId).ToList();
        await db.CartItems.Where(c => c.UserId == actor.UserId && skuIds.Contains(c.SkuId)).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await steps.CommitAsync(db, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Free the write lock and the reserved units before anything else reads or writes.
            await transaction.RollbackAsync(CancellationToken.None);
            // The same page submitted twice at the same moment: the other request won; answer with its orders.
            if (await FindAsync(null, actor, input.IdempotencyKey, cancellationToken) is { } winner)
            {
                return winner;
            }
            // Otherwise a number (the second plus six random digits) was taken at the same moment: draw new ones.
            if (attempt < MaxNumberAttempts)
            {
                return await PlaceOrderAsync(actor, input, attempt + 1, cancellationToken);
            }
            throw new DomainException(CoreText.OrderChangedMeanwhile);
        }
        await stockNotifier.AfterCommitAsync(skuIds, opened, cancellationToken);
        return new CheckoutResult(payment.Number, payment.Amount, gateway.Name, gateway.PaysOnline, orders.Select(o => o.Number).ToList());
    }

    private static async Task<IReadOnlyList<StockAlert>> ReserveAsync(MallDbContext db, Order order, CheckoutPreview preview, DateTime now,
        CancellationToken cancellationToken)
    {
        try
        {
            return await StockLedger.ApplyAsync(db, OrderAccess.StockLines(order), StockMovementKind.Reservation, order.Number, now, cancellationToken);
        }
        catch (DomainException)
        {
            // Someone bought the last units between the preview and now: name what ran out, counting without this
            // checkout's own reservations (rolled back first).
            await db.Database.RollbackTransactionAsync(cancellationToken);
            var fresh = await CheckoutCatalog.PriceAsync(db, preview.Shops.SelectMany(s => s.Items).Select(i => new CheckoutLine(i.SkuId, i.Quantity)).ToList(),
                cancellationToken);
            throw new DomainException(fresh.Problems.Count > 0 ? string.Join("；", fresh.Problems) : CoreText.OutOfStock, "Lines");
        }
    }

    private static void Validate(CheckoutInput input)
    {
        if (input.Lines.Count == 0 || input.Lines.Count > MaxLinesPerCheckout)
        {
            throw new DomainException(CoreText.CheckoutNothingSelected, "Lines");
        }
        if (input.Lines.Any(l => l.Quantity is <= 0 or > CartItem.MaxQuantity))
        {
            throw new DomainException(string.Format(CoreText.QuantityRange, CartItem.MaxQuantity), "Lines");
        }
        if (string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > 64)
        {
            throw new DomainException(CoreText.CheckoutKeyMissing, "IdempotencyKey");
        }
    }

    private async Task<CheckoutResult?> FindAsync(MallDbContext? existing, Actor actor, string key, CancellationToken cancellationToken)
    {
        await using var own = existing is null ? await contexts.CreateDbContextAsync(cancellationToken) : null;
        var db = existing ?? own!;
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.BuyerUserId == actor.UserId && p.IdempotencyKey == key, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var orderNumbers = await db.Orders.Where(o => o.PaymentId == payment.Id).OrderBy(o => o.Id).Select(o => o.Number).ToListAsync(cancellationToken);
        return new CheckoutResult(payment.Number, payment.Amount, payment.Gateway, gateways.Get(payment.Gateway).PaysOnline, orderNumbers);
    }
}

public sealed record CheckoutInput(IReadOnlyList<CheckoutLine> Lines, int AddressId, string PaymentMethod, string IdempotencyKey,
    IReadOnlyDictionary<int, string>? Notes = null);

public sealed record CheckoutResult(string PaymentNumber, Money Amount, string PaymentMethod, bool PaysOnline, IReadOnlyList<string> OrderNumbers);
