namespace MallPortal.Core.Analytics.History;

/// <summary>Where generated buyers live: provinces weighted roughly by online shopping (the coast and the big cities first).</summary>
internal static class HistoryRegions
{
    public sealed record Region(string Province, string City, string District, int Weight);

    public static readonly IReadOnlyList<Region> All =
    [
        new("广东省", "广州市", "天河区", 150),
        new("浙江省", "杭州市", "西湖区", 110),
        new("江苏省", "南京市", "鼓楼区", 100),
        new("上海市", "上海市", "浦东新区", 80),
        new("北京市", "北京市", "朝阳区", 70),
        new("山东省", "济南市", "历下区", 60),
        new("四川省", "成都市", "武侯区", 55),
        new("福建省", "厦门市", "思明区", 45),
        new("河南省", "郑州市", "金水区", 40),
        new("湖北省", "武汉市", "洪山区", 40),
        new("湖南省", "长沙市", "岳麓区", 32),
        new("安徽省", "合肥市", "蜀山区", 28),
        new("河北省", "石家庄市", "长安区", 26),
        new("天津市", "天津市", "南开区", 20),
        new("重庆市", "重庆市", "渝北区", 22),
        new("陕西省", "西安市", "雁塔区", 20),
        new("辽宁省", "沈阳市", "和平区", 18),
        new("江西省", "南昌市", "红谷滩区", 14),
        new("广西壮族自治区", "南宁市", "青秀区", 12),
        new("云南省", "昆明市", "五华区", 11),
        new("黑龙江省", "哈尔滨市", "南岗区", 9),
        new("山西省", "太原市", "小店区", 9),
        new("贵州省", "贵阳市", "观山湖区", 8),
        new("吉林省", "长春市", "朝阳区", 7),
        new("内蒙古自治区", "呼和浩特市", "赛罕区", 5),
        new("新疆维吾尔自治区", "乌鲁木齐市", "天山区", 4),
        new("海南省", "海口市", "龙华区", 4),
        new("甘肃省", "兰州市", "城关区", 4),
    ];

    private static readonly int[] Weights = All.Select(r => r.Weight).ToArray();

    public static Region Pick(Random random) => All[HistoryCalendar.Pick(Weights, random)];
}
