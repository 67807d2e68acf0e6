using System.Text.RegularExpressions;
using MallPortal.Core.Orders.Shipping.Kuaidi100;

namespace MallPortal.Core.Orders.Shipping.Simulator;

/// <summary>
/// The simulator's scripts, step by step, as a real parcel goes: 揽收 → hubs → 派件 → 签收 (monitor status polling, then
/// shutdown); refused at the door and sent back; or never scanned (abort "3天查询无记录").
/// </summary>
public static partial class ParcelJourney
{
    /// <summary>Where demo parcels set off when no simulator is configured to say.</summary>
    public const string DemoOrigin = "浙江省杭州市";

    public sealed record JourneyStep(string? Code, string? Context, string? Area, string Status, string? Message);

    public static JourneyStep At(ParcelScript script, int step, string carrierName, string origin, string destination)
    {
        var (from, to) = (CityOf(origin), CityOf(destination));
        var cut = destination.LastIndexOf(to, StringComparison.Ordinal) + to.Length;
        var district = cut > to.Length - 1 && cut < destination.Length ? destination[cut..] : to;
        if (script == ParcelScript.NeverScanned)
        {
            return new JourneyStep(null, null, null, "abort", "3天查询无记录");
        }
        var steps = new List<JourneyStep>
        {
            new("1", $"【{from}】{carrierName}快递员 已揽收", from, "polling", null),
            new("0", $"快件已到达【{from}转运中心】", from, "polling", null),
            new("0", $"快件已从【{from}转运中心】发出，发往【{to}转运中心】", from, "polling", null),
            new("0", $"快件已到达【{district}营业部】，正在分拣", district, "polling", null),
            new("5", $"【{district}营业部】快递员 王师傅（13912345678）正在为您派件", district, "polling", null),
        };
        steps.AddRange(script == ParcelScript.Delivered
            ? [new("3", "快件已签收，签收人：本人签收。感谢使用，期待再次为您服务。", district, "shutdown", null)]
            : [new("14", "收件人拒收，快件将退回寄件人", district, "polling", null), new("6", $"快件退回中，发往【{from}】", to, "shutdown", null)]);
        return steps[Math.Min(step, steps.Count - 1)];
    }

    public static bool IsLast(ParcelScript script, int step) => script switch
    {
        ParcelScript.NeverScanned => true,
        ParcelScript.Delivered => step >= 5,
        _ => step >= 6,
    };

    public static PushScan? ScanOf(JourneyStep step, DateTime at, TimeZoneInfo zone)
    {
        if (step.Code is null)
        {
            return null;
        }
        var time = Kuaidi100Protocol.FormatTime(at, zone);
        return new PushScan(time, time, step.Context, step.Area, Kuaidi100Protocol.WordOf(step.Code), step.Code);
    }

    /// <summary>The city of an address such as 广东省深圳市南山区 (深圳市); a municipality names itself (北京市).</summary>
    public static string CityOf(string address)
    {
        var match = City().Match(address);
        return match.Success ? match.Value : address;
    }

    [GeneratedRegex(@"(?<=省|自治区)[^省]+?(市|自治州|地区|盟)|^(北京|上海|天津|重庆)市")]
    private static partial Regex City();
}
