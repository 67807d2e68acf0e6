using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Analytics;
using MallPortal.Core.Distribution.Grades;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Distribution.Commissions;

public sealed class WhatIfTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Recent_promoted_lines_are_recomputed_under_proposed_rates_beside_what_they_cost_and_only_for_the_own_shop(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var merchant = await kit.Orders.MerchantAsync();
        var whatIf = kit.Get<CommissionWhatIf>();
        var policy = new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false);
        await CommissionLifecycleTests.SetPolicyAsync(kit, policy);
        var before = await whatIf.RunAsync(merchant, Recent(kit, policy));
        var shopB = await kit.Orders.MerchantAsync(Orders.OrderTestKit.ShopB);
        var otherBefore = await whatIf.RunAsync(shopB, Recent(kit, policy));

        await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit));
        var now = await whatIf.RunAsync(merchant, Recent(kit, policy));
        var doubled = await whatIf.RunAsync(merchant, Recent(kit, policy with { Level1Bp = 2000, Level2Bp = 1000 }));

        Assert.Equal(before.Lines + 1, now.Lines);
        Assert.True(now.Actual.Fen > before.Actual.Fen, "the new sale's commission counts as actual");
        // Twice the rates cost twice as much, give or take a fen of rounding per line (nothing here reaches the cap).
        Assert.InRange(doubled.Levels[0].Proposed.Fen - 2 * now.Levels[0].Proposed.Fen, -now.Lines, now.Lines);
        Assert.InRange(doubled.Levels[1].Proposed.Fen - 2 * now.Levels[1].Proposed.Fen, -now.Lines, now.Lines);
        Assert.Equal(otherBefore.Lines, (await whatIf.RunAsync(shopB, Recent(kit, policy))).Lines); // shop A's sale is not shop B's
        var consumer = await kit.ConsumerAsync(Orders.OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(consumer, Recent(kit, policy)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributors_own_purchase_counts_only_under_a_proposed_self_purchase_switch(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var merchant = await kit.Orders.MerchantAsync();
        var whatIf = kit.Get<CommissionWhatIf>();
        var policy = new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false);
        await CommissionLifecycleTests.SetPolicyAsync(kit, policy);
        var (without, with) = (await whatIf.RunAsync(merchant, Recent(kit, policy)), await whatIf.RunAsync(merchant, Recent(kit, policy with { SelfPurchase = true })));

        await kit.BuyAsync(await kit.DistributorAsync(DistributionTestKit.Li));

        var after = await whatIf.RunAsync(merchant, Recent(kit, policy));
        var afterWith = await whatIf.RunAsync(merchant, Recent(kit, policy with { SelfPurchase = true }));
        Assert.Equal((without.Lines, without.Proposed), (after.Lines, after.Proposed));
        Assert.Equal(with.Lines + 1, afterWith.Lines);
        Assert.True(afterWith.Levels[0].Proposed.Fen > with.Levels[0].Proposed.Fen, "李强 earns level 1 on his own purchase");
        Assert.True(afterWith.Levels[1].Proposed.Fen > with.Levels[1].Proposed.Fen, "王芳 earns level 2 on it");
        Assert.Equal(with.Actual, afterWith.Actual); // it paid nothing under the saved policy
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Grade_tiers_tried_above_the_shops_rates_cost_more_and_below_them_change_nothing(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var merchant = await kit.Orders.MerchantAsync();
        var whatIf = kit.Get<CommissionWhatIf>();
        var policy = new CommissionPolicyInput(true, 2, 800, 300, 0, CommissionBase.PaidAmount, false);
        await CommissionLifecycleTests.SetPolicyAsync(kit, policy);
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Wang));
        var buyer = await kit.NewUserAsync("137" + Random.Shared.Next(10_000_000, 99_999_999));
        await kit.Get<Core.Distribution.AttributionService>().OnSignedInAsync(buyer.UserId, new Core.Distribution.ReferralCookie(link.Code, kit.Now).ToString());
        await kit.BuyAsync(buyer);
        var silver = (await kit.Get<Core.Distribution.Grades.GradeService>().ListAsync()).Single(g => g.Name == "银牌"); // 王芳's grade: 10 % / 4 %

        var asIs = await whatIf.RunAsync(merchant, Recent(kit, policy));
        var below = await whatIf.RunAsync(merchant, Recent(kit, policy, [Tier(silver, 0, 0, 0)]));
        var raised = await whatIf.RunAsync(merchant, Recent(kit, policy, [Tier(silver, 2000, 400, 0)]));

        Assert.True(below.Levels[0].Proposed.Fen < asIs.Levels[0].Proposed.Fen, "without her grade 王芳 earns the shop's 8 %");
        Assert.True(raised.Levels[0].Proposed.Fen > asIs.Levels[0].Proposed.Fen, "at 20 % she earns more");
        Assert.Equal((asIs.Lines, asIs.Actual), (raised.Lines, raised.Actual));
        Assert.Equal(asIs.Actual, (await whatIf.RunAsync(merchant, Recent(kit, policy))).Actual); // nothing was saved
    }

    /// <summary>The last 30 days (today included) under a proposed shop policy and, optionally, tried grade tiers.</summary>
    internal static WhatIfRequest Recent(DistributionTestKit kit, CommissionPolicyInput policy, IReadOnlyList<GradeTier>? grades = null)
    {
        var today = kit.Get<RollupService>().Today;
        return new WhatIfRequest(new DateRange(today.AddDays(-29), today), policy, grades);
    }

    private static GradeTier Tier(GradeRow grade, int level1Bp, int level2Bp, int level3Bp) =>
        new(grade.Id, grade.SettledSalesFen, level1Bp, level2Bp, level3Bp);
}
