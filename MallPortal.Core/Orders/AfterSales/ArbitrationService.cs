using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>平台介入: the admin rules on an escalated case — refund in full or in part, or reject — with a reason both sides read.</summary>
public sealed class ArbitrationService(IDbContextFactory<MallDbContext> contexts, AfterSaleSteps steps, AfterSaleRefunder refunder, TimeProvider clock)
{
    /// <summary><paramref name="amount"/> null: the whole claim; returned goods (if any) are kept by the buyer unless the merchant took them in.</summary>
    public async Task RefundAsync(Actor actor, string number, Money? amount, string? reason, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, AfterSaleParty.Platform, number, cancellationToken);
        sale.Ensure(AfterSaleTrigger.Refund);
        var ruling = Ruling(reason);
        await refunder.RefundAsync(db, sale, amount ?? sale.Amount, restock: false, ruling, actor.UserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public async Task DismissAsync(Actor actor, string number, string? reason, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.ForAsync(db, actor, AfterSaleParty.Platform, number, cancellationToken);
        sale.Dismiss(Ruling(reason), actor.UserId, clock.GetUtcNow().UtcDateTime);
        await steps.CommitAsync(db, sale, actor.UserId, cancellationToken);
    }

    private static string Ruling(string? reason)
    {
        reason = (reason ?? "").Trim();
        return reason.Length is 0 or > AfterSale.ReasonTextMaxLength
            ? throw new DomainException(string.Format(Resources.CoreText.AfterSaleRulingRequired, AfterSale.ReasonTextMaxLength), "Reason")
            : "平台裁决：" + reason;
    }
}
