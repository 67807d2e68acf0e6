namespace MallPortal.Core.Distribution;

public enum BindingOutcome
{
    /// <summary>Nothing changes (the reason says why).</summary>
    Keep,

    /// <summary>The same distributor came again: its binding's clock starts anew.</summary>
    Renew,

    FirstBind,

    Rebind,
}

public sealed record BindingDecision(BindingOutcome Outcome, string Reason);

public sealed record CurrentBinding(int DistributorId, DateTime BoundAt, DateTime? ExpiresAt, DateTime? ProtectedUntil);

/// <summary>
/// Who a customer belongs to when a distributor's link (or a checkout) meets them. Precedence, first match wins:
/// 1. a distributor never binds itself; 2. the same distributor renews its binding; 3. an expired binding counts as none;
/// 4. a binding inside its protection period is kept; 5. a valid binding is kept (first-touch, N days) — except under
/// last-touch, where the new link takes the customer; 6. with "new customers only", someone who has ordered before is not
/// bound; 7. otherwise the customer is bound.
/// </summary>
public static class BindingPolicy
{
    public static BindingDecision Decide(DistributionSettingsInput settings, CurrentBinding? current, int candidateDistributorId,
        bool candidateIsCustomer, bool customerHasOrdered, DateTime now)
    {
        if (candidateIsCustomer)
        {
            return new(BindingOutcome.Keep, "分销员本人不绑定");
        }
        var valid = current is not null && (current.ExpiresAt is null || current.ExpiresAt > now);
        if (valid && current!.DistributorId == candidateDistributorId)
        {
            return new(BindingOutcome.Renew, "同一分销员再次推广");
        }
        if (valid && current!.ProtectedUntil > now)
        {
            return new(BindingOutcome.Keep, "保护期内，不可被其他分销员绑定");
        }
        if (valid && settings.BindingMode != BindingMode.LastTouch)
        {
            return new(BindingOutcome.Keep, "已有有效绑定");
        }
        if (settings.NewCustomersOnly && customerHasOrdered)
        {
            return new(BindingOutcome.Keep, "仅绑定新客户，该客户已下过单");
        }
        return current is null
            ? new(BindingOutcome.FirstBind, "首次绑定")
            : new(BindingOutcome.Rebind, valid ? "最后点击归因，改绑新分销员" : "原绑定已过期，重新绑定");
    }

    public static DateTime? ExpiryOf(DistributionSettingsInput settings, DateTime now) =>
        settings.BindingMode == BindingMode.FirstTouchPermanent ? null : now.AddDays(settings.BindingDays);

    public static DateTime? ProtectionOf(DistributionSettingsInput settings, DateTime now) =>
        settings.ProtectionDays > 0 ? now.AddDays(settings.ProtectionDays) : null;
}
