using MallPortal.Core.Accounts.Regions;

namespace MallPortal.Tests.Accounts;

public class RegionCatalogTests
{
    private readonly RegionCatalog _catalog = RegionCatalog.Shared;

    [Fact]
    public void All_mainland_provinces_and_hong_kong_macao_taiwan_are_listed()
    {
        Assert.Equal(34, _catalog.Provinces.Count);
        Assert.Contains("广东省", _catalog.Provinces);
        Assert.Contains("新疆维吾尔自治区", _catalog.Provinces);
        Assert.Contains("香港特别行政区", _catalog.Provinces);
        Assert.Contains("澳门特别行政区", _catalog.Provinces);
        Assert.Contains("台湾省", _catalog.Provinces);
    }

    [Fact]
    public void The_shared_catalog_is_loaded_once()
    {
        Assert.Same(RegionCatalog.Shared, RegionCatalog.Shared);
    }

    [Theory]
    [InlineData("广东省", "深圳市", "南山区")]
    [InlineData("北京市", "北京市", "朝阳区")]
    [InlineData("上海市", "上海市", "浦东新区")]
    [InlineData("天津市", "天津市", "滨海新区")]
    [InlineData("重庆市", "重庆市", "渝中区")]
    [InlineData("重庆市", "重庆市", "城口县")]   // counties of 重庆 sit beside its districts
    [InlineData("山东省", "济南市", "莱芜区")]   // merged into 济南 in 2019
    [InlineData("海南省", "三沙市", "西沙群岛")]
    [InlineData("湖北省", "仙桃市", "沙嘴街道")] // governed by the province, no prefecture
    [InlineData("新疆维吾尔自治区", "白杨市", "一六三团")]
    [InlineData("河南省", "济源市", "沁园街道")]
    public void A_real_address_is_valid(string province, string city, string district)
    {
        Assert.True(_catalog.IsValid(province, city, district));
    }

    [Theory]
    [InlineData("广东省", "东莞市")]
    [InlineData("广东省", "中山市")]
    [InlineData("海南省", "儋州市")]
    [InlineData("甘肃省", "嘉峪关市")]
    public void A_city_without_districts_offers_its_towns_and_accepts_them(string province, string city)
    {
        var towns = _catalog.DistrictsOf(province, city);

        Assert.NotEmpty(towns);
        Assert.All(towns, town => Assert.True(_catalog.IsValid(province, city, town)));
    }

    [Fact]
    public void Municipalities_read_as_the_same_name_twice_without_placeholder_groups()
    {
        foreach (var municipality in new[] { "北京市", "天津市", "上海市", "重庆市" })
        {
            Assert.Equal([municipality], _catalog.CitiesOf(municipality));
        }
        var allCities = _catalog.Provinces.SelectMany(_catalog.CitiesOf).ToList();
        Assert.DoesNotContain("市辖区", allCities);
        Assert.DoesNotContain("县", allCities);
        Assert.DoesNotContain(allCities, city => city.Contains("直辖县级行政区划"));
    }

    [Theory]
    [InlineData("广东省", "广州市", "南山区")]   // 南山区 belongs to 深圳
    [InlineData("北京市", "北京市", "浦东新区")] // belongs to 上海
    [InlineData("广东省", "北京市", "朝阳区")]   // city under the wrong province
    [InlineData("广东省", "深圳市", "")]
    [InlineData("广东省", "深圳市", "南山")]     // names must match exactly
    [InlineData("北京市", "市辖区", "朝阳区")]   // the source's placeholder is not offered
    public void A_name_under_the_wrong_parent_is_invalid(string province, string city, string district)
    {
        Assert.False(_catalog.IsValid(province, city, district));
    }

    [Fact]
    public void An_unknown_province_or_city_gives_empty_lists()
    {
        Assert.Empty(_catalog.CitiesOf("火星省"));
        Assert.Empty(_catalog.DistrictsOf("火星省", "深圳市"));
        Assert.Empty(_catalog.DistrictsOf("广东省", "火星市"));
        Assert.Empty(_catalog.CitiesOf(""));
    }

    [Fact]
    public void Nothing_selected_yet_gives_empty_lists_and_is_invalid()
    {
        Assert.Empty(_catalog.CitiesOf(null));
        Assert.Empty(_catalog.DistrictsOf("广东省", null));
        Assert.False(_catalog.IsValid("广东省", "深圳市", null));
        Assert.False(_catalog.IsValid(null, null, null));
    }

    [Fact]
    public void No_name_repeats_within_its_parent()
    {
        AssertDistinct(_catalog.Provinces);
        foreach (var province in _catalog.Provinces)
        {
            AssertDistinct(_catalog.CitiesOf(province));
            foreach (var city in _catalog.CitiesOf(province))
            {
                AssertDistinct(_catalog.DistrictsOf(province, city));
            }
        }
    }

    [Fact]
    public void Every_province_has_a_city_and_every_city_a_district()
    {
        foreach (var province in _catalog.Provinces)
        {
            Assert.NotEmpty(_catalog.CitiesOf(province));
            foreach (var city in _catalog.CitiesOf(province))
            {
                Assert.True(_catalog.DistrictsOf(province, city).Count > 0, $"{province} {city} has no districts");
            }
        }
    }

    [Fact]
    public void The_lists_handed_out_cannot_be_changed_by_a_caller()
    {
        // The catalog is shared by every circuit, so a caller casting back must not reach its storage.
        AssertNotMutable(_catalog.Provinces);
        AssertNotMutable(_catalog.CitiesOf("广东省"));
        AssertNotMutable(_catalog.DistrictsOf("广东省", "深圳市"));
    }

    private static void AssertNotMutable(IReadOnlyList<string> names) =>
        Assert.False(names is List<string> or string[]);

    private static void AssertDistinct(IReadOnlyList<string> names) =>
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
}
