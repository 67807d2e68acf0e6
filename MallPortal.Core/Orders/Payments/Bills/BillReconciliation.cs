using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>
/// 渠道对账: a provider's daily trade bill is downloaded, kept, and compared line by line with the shop's books. A payment
/// the provider has and the shop has not (长款) is asked about at once and settled when the provider says paid; every other
/// difference waits in the admin's list until someone records what was done about it.
/// </summary>
public sealed class BillReconciliation(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, PaymentService payments, TimeProvider clock,
    ILogger<BillReconciliation> logger)
{
    /// <summary>The gateways whose providers publish bills.</summary>
    public IReadOnlyList<string> Sources => gateways.All.OfType<IBillSource>().Select(s => s.Name).ToList();

    public async Task<BillImport> ImportAsync(Actor actor, string gateway, DateOnly day, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        return await ImportCoreAsync(actor.UserId, gateway, day, cancellationToken);
    }

    /// <summary>The daily job: yesterday's bill (China day) of every provider not imported yet; returns how many were imported.</summary>
    public async Task<int> ImportYesterdayAsync(CancellationToken cancellationToken = default)
    {
        var day = BillDay.Of(clock.GetUtcNow()).AddDays(-1);
        var imported = 0;
        foreach (var gateway in Sources)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                if (await db.PaymentBills.AnyAsync(b => b.Gateway == gateway && b.Day == day, cancellationToken))
                {
                    continue;
                }
            }
            try
            {
                await ImportCoreAsync(null, gateway, day, cancellationToken);
                imported++;
            }
            catch (DomainException ex)
            {
                // Not published yet, or the provider is down: the admin's page shows the day as missing; the next run tries again.
                logger.LogWarning("The {Gateway} bill of {Day} could not be imported: {Reason}", gateway, day, ex.Message);
            }
        }
        return imported;
    }

    /// <summary>Differences nobody has handled yet (the overview's to-do).</summary>
    public async Task<int> OpenCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.BillDifferences.CountAsync(d => d.Status == BillDifferenceStatus.Open, cancellationToken);
    }

    public async Task<IReadOnlyList<BillRow>> BillsAsync(Actor actor, int take = 30, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PaymentBills.OrderByDescending(b => b.Day).ThenBy(b => b.Gateway).Take(take)
            .Select(b => new BillRow(b.Id, b.Gateway, b.Day, b.FileName, b.Sha256, b.Payments, new Money(b.PaymentsFen), b.Refunds, new Money(b.RefundsFen),
                db.BillDifferences.Count(d => d.BillId == b.Id && d.Status == BillDifferenceStatus.Open),
                db.BillDifferences.Count(d => d.BillId == b.Id), b.ImportedAt)).ToListAsync(cancellationToken);
    }

    public async Task<Page<BillDifferenceRow>> DifferencesAsync(Actor actor, bool openOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var differences = openOnly ? db.BillDifferences.Where(d => d.Status == BillDifferenceStatus.Open) : db.BillDifferences;
        var total = await differences.CountAsync(cancellationToken);
        var rows = await (from d in differences
                          join b in db.PaymentBills on d.BillId equals b.Id
                          join u in db.Users on d.ResolvedByUserId equals u.Id into resolvers
                          from u in resolvers.DefaultIfEmpty()
                          orderby d.Status, b.Day descending, d.Id
                          select new BillDifferenceRow(d.Id, b.Gateway, b.Day, d.Kind, d.PaymentNumber, d.RefundNumber,
                              d.GatewayFen == null ? null : new Money(d.GatewayFen.Value), d.LocalFen == null ? null : new Money(d.LocalFen.Value),
                              db.Orders.Where(o => o.Payment.Number == d.PaymentNumber).Select(o => o.Number).FirstOrDefault(),
                              d.Status, d.Note, u == null ? null : u.Nickname, d.ResolvedAt))
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<BillDifferenceRow>(rows, total);
    }

    /// <summary>Records what was done about a difference (required); a closed one is refused.</summary>
    public async Task ResolveAsync(Actor actor, int differenceId, string? note, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var difference = await db.BillDifferences.SingleOrDefaultAsync(d => d.Id == differenceId, cancellationToken)
            ?? throw new DomainException(CoreText.BillDifferenceNotFound);
        difference.Resolve(note, actor.UserId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CoreText.BillDifferenceClosed);
        }
    }

    private async Task<BillImport> ImportCoreAsync(int? actorUserId, string gateway, DateOnly day, CancellationToken cancellationToken)
    {
        if (gateways.Find(gateway) is not IBillSource source)
        {
            throw new DomainException(CoreText.BillSourceUnknown, "Gateway");
        }
        if (day > BillDay.Of(clock.GetUtcNow()))
        {
            throw new DomainException(CoreText.BillDayInFuture, "Day");
        }
        GatewayBill bill;
        try
        {
            bill = await source.DownloadBillAsync(day, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Downloading the {Gateway} bill of {Day} failed", gateway, day);
            throw new DomainException(string.Format(CoreText.BillDownloadFailed, ex.Message));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        int billId;
        List<BillDifference> found;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var mismatches = BillComparer.Compare(bill.Lines, await BooksAsync(db, gateway, day, cancellationToken));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.PaymentBills.SingleOrDefaultAsync(b => b.Gateway == gateway && b.Day == day, cancellationToken);
            if (stored is null)
            {
                stored = new PaymentBill(gateway, day);
                db.PaymentBills.Add(stored);
            }
            stored.Take(bill, actorUserId, now);
            await db.SaveChangesAsync(cancellationToken);
            // A new download replaces the open differences; what people resolved stays on record and is not raised again.
            await db.BillDifferences.Where(d => d.BillId == stored.Id && d.Status == BillDifferenceStatus.Open).ExecuteDeleteAsync(cancellationToken);
            var closed = (await db.BillDifferences.Where(d => d.BillId == stored.Id).Select(d => new { d.Kind, d.PaymentNumber, d.RefundNumber })
                .ToListAsync(cancellationToken)).Select(d => (d.Kind, d.PaymentNumber, d.RefundNumber)).ToHashSet();
            found = mismatches.Where(m => !closed.Contains((m.Kind, m.PaymentNumber, m.RefundNumber)))
                .Select(m => new BillDifference(stored.Id, m.Kind, m.PaymentNumber, m.RefundNumber, m.GatewayFen, m.LocalFen)).ToList();
            db.BillDifferences.AddRange(found);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            billId = stored.Id;
        }
        var repaired = 0;
        foreach (var difference in found.Where(d => d.Kind == BillDifferenceKind.PaidOnlyAtGateway))
        {
            if (await payments.ConfirmAtGatewayAsync(gateway, difference.PaymentNumber, cancellationToken))
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var row = await db.BillDifferences.SingleAsync(d => d.Id == difference.Id, cancellationToken);
                row.Repaired(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                repaired++;
            }
        }
        return new BillImport(billId, bill.Lines.Count, found.Count, repaired);
    }

    /// <summary>The shop's side of the day: payments through the gateway paid in it, refunds it paid back in it.</summary>
    private static async Task<List<BookedLine>> BooksAsync(MallDbContext db, string gateway, DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = (BillDay.Start(day).UtcDateTime, BillDay.Start(day.AddDays(1)).UtcDateTime);
        var paid = await db.Payments.Where(p => p.Gateway == gateway && p.PaidAt >= start && p.PaidAt < end)
            .Select(p => new { p.Number, p.Amount }).ToListAsync(cancellationToken);
        var refunded = await (from r in db.Refunds
                              join o in db.Orders on r.OrderId equals o.Id
                              join p in db.Payments on o.PaymentId equals p.Id
                              where p.Gateway == gateway && r.GatewayState == RefundGatewayState.Succeeded && r.GatewaySettledAt >= start && r.GatewaySettledAt < end
                              select new { Payment = p.Number, r.Number, r.Amount }).ToListAsync(cancellationToken);
        return paid.Select(p => new BookedLine(BillLineKind.Payment, p.Number, null, p.Amount.Fen))
            .Concat(refunded.Select(r => new BookedLine(BillLineKind.Refund, r.Payment, r.Number, r.Amount.Fen))).ToList();
    }
}

public sealed record BillImport(int BillId, int Lines, int Differences, int Repaired);

public sealed record BillRow(int Id, string Gateway, DateOnly Day, string FileName, string Sha256, int Payments, Money PaymentsTotal, int Refunds,
    Money RefundsTotal, int OpenDifferences, int Differences, DateTime ImportedAt);

public sealed record BillDifferenceRow(int Id, string Gateway, DateOnly Day, BillDifferenceKind Kind, string PaymentNumber, string? RefundNumber,
    Money? AtGateway, Money? Here, string? OrderNumber, BillDifferenceStatus Status, string? Note, string? ResolvedBy, DateTime? ResolvedAt);
