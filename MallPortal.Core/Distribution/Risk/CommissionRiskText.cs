using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Risk;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>Each abuse signal said in the user's language, for the admin's queue and the distributor's ledger.</summary>
public static class CommissionRiskText
{
    public static string Describe(CommissionRisk risk) => string.Join(CoreText.ListSeparator, Enum.GetValues<CommissionRisk>()
        .Where(r => r != CommissionRisk.None && risk.HasFlag(r)).Select(Name));

    public static string Name(CommissionRisk risk) => risk switch
    {
        CommissionRisk.SharedPhone => CoreText.RiskSharedPhone,
        CommissionRisk.SharedAddress => CoreText.RiskSharedAddress,
        CommissionRisk.SharedDevice => CoreText.RiskSharedDevice,
        CommissionRisk.SelfDealing => CoreText.RiskSelfDealing,
        _ => CoreText.RiskRefundBurst,
    };

    /// <summary>Each held beneficiary of an order is a hit in the platform's risk log too (in the payment's transaction).</summary>
    internal static async Task LogAsync(MallDbContext db, Order order, IReadOnlyDictionary<int, CommissionRisk> risks, DateTime now,
        CancellationToken cancellationToken)
    {
        var flagged = risks.Where(r => r.Value != CommissionRisk.None).ToList();
        if (flagged.Count == 0)
        {
            return;
        }
        var ids = flagged.Select(r => r.Key).ToList();
        var names = await db.Distributors.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        foreach (var (distributorId, risk) in flagged)
        {
            db.RiskEvents.Add(new RiskEvent(RiskRule.SharedWithDistributor, RiskAction.CommissionHeld, order.BuyerUserId, order.Payment?.Number, order.Number,
                string.Format(CoreText.RiskCommissionHeldDetail, names.GetValueOrDefault(distributorId, "#" + distributorId), Describe(risk)), null, now));
        }
    }
}
