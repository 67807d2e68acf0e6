using MallPortal.Core.Common;

namespace MallPortal.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData(10000, 1250, 1250)]    // ¥100 x 12.5% = ¥12.50
    [InlineData(1, 5000, 1)]           // 0.5 fen rounds half away from zero
    [InlineData(3, 5000, 2)]           // 1.5 fen -> 2
    [InlineData(1, 4999, 0)]           // 0.4999 fen -> 0
    [InlineData(-1, 5000, -1)]         // -0.5 fen -> -1 (away from zero, not banker's)
    [InlineData(-3, 5000, -2)]
    [InlineData(999, 333, 33)]         // 33.2667 -> 33
    [InlineData(12345, 10000, 12345)]  // 100 %
    [InlineData(12345, 0, 0)]
    [InlineData(long.MaxValue / 2, 20000, long.MaxValue - 1)] // no overflow on the way
    public void Percent_rounds_half_away_from_zero_to_the_fen(long fen, int basisPoints, long expected) =>
        Assert.Equal(expected, new Money(fen).Percent(new BasisPoints(basisPoints)).Fen);

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(10, new long[] { 3, 3, 4 }, new long[] { 3, 3, 4 })]
    [InlineData(1, new long[] { 1, 1 }, new long[] { 1, 0 })]
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(1000, new long[] { 0, 5, 0 }, new long[] { 0, 1000, 0 })]
    [InlineData(500, new long[] { 19900, 9900, 100 }, new long[] { 333, 165, 2 })]
    public void Allocate_gives_largest_remainders_the_left_over_fen(long whole, long[] weights, long[] expected) =>
        Assert.Equal(expected, new Money(whole).Allocate(weights).Select(m => m.Fen));

    [Fact]
    public void Allocation_always_sums_to_the_whole()
    {
        var random = new Random(20261126);
        for (var round = 0; round < 2000; round++)
        {
            var whole = random.NextInt64(-1_000_000_000, 1_000_000_000);
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.NextInt64(0, 100_000)).ToArray();
            if (weights.All(w => w == 0))
            {
                weights[0] = 1;
            }

            var parts = new Money(whole).Allocate(weights);

            Assert.Equal(whole, parts.Sum(p => p.Fen));
            Assert.All(parts.Zip(weights), pw => Assert.True(pw.Second > 0 || pw.First.IsZero));
            Assert.All(parts, p => Assert.True(whole >= 0 ? p.Fen >= 0 : p.Fen <= 0));
        }
    }

    [Theory]
    [InlineData(new long[0])]
    [InlineData(new long[] { 0, 0 })]
    [InlineData(new long[] { 1, -1 })]
    public void Allocate_refuses_weights_that_cannot_split(long[] weights) =>
        Assert.Throws<ArgumentException>(() => new Money(100).Allocate(weights));

    [Theory]
    [InlineData(0, "¥0.00")]
    [InlineData(5, "¥0.05")]
    [InlineData(1234, "¥12.34")]
    [InlineData(123456789, "¥1,234,567.89")]
    [InlineData(-1234, "-¥12.34")]
    public void Shows_as_yuan_with_the_currency_sign(long fen, string expected) =>
        Assert.Equal(expected, new Money(fen).ToString());

    [Theory]
    [InlineData("12.34", 1234)]
    [InlineData("0.1", 10)]
    [InlineData("-3", -300)]
    public void FromYuan_is_exact(string yuan, long expectedFen) =>
        Assert.Equal(expectedFen, Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void FromYuan_refuses_fractions_of_a_fen() =>
        Assert.Throws<ArgumentException>(() => Money.FromYuan(0.125m));

    [Fact]
    public void Arithmetic_and_comparison_work_in_fen()
    {
        var price = new Money(1999);
        Assert.Equal(new Money(5997), price * 3);
        Assert.Equal(new Money(2000), price + new Money(1));
        Assert.True(price > new Money(1998));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }
}
