using System.Globalization;
using MallPortal.Core.Common;
using Microsoft.Extensions.Options;
using Stripe;
using StripeRefund = global::Stripe.Refund;

namespace MallPortal.Core.Orders.Payments.Stripe;

/// <summary>
/// 银行卡 through Stripe: a PaymentIntent per payment (its number in the metadata), confirmed in the buyer's browser by
/// Stripe.js with the client secret; webhooks signed with the endpoint secret (<see cref="StripeWebhook"/>); refunds that
/// are pending before they succeed; query and close by a search on the metadata.
/// </summary>
public sealed class StripeGateway(StripeClient stripe, StripeKeys keys, IOptions<StripeOptions> options, TimeProvider clock, IHttpClientFactory clients)
    : IPaymentGateway, Bills.IBillSource
{
    public const string GatewayName = "stripe";

    public const string PaymentNumberKey = "payment_number";

    public const string RefundNumberKey = "refund_number";

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities =>
        GatewayCapabilities.Refund | GatewayCapabilities.PartialRefund | GatewayCapabilities.Query | GatewayCapabilities.Close;

    public bool PaysOnline => true;

    public GatewayAnswer Answer(bool accepted) => accepted ? StripeWebhook.Received : StripeWebhook.Refused;

    public GatewayVerification Verify(GatewayCallback callback) => StripeWebhook.Verify(callback, keys.WebhookSecret, options.Value, clock.GetUtcNow());

    public async Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        // The same payment and amount reuse the same key, so coming back to the pay page finds the intent it opened
        // (Stripe keeps idempotency keys for 24 hours, far longer than an order waits for payment).
        var intent = await CallAsync("create PaymentIntent", () => stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = request.Amount.Fen,
            Currency = options.Value.Currency,
            // Cards only, and never a redirecting method: the pay page's card form is the whole flow.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Description = request.Subject[..Math.Min(request.Subject.Length, 200)],
            Metadata = new Dictionary<string, string> { [PaymentNumberKey] = request.PaymentNumber },
        }, Idempotent($"pi-{request.PaymentNumber}-{request.Amount.Fen.ToString(CultureInfo.InvariantCulture)}"), cancellationToken));
        return new ScriptStart(options.Value.JsUrl, new Dictionary<string, string>
        {
            ["publishable_key"] = options.Value.PublishableKey,
            ["client_secret"] = intent.ClientSecret,
            ["return_url"] = request.ReturnUrl,
        });
    }

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var intentId = request.GatewayTradeNo ?? (await SearchAsync(request.PaymentNumber, cancellationToken)).FirstOrDefault(i => i.Status == "succeeded")?.Id;
            if (intentId is null)
            {
                return GatewayRefundResult.Failed($"no paid PaymentIntent for {request.PaymentNumber}");
            }
            // The refund number is the idempotency key: a repeated request returns the same refund, never a second one.
            var refund = await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = intentId,
                Amount = request.Amount.Fen,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string> { [RefundNumberKey] = request.RefundNumber, [PaymentNumberKey] = request.PaymentNumber },
            }, Idempotent("re-" + request.RefundNumber), cancellationToken);
            return RefundResult(refund);
        }
        catch (StripeException ex)
        {
            return GatewayRefundResult.Failed(ex.StripeError?.Message ?? ex.Message);
        }
        catch (PaymentGatewayException ex)
        {
            return GatewayRefundResult.Failed(ex.Message);
        }
    }

    public async Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken)
    {
        foreach (var intent in await SearchAsync(paymentNumber, cancellationToken))
        {
            var refunds = await CallAsync("list refunds", () => stripe.V1.Refunds.ListAsync(new RefundListOptions { PaymentIntent = intent.Id, Limit = 100 },
                cancellationToken: cancellationToken));
            if (refunds.Data.FirstOrDefault(r => r.Metadata?.GetValueOrDefault(RefundNumberKey) == refundNumber) is { } refund)
            {
                return RefundResult(refund);
            }
        }
        return GatewayRefundResult.Failed($"Stripe knows no refund {refundNumber}");
    }

    public async Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var intents = await SearchAsync(paymentNumber, cancellationToken);
        if (intents.FirstOrDefault(i => i.Status == "succeeded") is { } paid)
        {
            return new GatewayTrade(GatewayTradeState.Paid, new Money(paid.AmountReceived), paid.Id);
        }
        return intents.Count == 0 ? GatewayTrade.NotFound
            : intents.All(i => i.Status == "canceled") ? new GatewayTrade(GatewayTradeState.Closed, new Money(intents[0].Amount), intents[0].Id)
            : new GatewayTrade(GatewayTradeState.WaitingForPayment, new Money(intents[0].Amount), intents[0].Id);
    }

    public async Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        foreach (var intent in await SearchAsync(paymentNumber, cancellationToken))
        {
            if (intent.Status == "succeeded")
            {
                return false;
            }
            if (intent.Status != "canceled")
            {
                try
                {
                    await stripe.V1.PaymentIntents.CancelAsync(intent.Id, new PaymentIntentCancelOptions { CancellationReason = "abandoned" },
                        cancellationToken: cancellationToken);
                }
                catch (StripeException ex) when (ex.StripeError?.Code == "payment_intent_unexpected_state")
                {
                    // Paid in the meantime: the caller then settles it.
                    var now = await CallAsync("retrieve PaymentIntent", () => stripe.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: cancellationToken));
                    return now.Status != "succeeded" ? throw new PaymentGatewayException($"Stripe close: {ex.Message}", ex) : false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// A China day's itemized balance-change report: the run is asked for under an idempotency key of the day (asking
    /// again finds the same run), and until Stripe has prepared it the import says so and is tried again at the next hour.
    /// The finished report's file is fetched with the secret key.
    /// </summary>
    public async Task<Bills.GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var reports = new global::Stripe.Reporting.ReportRunService(stripe);
        var asked = await CallAsync("report run", () => reports.CreateAsync(new global::Stripe.Reporting.ReportRunCreateOptions
        {
            ReportType = StripeBill.ReportType,
            Parameters = new global::Stripe.Reporting.ReportRunParametersOptions
            {
                IntervalStart = Bills.BillDay.Start(day).UtcDateTime, IntervalEnd = Bills.BillDay.Start(day.AddDays(1)).UtcDateTime,
                Timezone = "Asia/Shanghai", Columns = [.. StripeBill.Columns],
            },
        }, Idempotent($"report-{day:yyyyMMdd}"), cancellationToken));
        var run = await CallAsync("report run", () => reports.GetAsync(asked.Id, cancellationToken: cancellationToken));
        if (run.Status != "succeeded" || run.Result?.Url is not { Length: > 0 } url)
        {
            throw new PaymentGatewayException($"Stripe report {day:yyyy-MM-dd}: {run.Status} {run.Error}".Trim());
        }
        try
        {
            using var http = clients.CreateClient(GatewayName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", keys.SecretKey);
            using var response = await http.SendAsync(request, cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? new Bills.GatewayBill($"stripe_{day:yyyyMMdd}_balance_change.csv", content, StripeBill.Parse(content))
                : throw new PaymentGatewayException($"Stripe report file: HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayException($"Stripe report file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The payment's intents by their metadata. Stripe's search is eventually consistent (an intent may take up to a
    /// minute to show): a query that finds nothing yet is asked again by the query job at 1, 5 and 15 minutes.
    /// </summary>
    private async Task<List<PaymentIntent>> SearchAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var found = await CallAsync("search PaymentIntents", () => stripe.V1.PaymentIntents.SearchAsync(
            new PaymentIntentSearchOptions { Query = $"metadata['{PaymentNumberKey}']:'{paymentNumber.Replace("'", "", StringComparison.Ordinal)}'", Limit = 10 },
            cancellationToken: cancellationToken));
        return found.Data;
    }

    private static GatewayRefundResult RefundResult(StripeRefund refund) => StripeWebhook.RefundState(refund.Status) switch
    {
        GatewayRefundState.Succeeded => GatewayRefundResult.Done(refund.Id),
        GatewayRefundState.Processing => GatewayRefundResult.Processing(refund.Id),
        _ => GatewayRefundResult.Failed($"{refund.Status} {refund.FailureReason}".Trim()),
    };

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };

    private static async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException ex)
        {
            throw new PaymentGatewayException($"Stripe {what}: {ex.StripeError?.Code} {ex.StripeError?.Message ?? ex.Message}".Trim(), ex);
        }
    }
}
