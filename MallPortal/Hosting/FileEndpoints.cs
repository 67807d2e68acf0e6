using MallPortal.Core.Files;

namespace MallPortal.Hosting;

public static class FileEndpoints
{
    /// <summary>Public uploads (avatars). Private documents get their own authorized endpoints.</summary>
    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/avatars/{name}", (string name, IFileStore files) =>
        {
            if (name.Contains("..") || name.Contains('/') || !name.EndsWith(".jpg", StringComparison.Ordinal))
            {
                return Results.NotFound();
            }
            var stream = files.OpenRead("avatars/" + name);
            return stream is null ? Results.NotFound() : Results.File(stream, "image/jpeg");
        });
        return endpoints;
    }
}
