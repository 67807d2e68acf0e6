using System.Text;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments.Simulators;

/// <summary>How a simulated provider is told to misbehave, as real providers sometimes do.</summary>
public sealed class SimulatorBehaviour
{
    /// <summary>The first notification goes out this late (the return page or the query job then has to ask).</summary>
    public TimeSpan NotifyDelay { get; set; }

    /// <summary>Every notification is sent twice.</summary>
    public bool Duplicate { get; set; }

    /// <summary>No notification at all: only a query can settle the payment.</summary>
    public bool Drop { get; set; }

    /// <summary>Notifications claim this many fen more than was paid (a provider-side error the shop must refuse).</summary>
    public long AmountSkewFen { get; set; }
}

/// <summary>A notification a simulated provider owes the shop until the shop acknowledges it.</summary>
public sealed class SimulatedNotification(string url, string contentType, string body, IReadOnlyDictionary<string, string> fields,
    Func<string, IReadOnlyDictionary<string, string>>? sign, DateTimeOffset nextAttemptAt)
{
    public string Url { get; } = url;

    public string ContentType { get; } = contentType;

    public string Body { get; } = body;

    /// <summary>The form fields of a form notification (Alipay); empty for JSON ones.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    /// <summary>Headers signed afresh for each attempt (WeChat Pay's timestamp must be recent).</summary>
    internal Func<string, IReadOnlyDictionary<string, string>>? Sign { get; } = sign;

    public DateTimeOffset? NextAttemptAt { get; set; } = nextAttemptAt;

    public int Attempts { get; set; }

    public bool Delivered { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// A simulated provider's notifications: sent at once (or as <see cref="Behaviour"/> says), then again on the provider's
/// schedule until the shop gives the provider's acknowledgement, then given up.
/// </summary>
public sealed class SimulatorOutbox(IHttpClientFactory clients, string clientName, IReadOnlyList<TimeSpan> retrySchedule,
    Func<int, string, bool> acknowledged, TimeProvider clock, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedNotification> _items = [];
    private readonly SemaphoreSlim _delivering = new(1, 1);

    public SimulatorBehaviour Behaviour { get; } = new();

    public IReadOnlyList<SimulatedNotification> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToList();
            }
        }
    }

    /// <summary>Owes a notification, first due after <paramref name="delay"/> (and <see cref="SimulatorBehaviour.NotifyDelay"/>).</summary>
    public void Enqueue(string url, string contentType, string body, IReadOnlyDictionary<string, string>? fields = null,
        Func<string, IReadOnlyDictionary<string, string>>? sign = null, TimeSpan delay = default)
    {
        if (Behaviour.Drop || url.Length == 0)
        {
            return;
        }
        var due = clock.GetUtcNow() + delay + Behaviour.NotifyDelay;
        lock (_gate)
        {
            for (var copy = 0; copy < (Behaviour.Duplicate ? 2 : 1); copy++)
            {
                _items.Add(new SimulatedNotification(url, contentType, body, fields ?? new Dictionary<string, string>(), sign, due));
            }
        }
    }

    /// <summary>Sends every notification that is due; returns how many the shop acknowledged.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        await _delivering.WaitAsync(cancellationToken);
        try
        {
            List<SimulatedNotification> due;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                due = _items.Where(n => n.NextAttemptAt <= now).ToList();
            }
            var delivered = 0;
            foreach (var notification in due)
            {
                var error = await PostAsync(notification, cancellationToken);
                lock (_gate)
                {
                    notification.Attempts++;
                    notification.LastError = error;
                    notification.Delivered = error is null;
                    notification.NextAttemptAt = error is null || notification.Attempts > retrySchedule.Count
                        ? null
                        : clock.GetUtcNow() + retrySchedule[notification.Attempts - 1];
                }
                delivered += error is null ? 1 : 0;
            }
            return delivered;
        }
        finally
        {
            _delivering.Release();
        }
    }

    private async Task<string?> PostAsync(SimulatedNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(clientName);
            using var request = new HttpRequestMessage(HttpMethod.Post, notification.Url)
            {
                Content = new StringContent(notification.Body, Encoding.UTF8, notification.ContentType),
            };
            foreach (var (name, value) in notification.Sign?.Invoke(notification.Body) ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return acknowledged((int)response.StatusCode, text) ? null : $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 100)]}";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A real provider treats any failure to hear the acknowledgement the same way: it tries again later.
            logger.LogInformation("Simulated provider could not notify {Url}: {Error}", notification.Url, ex.Message);
            return ex.Message;
        }
    }
}
