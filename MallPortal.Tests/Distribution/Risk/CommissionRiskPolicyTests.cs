using System.Net;
using MallPortal.Core.Distribution.Risk;

namespace MallPortal.Tests.Distribution.Risk;

public sealed class CommissionRiskPolicyTests
{
    private static readonly BuyerFacts Buyer = new(7, Set("13900000001"), "广东省深圳市南山区科苑路 15 号", Set("d:AAA", "n:BBB"));

    private static BeneficiaryFacts Distributor(string phone = "13800000012", string address = "浙江省杭州市西湖区文三路 1 号", string trace = "d:ZZZ",
        int orders = 1, int refunded = 0, int userId = 12) =>
        new(3, userId, Set(phone), Set(CommissionRiskPolicy.NormalizeAddress(address)), Set(trace), orders, refunded);

    public static TheoryData<string, BeneficiaryFacts, int, bool, CommissionRisk> Cases => new()
    {
        { "a stranger", Distributor(), 1, false, CommissionRisk.None },
        { "the buyer's phone", Distributor(phone: "13900000001"), 1, false, CommissionRisk.SharedPhone },
        { "the address with other spaces and punctuation", Distributor(address: "广东省深圳市南山区 科苑路15号"), 2, false, CommissionRisk.SharedAddress },
        { "a device the buyer used", Distributor(trace: "d:AAA"), 1, false, CommissionRisk.SharedDevice },
        { "the buyer's network", Distributor(trace: "n:BBB"), 2, false, CommissionRisk.SharedDevice },
        { "a device hash equal to a network hash is not a match", Distributor(trace: "n:AAA"), 1, false, CommissionRisk.None },
        { "phone and device together", Distributor(phone: "13900000001", trace: "d:AAA"), 1, false, CommissionRisk.SharedPhone | CommissionRisk.SharedDevice },
        { "the buyer itself under self-purchase at level 1", Distributor(userId: 7, phone: "13900000001"), 1, true, CommissionRisk.None },
        { "the buyer itself without self-purchase", Distributor(userId: 7), 1, false, CommissionRisk.SelfDealing },
        { "the buyer itself at level 2 even with self-purchase", Distributor(userId: 7), 2, true, CommissionRisk.SelfDealing },
        { "half of six recent orders refunded", Distributor(orders: 6, refunded: 3), 1, false, CommissionRisk.RefundBurst },
        { "two of six refunded", Distributor(orders: 6, refunded: 2), 1, false, CommissionRisk.None },
        { "every one of four refunded (too few to say)", Distributor(orders: 4, refunded: 4), 1, false, CommissionRisk.None },
        { "a burst counts only for the promoter", Distributor(orders: 6, refunded: 6), 2, false, CommissionRisk.None },
    };

    [Theory, MemberData(nameof(Cases))]
    public void A_beneficiary_is_flagged_by_what_it_shares_with_the_buyer(string what, BeneficiaryFacts beneficiary, int level, bool selfPurchase, CommissionRisk expected) =>
        Assert.True(expected == CommissionRiskPolicy.Assess(Buyer, beneficiary, level, selfPurchase), what);

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.2.3.4", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.8", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::5", false)]
    [InlineData("::ffff:192.168.1.8", false)]
    [InlineData("203.0.113.9", true)]
    [InlineData("::ffff:203.0.113.9", true)]
    [InlineData("240e:3b7::1", true)]
    public void Only_a_public_address_identifies_a_network(string address, bool isPublic) =>
        Assert.Equal(isPublic, MallPortal.Core.Common.ClientNetwork.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Each_signal_is_said_in_Chinese() =>
        Assert.Equal("买家与分销员手机号相同；推广订单近 7 天退款过半", CommissionRiskText.Describe(CommissionRisk.SharedPhone | CommissionRisk.RefundBurst));

    private static HashSet<string> Set(params string[] values) => [.. values];
}
