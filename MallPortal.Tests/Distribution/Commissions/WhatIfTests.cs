using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
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
        var before = await whatIf.RunAsync(merchant, policy, 30);
        var shopB = await kit.Orders.MerchantAsync(Orders.OrderTestKit.ShopB);
        var otherBefore = await whatIf.RunAsync(shopB, policy, 30);

        await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit));
        var now = await whatIf.RunAsync(merchant, policy, 30);
        var doubled = await whatIf.RunAsync(merchant, policy with { Level1Bp = 2000, Level2Bp = 1000 }, 30);

        Assert.Equal(before.Lines + 1, now.Lines);
        Assert.True(now.Actual.Fen > before.Actual.Fen, "the new sale's commission counts as actual");
        // Twice the rates cost twice as much, give or take a fen of rounding per line (nothing here reaches the cap).
        Assert.InRange(doubled.Levels[0].Proposed.Fen - 2 * now.Levels[0].Proposed.Fen, -now.Lines, now.Lines);
        Assert.InRange(doubled.Levels[1].Proposed.Fen - 2 * now.Levels[1].Proposed.Fen, -now.Lines, now.Lines);
        Assert.Equal(otherBefore.Lines, (await whatIf.RunAsync(shopB, policy, 30)).Lines); // shop A's sale is not shop B's
        var consumer = await kit.ConsumerAsync(Orders.OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(consumer, policy, 30));
    }
}
