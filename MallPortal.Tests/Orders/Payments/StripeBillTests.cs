using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>Stripe's itemized balance-change report as 渠道对账's bill: its CSV, the report run, and the comparison with the books.</summary>
public class StripeBillTests
{
    [Fact]
    public void The_itemized_report_csv_gives_our_charges_and_refunds_and_leaves_out_fees_payouts_and_foreign_payments()
    {
        const string csv = "balance_transaction_id,created_utc,currency,gross,reporting_category,source_id,payment_intent_id,payment_metadata[payment_number],refund_metadata[refund_number]\n"
            + "txn_1,2026-12-04 02:15:30,cny,59.00,charge,ch_1,pi_1,P202612041015300004,\n"
            + "txn_2,2026-12-04 10:00:00,cny,-20.50,refund,re_1,pi_1,P202612041015300004,R202612041800000002\n"
            + "txn_3,2026-12-04 11:00:00,cny,-1.77,fee,,,,\n"
            + "txn_4,2026-12-04 12:00:00,cny,-500.00,payout,po_1,,,\n"
            + "txn_5,2026-12-04 13:00:00,cny,10.00,charge,ch_9,pi_9,,\n";

        var lines = StripeBill.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(
        [
            new BillLine(BillLineKind.Payment, "P202612041015300004", "pi_1", null, new Money(5900), new DateTimeOffset(2026, 12, 4, 10, 15, 30, BillDay.ChinaOffset)),
            new BillLine(BillLineKind.Refund, "P202612041015300004", "pi_1", "R202612041800000002", new Money(2050), new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero)),
        ], lines);
        Assert.Equal(lines, StripeBill.Parse(StripeBill.Build("cny", lines.Select(l => (l, l.Kind == BillLineKind.Payment ? "ch_1" : "re_1")))));
        Assert.Throws<PaymentGatewayException>(() => StripeBill.Parse("id,amount\ntxn_1,5\n"u8.ToArray()));
    }

    [Fact]
    public async Task A_days_report_has_the_card_payment_and_the_finished_refund_and_agrees_with_the_books()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await StripeGatewayTests.PaidAsync(kit);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);
        kit.Clock.Advance(kit.Get<StripeSimulator>().RefundDelay);
        await kit.Get<StripeSimulator>().DeliverDueAsync();
        var day = BillDay.Of(kit.Clock.GetUtcNow());
        var source = Assert.IsAssignableFrom<IBillSource>(kit.Get<PaymentGateways>().Get(StripeGateway.GatewayName));

        var bill = await source.DownloadBillAsync(day, default);
        var again = await source.DownloadBillAsync(day, default);
        var import = await kit.Get<BillReconciliation>().ImportAsync(await kit.AdminAsync(), StripeGateway.GatewayName, day);

        Assert.Equal([(BillLineKind.Payment, placed.PaymentNumber, (string?)null, placed.Amount), (BillLineKind.Refund, placed.PaymentNumber, refundNumber, placed.Amount)],
            bill.Lines.Select(l => (l.Kind, l.PaymentNumber, l.RefundNumber, l.Amount)));
        Assert.Equal(bill.Content, again.Content); // the day's run, found again by its idempotency key
        Assert.Equal((2, 0), (import.Lines, import.Differences));
        var future = await Assert.ThrowsAsync<PaymentGatewayException>(() => source.DownloadBillAsync(day.AddDays(2), default));
        Assert.Contains("report_interval_end_too_late", future.Message);
    }
}
