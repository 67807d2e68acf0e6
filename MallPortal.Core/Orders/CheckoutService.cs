using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// Turns wanted SKUs into one order per shop and one payment covering them all, reserving every unit in the same
/// transaction (all or nothing). The page's idempotency key makes a double submit find the first result.
/// </summary>
public sealed class CheckoutService(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, CheckoutDrafts drafts,
    OrderSteps steps, WriteGate gate, AbuseLimits limits)
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
        // Orders people place (the checkout page, /api/checkout) carry the client's address and count against the
        // limits; the demo shopper places its orders without one.
        if (input.ClientAddress is not null)
        {
            await limits.EnsureCheckoutAsync(actor.UserId, input.ClientAddress, cancellationToken);
        }
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

    /// <summary>
    /// Everything that can be known before writing is read and built first (the earlier result, the address, prices, the
    /// orders and their numbers, the messages); the write then only inserts, takes the stock and runs the order's step
    /// handlers, through the <see cref="WriteGate"/> (on SQLite, several checkouts share one transaction and one commit).
    /// </summary>
    private async Task<CheckoutResult> PlaceOrderAsync(Actor actor, CheckoutInput input, int attempt, CancellationToken cancellationToken)
    {
        Validate(input);
        var gateway = gateways.Get(input.PaymentMethod);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, actor, input.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var draft = await drafts.DraftAsync(db, actor, input, gateway, cancellationToken);
        Placed placed;
        try
        {
            placed = await gate.WriteAsync(db, ct => WriteAsync(db, actor, draft, ct), cancellationToken);
        }
        catch (StockShortException)
        {
            throw await OutOfStockAsync(input.Lines, cancellationToken);
        }
        catch (DbUpdateException)
        {
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
        await steps.CommittedAsync(placed.Steps, cancellationToken);
        await drafts.AnnounceAsync(draft, placed.Opened, cancellationToken);
        var payment = draft.Orders[0].Payment;
        return new CheckoutResult(payment.Number, payment.Amount, gateway.Name, gateway.PaysOnline, draft.Orders.Select(o => o.Number).ToList());
    }

    /// <summary>
    /// Inside the write transaction: orders, lines, timelines and messages in one batch, the cart next, then the order
    /// steps' handlers, and the stock last: its row stays locked from the conditional UPDATE to the commit, so that span
    /// is kept to the UPDATE and one insert of its ledger rows. Every line's units, or an exception and nothing.
    /// </summary>
    private async Task<Placed> WriteAsync(MallDbContext db, Actor actor, CheckoutDraft draft, CancellationToken cancellationToken)
    {
        var orders = draft.Orders;
        db.Orders.AddRange(orders);
        foreach (var message in draft.Messages)
        {
            message.AddTo(db);
        }
        await db.SaveChangesAsync(cancellationToken);
        var skuIds = orders.SelectMany(o => o.Lines).Select(l => l.SkuId).Distinct().ToList();
        await db.CartItems.Where(c => c.UserId == actor.UserId && skuIds.Contains(c.SkuId)).ExecuteDeleteAsync(cancellationToken);
        var placedSteps = await steps.SaveAsync(db, cancellationToken);
        var opened = new List<StockAlert>();
        foreach (var order in orders)
        {
            try
            {
                opened.AddRange(await StockLedger.ReserveAsync(db, OrderAccess.StockLines(order), order.Number, order.PlacedAt, cancellationToken));
            }
            catch (DomainException)
            {
                throw new StockShortException();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Placed(placedSteps, opened);
    }

    /// <summary>
    /// Someone bought the last units between the preview and now: name what ran out, counting without this checkout's own
    /// reservations (rolled back), on a fresh context (the checkout's lent its connection to the write).
    /// </summary>
    private async Task<DomainException> OutOfStockAsync(IReadOnlyList<CheckoutLine> lines, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var fresh = await CheckoutCatalog.PriceAsync(db, lines, cancellationToken);
        return new DomainException(fresh.Problems.Count > 0 ? string.Join("；", fresh.Problems) : CoreText.OutOfStock, "Lines");
    }

    private sealed record Placed(IReadOnlyList<OrderStep> Steps, IReadOnlyList<StockAlert> Opened);

    /// <summary>A line's units ran out between the preview and the write.</summary>
    private sealed class StockShortException : Exception;

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
    IReadOnlyDictionary<int, string>? Notes = null, string? ClientAddress = null);

public sealed record CheckoutResult(string PaymentNumber, Money Amount, string PaymentMethod, bool PaysOnline, IReadOnlyList<string> OrderNumbers);
