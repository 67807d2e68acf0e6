namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>
/// Posts one notification and reads the answer; anything but exactly "success" counts as not delivered. A client
/// per call from the factory, so its handler is renewed although this sender lives as long as the app.
/// </summary>
public sealed class SandboxCallbackSender(IHttpClientFactory clients)
{
    public const string ClientName = "sandbox-callbacks";

    /// <summary>Null when the shop acknowledged; otherwise what went wrong.</summary>
    public async Task<string?> SendAsync(string url, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(ClientName);
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await http.PostAsync(url, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode && text == SandboxGateway.SuccessBody ? null : $"HTTP {(int)response.StatusCode}: {text}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex.Message;
        }
    }
}
