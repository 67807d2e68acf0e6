using System.Globalization;
using System.Text.Json.Nodes;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>
/// The simulated Stripe's reporting API (called under its lock): an itemized balance-change report run over an interval
/// that has ended, finished at once (the real one takes minutes), and its CSV file behind /v1/files/{id}/contents.
/// </summary>
public sealed partial class StripeSimulator
{
    private readonly Dictionary<string, (JsonObject Json, DateTimeOffset Created)> _reports = [];
    private readonly Dictionary<string, string> _reportFiles = [];

    private SimulatedStripeAnswer CreateReport(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("report_type") != StripeBill.ReportType)
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_invalid_string", "Unknown report type.", "report_type"));
        }
        if (!long.TryParse(form.GetValueOrDefault("parameters[interval_start]"), out var from) || !long.TryParse(form.GetValueOrDefault("parameters[interval_end]"), out var to)
            || from >= to)
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_missing", "interval_start and interval_end are required.", "parameters"));
        }
        var (start, end, now) = (DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(to), clock.GetUtcNow());
        if (end > now.AddDays(1))
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "report_interval_end_too_late",
                "parameters[interval_end] must be less than or equal to the data_available_end of this report type.", "parameters[interval_end]"));
        }
        bool Within(DateTimeOffset at) => at >= start && at < end;
        var rows = new List<(BillLine, string)>();
        foreach (var intent in _intents.Values.Where(i => i.PaidAt is not null && i.Metadata.ContainsKey(StripeGateway.PaymentNumberKey)))
        {
            var number = intent.Metadata[StripeGateway.PaymentNumberKey];
            if (Within(intent.PaidAt!.Value))
            {
                rows.Add((new BillLine(BillLineKind.Payment, number, intent.Id, null, intent.Amount, intent.PaidAt.Value), intent.ChargeId!));
            }
            rows.AddRange(intent.Refunds.Where(r => r.Status(now) == "succeeded" && Within(r.EndsAt)).Select(r =>
                (new BillLine(BillLineKind.Refund, number, intent.Id, r.Metadata.GetValueOrDefault(StripeGateway.RefundNumberKey), r.Amount, r.EndsAt), r.Id)));
        }
        var fileId = "file_" + StripeSimulatorKeys.Random(24);
        _reportFiles[fileId] = System.Text.Encoding.UTF8.GetString(StripeBill.Build(shop.Value.Currency, rows));
        var report = new JsonObject
        {
            ["id"] = "frr_" + StripeSimulatorKeys.Random(24),
            ["object"] = "reporting.report_run",
            ["created"] = now.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["parameters"] = new JsonObject { ["interval_start"] = from, ["interval_end"] = to, ["timezone"] = form.GetValueOrDefault("parameters[timezone]") },
            ["report_type"] = StripeBill.ReportType,
            ["result"] = new JsonObject
            {
                ["id"] = fileId, ["object"] = "file", ["created"] = now.ToUnixTimeSeconds(), ["filename"] = fileId + ".csv", ["purpose"] = "finance_report_run",
                ["size"] = _reportFiles[fileId].Length, ["type"] = "csv", ["url"] = $"{shop.Value.ApiBase.TrimEnd('/')}/v1/files/{fileId}/contents",
            },
            ["status"] = "succeeded",
            ["succeeded_at"] = now.ToUnixTimeSeconds(),
        };
        _reports[report["id"]!.GetValue<string>()] = (report, now);
        return Answer(200, report);
    }
}
