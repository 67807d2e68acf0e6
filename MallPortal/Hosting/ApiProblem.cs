using Microsoft.AspNetCore.Mvc;

namespace MallPortal.Hosting;

/// <summary>
/// The one way a refusal is told to a program rather than a person: a problem document (RFC 9457) for the JSON API under
/// <c>/api</c> and for any caller that asks for JSON; a person's browser gets a page or a redirect instead.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static bool IsWanted(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.HasValue && a.MediaType.Value!.EndsWith("json", StringComparison.OrdinalIgnoreCase));

    public static Task WriteAsync(HttpResponse response, int status, string title, string? detail = null, string? type = null,
        CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type };
        return response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ContentType, cancellationToken);
    }
}
