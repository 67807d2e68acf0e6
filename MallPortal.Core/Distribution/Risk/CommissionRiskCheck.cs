using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>Reads, in the payment's transaction, the facts <see cref="CommissionRiskPolicy"/> needs for an order's beneficiaries.</summary>
internal static class CommissionRiskCheck
{
    /// <summary>The risk of each beneficiary in <paramref name="chain"/> (level = position + 1); absent ones have none.</summary>
    public static async Task<Dictionary<int, CommissionRisk>> AssessAsync(MallDbContext db, Order order, IReadOnlyList<int?> chain, bool selfPurchase,
        DateTime now, CancellationToken cancellationToken)
    {
        var ids = chain.OfType<int>().ToList();
        var people = await db.Distributors.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.UserId, d.Mobile }).ToListAsync(cancellationToken);
        var userIds = people.Select(p => p.UserId).Append(order.BuyerUserId).ToList();
        var phones = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PhoneNumber, cancellationToken);
        var traces = await TracesAsync(db, userIds, now, cancellationToken);
        var addresses = (await db.ShippingAddresses.Where(a => userIds.Contains(a.UserId) && a.UserId != order.BuyerUserId).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId, a => CommissionRiskPolicy.NormalizeAddress(a.FullText));
        var buyer = new BuyerFacts(order.BuyerUserId, Set(phones.GetValueOrDefault(order.BuyerUserId), order.RecipientMobile), order.ShippingAddress,
            traces[order.BuyerUserId].ToHashSet());
        var (orders, refunded) = chain.Count > 0 && chain[0] is { } promoter ? await RecentAsync(db, promoter, now, cancellationToken) : (0, 0);
        var risks = new Dictionary<int, CommissionRisk>();
        for (var i = 0; i < chain.Count; i++)
        {
            if (people.SingleOrDefault(p => p.Id == chain[i]) is not { } p)
            {
                continue;
            }
            var level = i + 1;
            var facts = new BeneficiaryFacts(p.Id, p.UserId, Set(p.Mobile, phones.GetValueOrDefault(p.UserId)), addresses[p.UserId].ToHashSet(),
                traces[p.UserId].ToHashSet(), level == 1 ? orders : 0, level == 1 ? refunded : 0);
            risks[p.Id] = CommissionRiskPolicy.Assess(buyer, facts, level, selfPurchase);
        }
        return risks;
    }

    private static HashSet<string> Set(params string?[] values) => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToHashSet();

    private static async Task<ILookup<int, string>> TracesAsync(MallDbContext db, List<int> userIds, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-CommissionRiskPolicy.TraceDays);
        var rows = await db.SignInTraces.Where(t => userIds.Contains(t.UserId) && t.At >= since)
            .Select(t => new { t.UserId, t.DeviceHash, t.NetworkHash }).ToListAsync(cancellationToken);
        return rows.SelectMany(r => new[] { (r.UserId, Hash: r.DeviceHash is null ? null : "d:" + r.DeviceHash), (r.UserId, Hash: r.NetworkHash is null ? null : "n:" + r.NetworkHash) })
            .Where(r => r.Hash is not null).ToLookup(r => r.UserId, r => r.Hash!);
    }

    /// <summary>The promoter's orders paid in the burst window, and how many of them have been refunded.</summary>
    private static async Task<(int Orders, int Refunded)> RecentAsync(MallDbContext db, int promoter, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-CommissionRiskPolicy.BurstDays);
        var recent = from a in db.OrderAttributions
                     join o in db.Orders on a.OrderId equals o.Id
                     where a.DistributorId == promoter && o.PaidAt >= since
                     select o.Id;
        var orders = await recent.CountAsync(cancellationToken);
        var refunded = orders < CommissionRiskPolicy.BurstMinOrders ? 0
            : await db.Refunds.Where(r => r.Status == RefundStatus.Refunded && recent.Contains(r.OrderId)).Select(r => r.OrderId).Distinct().CountAsync(cancellationToken);
        return (orders, refunded);
    }
}
