using System.IO.Compression;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.WeChatPay;

namespace MallPortal.Tests.Orders.Payments.Bills;

/// <summary>The providers' bill files as they come: read from text laid out as each provider lays it out, and written back the same way.</summary>
public class BillFormatTests
{
    private static readonly DateTimeOffset Paid = new(2026, 12, 4, 10, 15, 30, BillDay.ChinaOffset);

    [Fact]
    public void An_alipay_detail_csv_in_gbk_inside_a_zip_is_read_payments_and_refunds()
    {
        const string csv = "#支付宝业务明细查询\r\n#账号：[2088000000000000]\r\n#起始日期：[2026年12月04日 00:00:00]   终止日期：[2026年12月05日 00:00:00]\r\n"
            + "#-----------------------------------------业务明细列表----------------------------------------\r\n"
            + "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注\r\n"
            + "2026120422001400001\t,P202612041015300001\t,交易,\"星辰 X20, 曜石黑\",2026-12-04 10:15:01,2026-12-04 10:15:30,,,,,ab***@qq.com,2599.00,2599.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,,-15.59,0.00,\r\n"
            + "2026120422001400001\t,P202612041015300001\t,退款,星辰 X20,2026-12-04 10:15:01,2026-12-04 16:00:00,,,,,ab***@qq.com,-100.00,-100.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,R202612040001\t,0.60,0.00,\r\n"
            + "#-----------------------------------------业务明细列表结束------------------------------------\r\n#交易合计：1笔\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("2088000000000000_20261204_业务明细.csv").Open();
            entry.Write(Encoding.GetEncoding("GB18030").GetBytes(csv));
        }

        var lines = AlipayBill.Parse(zip.ToArray());

        Assert.Equal(
        [
            new BillLine(BillLineKind.Payment, "P202612041015300001", "2026120422001400001", null, Money.FromYuan(2599m), Paid),
            new BillLine(BillLineKind.Refund, "P202612041015300001", "2026120422001400001", "R202612040001", Money.FromYuan(100m),
                new DateTimeOffset(2026, 12, 4, 16, 0, 0, BillDay.ChinaOffset)),
        ], lines);
        var built = AlipayBill.Build("2088000000000000", new DateOnly(2026, 12, 4), lines.Select(l => (l, "星辰 X20, 曜石黑", Paid)));
        Assert.Equal(lines, AlipayBill.Parse(built));
        Assert.Throws<PaymentGatewayException>(() => AlipayBill.Parse("not a zip"u8.ToArray()));
    }

    [Fact]
    public void A_wechat_pay_trade_bill_with_backquoted_values_is_read_up_to_its_totals()
    {
        const string csv = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2026-12-04 10:15:30,`wx0000000000000000,`1900000000,`0,`,`4200000000202612041234567890,`P202612041015300002,`oUser,`NATIVE,`SUCCESS,`OTHERS,`CNY,`59.00,`0.00,`0,`0,`0.00,`0.00,`,`,`云朵 乳胶枕,`,`0.35000,`0.60%,`59.00,`0.00,`\r\n"
            + "`2026-12-04 18:00:00,`wx0000000000000000,`1900000000,`0,`,`4200000000202612041234567890,`P202612041015300002,`oUser,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300000000000000000,`R202612040002,`59.00,`0.00,`ORIGINAL,`SUCCESS,`云朵 乳胶枕,`,`-0.35000,`0.60%,`0.00,`59.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n`2,`59.00,`59.00,`0.00,`0.00000,`59.00,`59.00\r\n";

        var lines = WeChatPayBill.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(
        [
            new BillLine(BillLineKind.Payment, "P202612041015300002", "4200000000202612041234567890", null, Money.FromYuan(59m), Paid),
            new BillLine(BillLineKind.Refund, "P202612041015300002", "4200000000202612041234567890", "R202612040002", Money.FromYuan(59m),
                new DateTimeOffset(2026, 12, 4, 18, 0, 0, BillDay.ChinaOffset)),
        ], lines);
        var built = WeChatPayBill.Build("wx0000000000000000", "1900000000", lines.Select(l => (l, (string?)"50300000000000000000", "云朵 乳胶枕")));
        Assert.Equal(lines, WeChatPayBill.Parse(built));
        Assert.Throws<PaymentGatewayException>(() => WeChatPayBill.Parse("<html>busy</html>"u8.ToArray()));
    }

    [Fact]
    public void A_unionpay_zm_file_of_fixed_width_gbk_fields_deflated_in_a_zip_is_read_consumptions_and_refunds()
    {
        // 文件接口 6.1: widths of the ZM fields, one space between them; only S22 (消费) and S30 (退货) lines are bills' lines.
        int[] widths = [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98];
        string Line(params (int Field, string Value)[] values) =>
            string.Join(' ', widths.Select((w, i) => (values.FirstOrDefault(v => v.Field == i).Value ?? "").PadRight(w)));
        var zm = Line((0, "S22"), (4, "1204101530"), (5, "621626******0018"), (6, "000000005900"), (9, "512612041015300000001"), (11, "P202612041015300003"),
                     (27, "777290058110048"), (30, "某二级商户"))
            + "\r\n" + Line((0, "S30"), (4, "1204180000"), (6, "000000001000"), (9, "512612041800000000002"), (11, "R202612041800000001"),
                     (26, "512612041015300000001"), (40, "P202612041015300003"))
            + "\r\n" + Line((0, "E74"), (6, "000000000001"), (11, "P-other"))
            + "\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("INN26120488ZM_777290058110048").Open();
            // "某二级商户" is five characters and ten GBK bytes: the padding above is one byte per character, so re-pad in bytes.
            entry.Write(Encoding.GetEncoding("GB18030").GetBytes(zm.Replace("某二级商户" + new string(' ', 27), "某二级商户" + new string(' ', 22))));
        }

        var lines = UnionPayBill.Parse(UnionPayBill.Unpack(UnionPayBill.FileContent(zip.ToArray())), new DateOnly(2026, 12, 4));

        Assert.Equal(
        [
            new BillLine(BillLineKind.Payment, "P202612041015300003", "512612041015300000001", null, new Money(5900), Paid),
            new BillLine(BillLineKind.Refund, "P202612041015300003", "512612041015300000001", "R202612041800000001", new Money(1000),
                new DateTimeOffset(2026, 12, 4, 18, 0, 0, BillDay.ChinaOffset)),
        ], lines);
        var built = UnionPayBill.Build("777290058110048", new DateOnly(2026, 12, 4), lines.Select(l => (l, l.GatewayTradeNo!)));
        Assert.Equal(lines, UnionPayBill.Parse(built, new DateOnly(2026, 12, 4)));
        // A line sent on 31 December belongs to the year before the 1 January file's.
        var newYear = UnionPayBill.Parse(UnionPayBill.Build("777290058110048", new DateOnly(2027, 1, 1),
            [(lines[0] with { At = new DateTimeOffset(2026, 12, 31, 23, 30, 0, BillDay.ChinaOffset) }, "1")]), new DateOnly(2027, 1, 1));
        Assert.Equal(2026, Assert.Single(newYear).At.Year);
        Assert.Throws<PaymentGatewayException>(() => UnionPayBill.Unpack("bm90IGRlZmxhdGVk"));
    }

    [Fact]
    public void The_sandbox_bill_reads_back_what_it_wrote()
    {
        BillLine[] lines =
        [
            new(BillLineKind.Payment, "P1", "SBX1", null, new Money(12_345), Paid),
            new(BillLineKind.Refund, "P1", "SBX1", "R1", new Money(345), Paid.AddHours(1)),
        ];
        Assert.Equal(lines, SandboxBill.Parse(SandboxBill.Build(lines)));
    }

    [Fact]
    public void A_china_day_runs_from_midnight_china_time()
    {
        var day = new DateOnly(2026, 12, 4);
        Assert.True(BillDay.Contains(day, new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero)));
        Assert.False(BillDay.Contains(day, new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(day, BillDay.Of(new DateTimeOffset(2026, 12, 4, 15, 59, 59, TimeSpan.Zero)));
    }
}
