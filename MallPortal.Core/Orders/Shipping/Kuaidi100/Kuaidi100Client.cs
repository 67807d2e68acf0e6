using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Shipping.Kuaidi100;

/// <summary>Posts one subscription (schema=json, param=…) and reads Kuaidi100's answer; a network failure is an answer too.</summary>
public sealed class Kuaidi100Client(IHttpClientFactory clients, ILogger<Kuaidi100Client> logger)
{
    public const string ClientName = "kuaidi100";

    public async Task<SubscribeAnswer> SubscribeAsync(string pollUrl, SubscribeParam param, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(ClientName);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["schema"] = "json",
                ["param"] = JsonSerializer.Serialize(param, Kuaidi100Protocol.Json),
            });
            using var response = await http.PostAsync(pollUrl, form, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonSerializer.Deserialize<SubscribeAnswer>(text, Kuaidi100Protocol.Json) ?? new SubscribeAnswer(false, "500", text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            logger.LogWarning(ex, "Kuaidi100 subscription for {Company} {Number} failed", param.Company, param.Number);
            return new SubscribeAnswer(false, "500", ex.Message);
        }
    }

    /// <summary>Bad data, a carrier that refuses or is not recognised: trying again will not help, the merchant follows it by hand.</summary>
    public static bool IsPermanent(string? code) => code is "700" or "701" or "702";

    /// <summary>501: already polling this number, which is what was asked for.</summary>
    public static bool IsAccepted(SubscribeAnswer answer) => answer.Result || answer.ReturnCode is "200" or "501";
}
