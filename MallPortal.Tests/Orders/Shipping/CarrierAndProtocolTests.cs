using MallPortal.Core.Common;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Core.Orders.Shipping.Simulator;

namespace MallPortal.Tests.Orders.Shipping;

public class CarrierAndProtocolTests
{
    [Theory]
    [InlineData("shunfeng", "SF1234567890123", true)]
    [InlineData("shunfeng", "123456789012", true)]
    [InlineData("shunfeng", "SF12345", false)]
    [InlineData("zhongtong", "78123456789012", true)]
    [InlineData("zhongtong", "ZT2000000002", false)]
    [InlineData("yuantong", "yt1234567890123", true)]
    [InlineData("yuantong", "1234567890123", false)]
    [InlineData("jtexpress", "JT1234567890123", true)]
    [InlineData("jd", "JDVA01234567890", true)]
    [InlineData("ems", "EA123456789CN", true)]
    [InlineData("ems", "E123", false)]
    [InlineData("debangkuaidi", "DPK123456789012", true)]
    [InlineData("other", "ANY123456", true)]
    public void Each_carrier_checks_its_own_tracking_number_format(string code, string number, bool valid)
    {
        if (valid)
        {
            Assert.Equal(number.ToUpperInvariant(), Carriers.Check(code, number).Number);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Carriers.Check(code, number));
            Assert.Equal("TrackingNumber", error.Field);
        }
    }

    [Fact]
    public void An_unknown_carrier_and_a_number_with_symbols_are_refused_with_their_own_messages()
    {
        Assert.Equal(("Carrier", "请选择快递公司"), Field(() => Carriers.Check("kuaidi-x", "SF1234567890123")));
        Assert.Equal(("TrackingNumber", "请填写正确的快递单号（6-40 位字母或数字）"), Field(() => Carriers.Check("shunfeng", "SF-123-456")));
        Assert.All(Carriers.All, c => Assert.True(c.Accepts(c.Example), $"{c.Name}'s example must pass its own check"));
    }

    [Fact]
    public void The_push_signature_is_upper_case_md5_of_param_and_salt()
    {
        const string param = """{"status":"polling","message":"","lastResult":{"state":"0","ischeck":"0","com":"yuantong","nu":"YT1234567890123","data":[]}}""";

        Assert.Equal("9EBE6E56621F1A69B7D4142304DDE55E", Kuaidi100Protocol.Sign(param, "s3cr3t"));
        Assert.Equal("3D4E5D6BAE87398145D538C70A7AC58B", Kuaidi100Protocol.Sign("中文", "盐"));
        Assert.True(Kuaidi100Protocol.Verify(param, "9ebe6e56621f1a69b7d4142304dde55e", "s3cr3t"));
        Assert.False(Kuaidi100Protocol.Verify(param + " ", "9EBE6E56621F1A69B7D4142304DDE55E", "s3cr3t"));
        Assert.False(Kuaidi100Protocol.Verify(param, null, "s3cr3t"));
    }

    [Theory]
    [InlineData("0", TraceState.InTransit)]
    [InlineData("1", TraceState.PickedUp)]
    [InlineData("2", TraceState.Problem)]
    [InlineData("3", TraceState.Signed)]
    [InlineData("4", TraceState.Returned)]
    [InlineData("5", TraceState.OutForDelivery)]
    [InlineData("6", TraceState.Returned)]
    [InlineData("7", TraceState.InTransit)]
    [InlineData("13", TraceState.Problem)]
    [InlineData("14", TraceState.Refused)]
    public void Kuaidi100_state_codes_map_to_trace_states(string code, TraceState state)
    {
        Assert.Equal(state, Kuaidi100Protocol.StateOf(code));
        Assert.Equal(state, Kuaidi100Protocol.StateOfScan(new PushScan(null, null, "x", null, null, code)));
    }

    [Fact]
    public void A_scan_without_a_code_is_read_by_its_word_and_one_without_either_has_no_state_of_its_own()
    {
        Assert.Equal(TraceState.OutForDelivery, Kuaidi100Protocol.StateOfScan(new PushScan(null, null, "x", null, "派件", null)));
        Assert.Equal(TraceState.Refused, Kuaidi100Protocol.StateOfScan(new PushScan(null, null, "x", null, "拒签", null)));
        Assert.Null(Kuaidi100Protocol.StateOfScan(new PushScan(null, null, "x", null, null, null)));
    }

    [Fact]
    public void Scan_times_are_china_time_and_stored_as_utc()
    {
        var zone = BusinessTimeZone.FromId("Asia/Shanghai").Zone;
        Assert.Equal(new DateTime(2026, 12, 5, 2, 12, 30, DateTimeKind.Utc), Kuaidi100Protocol.ParseTime("2026-12-05 10:12:30", zone));
        Assert.Null(Kuaidi100Protocol.ParseTime("昨天", zone));
    }

    [Theory]
    [InlineData("广东省深圳市南山区", "深圳市")]
    [InlineData("北京市北京市东城区", "北京市")]
    [InlineData("新疆维吾尔自治区乌鲁木齐市天山区", "乌鲁木齐市")]
    public void The_simulator_names_the_destination_city(string address, string city) =>
        Assert.Equal(city, ParcelJourney.CityOf(address));

    private static (string?, string) Field(Action action)
    {
        var error = Assert.Throws<DomainException>(action);
        return (error.Field, error.Message);
    }
}
