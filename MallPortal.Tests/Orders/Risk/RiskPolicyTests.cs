using MallPortal.Core.Common;
using MallPortal.Core.Orders.Risk;
using Microsoft.Extensions.Time.Testing;

namespace MallPortal.Tests.Orders.Risk;

/// <summary>The payment risk rules as pure decisions, on a fake clock.</summary>
public class RiskPolicyTests
{
    private static readonly RiskSettings Settings = RiskSettings.Defaults(); // 5 attempts in 10 minutes, ¥50,000, 3 accounts in 24 h
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void Five_attempts_in_ten_minutes_pass_and_the_sixth_is_stopped_until_the_oldest_leaves_the_window()
    {
        var history = new List<AttemptTrace>();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(i == 0 ? 0 : 2));
            Assert.Null(RiskPolicy.Attempt(Settings, Next(1), history, null, Now));
            history.Add(Next(1));
        }
        _clock.Advance(TimeSpan.FromSeconds(119)); // 0:09:59, the first attempt (0:00) is still in the window
        Assert.Equal(new AttemptBlock(AttemptKey.Account, 5), RiskPolicy.Attempt(Settings, Next(1), history, null, Now));
        _clock.Advance(TimeSpan.FromSeconds(1)); // 0:10:00, it has just left
        Assert.Null(RiskPolicy.Attempt(Settings, Next(1), history, null, Now));
    }

    [Fact]
    public void An_sms_confirmation_starts_the_count_afresh()
    {
        var history = Enumerable.Range(0, 5).Select(_ => Next(1)).ToList();
        Assert.NotNull(RiskPolicy.Attempt(Settings, Next(1), history, null, Now));
        var cleared = Now;
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(RiskPolicy.Attempt(Settings, Next(1), history, cleared, Now));
        history.AddRange(Enumerable.Range(0, 5).Select(_ => Next(1)));
        Assert.Equal(AttemptKey.Account, RiskPolicy.Attempt(Settings, Next(1), history, cleared, Now)?.Key);
    }

    [Fact]
    public void One_device_or_one_network_is_counted_across_accounts()
    {
        var byDevice = Enumerable.Range(10, 5).Select(user => Next(user, device: "D1")).ToList();
        Assert.Equal(new AttemptBlock(AttemptKey.Device, 5), RiskPolicy.Attempt(Settings, Next(1, device: "D1"), byDevice, null, Now));
        Assert.Null(RiskPolicy.Attempt(Settings, Next(1, device: "D2"), byDevice, null, Now));

        var byNetwork = Enumerable.Range(10, 5).Select(user => Next(user, network: "N1")).ToList();
        Assert.Equal(new AttemptBlock(AttemptKey.Network, 5), RiskPolicy.Attempt(Settings, Next(1, network: "N1"), byNetwork, null, Now));
        // An unknown network (a private address) matches nothing.
        Assert.Null(RiskPolicy.Attempt(Settings, Next(1), byNetwork.Select(a => a with { NetworkHash = null }).ToList(), null, Now));
    }

    [Fact]
    public void Declines_of_one_card_count_across_accounts_against_every_buyer_who_tried_it_but_not_as_their_own_starts()
    {
        var declines = new List<AttemptTrace>
        {
            Next(1) with { CardHash = "card-a" }, Next(1) with { CardHash = "card-a" }, Next(2) with { CardHash = "card-a" },
            Next(3) with { CardHash = "card-a" }, Next(3) with { CardHash = "card-b" },
        };
        Assert.Null(RiskPolicy.Attempt(Settings, Next(2), declines, null, Now)); // four declines of card-a: one more may go
        declines.Add(Next(3) with { CardHash = "card-a" });

        Assert.Equal(new AttemptBlock(AttemptKey.Card, 5), RiskPolicy.Attempt(Settings, Next(2), declines, null, Now));
        Assert.Equal(new AttemptBlock(AttemptKey.Card, 5), RiskPolicy.Attempt(Settings, Next(1), declines, null, Now));
        Assert.Null(RiskPolicy.Attempt(Settings, Next(4), declines, null, Now)); // never tried that card
        // Buyer 3 is stopped for the card, not for starts: declines never count as the account's own starts.
        Assert.Equal(AttemptKey.Card, RiskPolicy.Attempt(Settings, Next(3), declines, null, Now)!.Key);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(RiskPolicy.Attempt(Settings, Next(2), declines, null, Now));
    }

    [Fact]
    public void A_limit_of_zero_turns_the_attempt_rule_off()
    {
        var off = RiskSettings.Defaults();
        off.Change(off.ToInput() with { AttemptLimit = 0 });
        Assert.Null(RiskPolicy.Attempt(off, Next(1), Enumerable.Range(0, 50).Select(_ => Next(1)).ToList(), null, Now));
    }

    [Theory]
    [InlineData(5_000_000, null, 0, RiskSignals.None)] // exactly the platform's line is not above it
    [InlineData(5_000_001, null, 0, RiskSignals.LargePayment)]
    [InlineData(900_000, 800_000L, 0, RiskSignals.ShopLimit)]
    [InlineData(800_000, 800_000L, 0, RiskSignals.None)]
    [InlineData(100, null, 2, RiskSignals.None)]
    [InlineData(100, null, 3, RiskSignals.SharedDevice)]
    [InlineData(6_000_000, 800_000L, 4, RiskSignals.LargePayment | RiskSignals.ShopLimit | RiskSignals.SharedDevice)]
    public void A_paid_payment_is_held_for_each_line_it_crosses(long fen, long? shopLine, int sharing, RiskSignals expected)
    {
        Assert.Equal(expected, RiskPolicy.Payment(Settings, fen, [new ShopShare(1, fen, shopLine)], sharing));
    }

    [Fact]
    public void A_shop_line_looks_at_that_shops_order_not_the_whole_payment()
    {
        var shares = new[] { new ShopShare(1, 500_000, 800_000), new ShopShare(2, 700_000, null) };
        Assert.Equal(RiskSignals.None, RiskPolicy.Payment(Settings, 1_200_000, shares, 0));
        Assert.Contains("¥12,000.00", RiskText.Held(RiskSignals.LargePayment, new Money(1_200_000), new Money(1_000_000), shares, 0));
    }

    private AttemptTrace Next(int user, string? device = null, string? network = null) => new(user, device, network, Now);
}
