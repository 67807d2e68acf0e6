using MallPortal.Core.Common;
using MallPortal.Core.Distribution;

namespace MallPortal.Tests.Distribution;

public class DistributionRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("110105198803151232")]
    [InlineData("310115199207082466")]
    [InlineData("440305199502113576")]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105198803151232 ")]
    public void Real_resident_ID_numbers_pass_the_GB_11643_check(string number) =>
        Assert.True(ResidentIdNumber.IsValid(number, Today, out _));

    [Theory]
    [InlineData("110105198803151233")] // wrong check digit
    [InlineData("11010519880315123")] // 17 characters
    [InlineData("1101051988031512321")] // 19 characters
    [InlineData("11010519880315A232")] // a letter inside
    [InlineData("110105199902300015")] // 30 February (check digit right)
    [InlineData("110105202712010011")] // born in the future (check digit right)
    [InlineData("110105189001010011")] // older than 120 years (check digit right)
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_impossible_ID_numbers_fail(string? number) =>
        Assert.False(ResidentIdNumber.IsValid(number, Today, out _));

    [Fact]
    public void ID_numbers_are_masked_to_the_region_and_the_last_four() =>
        Assert.Equal("110105********1232", ResidentIdNumber.Mask("110105198803151232"));

    [Fact]
    public void Short_codes_avoid_characters_that_look_alike()
    {
        Assert.DoesNotContain(ShortCodes.Alphabet, c => "01OIL".Contains(c));
        Assert.True(ShortCodes.TryNormalize(" k7m2q9p ", ShortCodes.LinkLength, out var code));
        Assert.Equal("K7M2Q9P", code);
        Assert.False(ShortCodes.TryNormalize("K7M2Q9O", ShortCodes.LinkLength, out _));
        Assert.Matches("^[2-9A-Z]{6}$", ShortCodes.New(ShortCodes.InviteLength));
    }

    [Theory]
    [InlineData("/3/8/15/", 2, new[] { 8, 3 })]
    [InlineData("/3/8/15/", 1, new[] { 8 })]
    [InlineData("/3/", 2, new int[0])]
    public void The_upline_is_read_from_the_path_nearest_first(string path, int levels, int[] expected) =>
        Assert.Equal(expected, HierarchyPolicy.UplineOf(path, levels));

    [Theory]
    [InlineData(8, "/3/8/", 2, 3, 8, "/3/8/", 2, "不能邀请或挂靠自己")]
    [InlineData(8, "/3/8/", 2, 3, 15, "/3/8/15/", 3, "循环")]
    [InlineData(8, "/3/8/", 2, 3, 20, "/20/21/", 2, "最大层级")]
    public void Moves_that_would_loop_or_grow_too_deep_are_refused(int subject, string path, int depth, int deepest, int parent, string parentPath,
        int parentDepth, string message)
    {
        var ex = Assert.Throws<DomainException>(() => HierarchyPolicy.CheckMove(subject, path, depth, deepest, parent, parentPath, parentDepth, 3));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_move_that_keeps_the_subtree_within_three_levels_is_allowed() =>
        HierarchyPolicy.CheckMove(8, "/3/8/", 2, 3, null, null, 0, 3);

    private static readonly DateTime Now = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

    private static DistributionSettingsInput Settings(BindingMode mode, int protection = 0, bool newOnly = false) =>
        new(ApplyPolicy.Anyone, 2, mode, 30, newOnly, protection, 30);

    public static TheoryData<string, BindingMode, int?, int, int, bool, bool, BindingOutcome> Bindings() => new()
    {
        // case, mode, current distributor (bound 10 days ago, 30-day expiry unless noted), protection days, candidate, candidate is the customer, has ordered, outcome
        { "nobody yet", BindingMode.ValidForDays, null, 0, 7, false, false, BindingOutcome.FirstBind },
        { "a distributor's own link", BindingMode.ValidForDays, null, 0, 7, true, false, BindingOutcome.Keep },
        { "the same distributor again", BindingMode.ValidForDays, 7, 0, 7, false, false, BindingOutcome.Renew },
        { "a valid binding beats a new link", BindingMode.ValidForDays, 5, 0, 7, false, false, BindingOutcome.Keep },
        { "first touch keeps for good", BindingMode.FirstTouchPermanent, 5, 0, 7, false, false, BindingOutcome.Keep },
        { "last touch takes over", BindingMode.LastTouch, 5, 0, 7, false, false, BindingOutcome.Rebind },
        { "protection beats last touch", BindingMode.LastTouch, 5, 15, 7, false, false, BindingOutcome.Keep },
        { "new customers only", BindingMode.ValidForDays, null, 0, 7, false, true, BindingOutcome.Keep },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void The_binding_policy_follows_its_precedence(string @case, BindingMode mode, int? current, int protectionDays, int candidate, bool self,
        bool hasOrdered, BindingOutcome expected)
    {
        var bound = Now.AddDays(-10);
        var binding = current is { } id
            ? new CurrentBinding(id, bound, mode == BindingMode.FirstTouchPermanent ? null : bound.AddDays(30), protectionDays > 0 ? bound.AddDays(protectionDays) : null)
            : null;
        var newOnly = @case == "new customers only";

        var decision = BindingPolicy.Decide(Settings(mode, protectionDays, newOnly), binding, candidate, self, hasOrdered, Now);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void An_expired_binding_gives_way_and_protection_ends_with_its_days()
    {
        var binding = new CurrentBinding(5, Now.AddDays(-40), Now.AddDays(-10), Now.AddDays(-25));

        var decision = BindingPolicy.Decide(Settings(BindingMode.ValidForDays, 15), binding, 7, false, false, Now);

        Assert.Equal(BindingOutcome.Rebind, decision.Outcome);
        Assert.Contains("过期", decision.Reason);
        Assert.Equal(Now.AddDays(30), BindingPolicy.ExpiryOf(Settings(BindingMode.LastTouch), Now));
        Assert.Null(BindingPolicy.ExpiryOf(Settings(BindingMode.FirstTouchPermanent), Now));
        Assert.Null(BindingPolicy.ProtectionOf(Settings(BindingMode.ValidForDays), Now));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "", true)]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1)", "", true)]
    [InlineData("facebookexternalhit/1.1", "", true)]
    [InlineData("curl/8.5.0", "", true)]
    [InlineData("", "", true)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.50", "prefetch", true)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.50", "", false)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36", "", false)]
    public void Bots_link_previews_and_prefetches_are_not_visits(string agent, string purpose, bool notCounted) =>
        Assert.Equal(notCounted, VisitorClassifier.IsBotOrPrefetch(agent, purpose));

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone) Mobile MicroMessenger/8.0", AgentClass.WeChat)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) Mobile Safari", AgentClass.Mobile)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0) Chrome/130.0", AgentClass.Desktop)]
    [InlineData("SomethingElse/1.0", AgentClass.Other)]
    public void Visitors_are_classed_by_their_agent(string agent, AgentClass expected) => Assert.Equal(expected, VisitorClassifier.Classify(agent));

    [Fact]
    public void Visitor_hashes_depend_on_the_salt_and_keep_no_address()
    {
        var a = VisitorClassifier.Hash("salt-a", "203.0.113.9");
        Assert.Equal(32, a.Length);
        Assert.NotEqual(a, VisitorClassifier.Hash("salt-b", "203.0.113.9"));
        Assert.DoesNotContain("203", a);
        Assert.Equal("weibo.com", VisitorClassifier.HostOf("https://weibo.com/u/123"));
        Assert.Null(VisitorClassifier.HostOf("not a url"));
    }

    [Theory]
    [InlineData("K7M2Q9P.1764655200", true)]
    [InlineData("K7M2Q9P", false)]
    [InlineData("K7M2Q9P.-5", false)]
    [InlineData("<script>.1764655200", false)]
    [InlineData("K7M2Q9P.99999999999999", false)]
    public void Referral_cookies_round_trip_and_forged_ones_are_ignored(string value, bool valid)
    {
        var parsed = ReferralCookie.Parse(value);
        Assert.Equal(valid, parsed is not null);
        if (parsed is not null)
        {
            Assert.Equal(value, parsed.ToString());
        }
    }

    [Fact]
    public void Funnel_rates_are_basis_points_of_visitors_and_funnels_add_up()
    {
        var a = new Funnel(10, 8, 2, 1, new Money(9900));
        var b = new Funnel(5, 2, 0, 1, new Money(100));

        Assert.Equal(2500, a.RegistrationRate.Value);
        Assert.Equal(1250, a.OrderRate.Value);
        Assert.Equal(0, Funnel.Empty.OrderRate.Value);
        Assert.Equal(new Funnel(15, 10, 2, 2, new Money(10000)), a + b);
    }
}
