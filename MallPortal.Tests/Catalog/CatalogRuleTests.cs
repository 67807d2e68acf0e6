using MallPortal.Core.Catalog;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Catalog;

public class CatalogRuleTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData(" 91110000802100433b ")]
    public void A_valid_unified_social_credit_code_passes_its_checksum(string code) =>
        Assert.True(UnifiedSocialCreditCode.IsValid(code, out _));

    [Theory]
    [InlineData("91350100M000100Y44")]   // wrong check character
    [InlineData("91350100M000100Y4")]    // 17 characters
    [InlineData("91350100M0001O0Y43")]   // O is not in the alphabet
    [InlineData("")]
    public void A_wrong_code_fails(string code) => Assert.False(UnifiedSocialCreditCode.IsValid(code, out _));

    [Fact]
    public void Two_specs_of_two_values_make_four_skus_in_listing_order()
    {
        var rows = SkuMatrix.Combine([new SpecDefinition("颜色", ["曜石黑", "云雾白"]), new SpecDefinition("尺码", ["M", "L"])]);

        Assert.Equal(
            ["曜石黑/M", "曜石黑/L", "云雾白/M", "云雾白/L"],
            rows.Select(r => string.Join("/", r.Select(c => c.Value))));
        Assert.All(rows, r => Assert.Equal(["颜色", "尺码"], r.Select(c => c.Spec)));
    }

    [Fact]
    public void No_specs_make_one_plain_sku() => Assert.Single(SkuMatrix.Combine([]));

    [Theory]
    [InlineData(new[] { "颜色", "颜色" }, new[] { "红", "蓝" }, "规格名称或规格值重复")]
    [InlineData(new[] { "颜色" }, new[] { "红", "红" }, "规格名称或规格值重复")]
    [InlineData(new[] { "颜色" }, new[] { "" }, "请填写规格名称和规格值")]
    public void Repeated_or_empty_specs_are_refused(string[] names, string[] values, string message)
    {
        var specs = names.Select(n => new SpecDefinition(n, values)).ToList();
        Assert.Equal(message, Assert.Throws<DomainException>(() => SkuMatrix.Combine(specs)).Message);
    }

    [Fact]
    public void More_than_two_hundred_combinations_are_refused()
    {
        var values = Enumerable.Range(1, 15).Select(i => i.ToString()).ToList();
        var error = Assert.Throws<DomainException>(() =>
            SkuMatrix.Combine([new SpecDefinition("A", values), new SpecDefinition("B", values)]));
        Assert.Equal("规格组合不能超过 200 个", error.Message);
    }

    [Theory]
    [InlineData(10000, 8500, "8.5折")]
    [InlineData(10000, 8000, "8折")]
    [InlineData(19900, 9900, "5折")]     // 49.7 % -> 5折
    [InlineData(10000, 8549, "8.5折")]
    [InlineData(10000, 8550, "8.6折")]
    [InlineData(10000, 9999, "9.9折")]   // a real reduction is never shown as 10折
    [InlineData(10000, 1, "0.1折")]
    public void The_discount_reads_in_tenths_of_the_price(long price, long promotion, string expected) =>
        Assert.Equal(expected, PricePolicy.DiscountText(new Money(price), new Money(promotion)));

    [Fact]
    public void Without_a_promotion_there_is_no_discount_text() =>
        Assert.Null(PricePolicy.DiscountText(new Money(10000), null));

    [Theory]
    [InlineData(0, null, null, "Price")]
    [InlineData(-100, null, null, "Price")]
    [InlineData(10000, 10000L, null, "PromotionPrice")]
    [InlineData(10000, 12000L, null, "PromotionPrice")]
    [InlineData(10000, 0L, null, "PromotionPrice")]
    [InlineData(10000, 8000L, -1L, "CostPrice")]
    public void Bad_prices_are_refused_at_their_field(long price, long? promotion, long? cost, string field)
    {
        var error = Assert.Throws<DomainException>(() => PricePolicy.Validate(
            new Money(price), promotion is null ? null : new Money(promotion.Value), cost is null ? null : new Money(cost.Value)));
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("12", false)]
    [InlineData("400-820-8820", true)]
    [InlineData("0755-86013388", true)]
    [InlineData("13800138000", true)]
    [InlineData("+86 138 0013 8000", true)]
    public void A_shop_service_phone_must_look_like_a_phone(string phone, bool valid)
    {
        var shop = new Shop(1, "潮玩星球", "13800138000", DateTime.UnixEpoch);
        var change = () => shop.UpdateSettings("潮玩星球", "", phone, null);
        if (valid)
        {
            change();
            Assert.Equal(phone, shop.ServicePhone);
        }
        else
        {
            Assert.Equal("ServicePhone", Assert.Throws<DomainException>(change).Field);
        }
    }

    [Fact]
    public void A_good_price_with_promotion_and_cost_passes() =>
        PricePolicy.Validate(new Money(29900), new Money(25900), new Money(12000));
}
