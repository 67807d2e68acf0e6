using MallPortal.Core.Common;

namespace MallPortal.Tests.Common;

public class BasisPointsTests
{
    [Theory]
    [InlineData("12.5", 1250)]
    [InlineData("100", 10000)]
    [InlineData("0.01", 1)]
    public void FromPercent_counts_hundredths_of_a_percent(string percent, int expected) =>
        Assert.Equal(expected, BasisPoints.FromPercent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)).Value);

    [Fact]
    public void A_rate_finer_than_one_basis_point_or_negative_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BasisPoints.FromPercent(0.005m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasisPoints(-1));
    }

    [Fact]
    public void Shows_as_a_percentage() => Assert.Equal("12.5%", new BasisPoints(1250).ToString());
}
