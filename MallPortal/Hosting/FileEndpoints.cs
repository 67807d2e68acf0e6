using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Files;

namespace MallPortal.Hosting;

public static class FileEndpoints
{
    private static readonly string[] PublicFolders = ["avatars", "products", "shops", "reviews"];

    /// <summary>Public uploads (avatars, product and shop pictures); a licence scan only for admins.</summary>
    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder endpoints)
    {
        foreach (var folder in PublicFolders)
        {
            endpoints.MapGet($"/files/{folder}/{{name}}", async (string name, IFileStore files, HttpContext context) =>
            {
                if (name.Contains("..") || name.Contains('/') || !name.EndsWith(".jpg", StringComparison.Ordinal))
                {
                    return Results.NotFound();
                }
                var stream = await files.OpenReadAsync($"{folder}/{name}", context.RequestAborted);
                // Names are unique per upload, so a file never changes under its name.
                context.Response.Headers.CacheControl = "public, max-age=2592000, immutable";
                return stream is null ? Results.NotFound() : Results.File(stream, "image/jpeg");
            });
        }
        endpoints.MapGet("/admin/merchant-applications/{id:int}/licence", async (int id, HttpContext context, MerchantApplicationService applications) =>
        {
            var stream = await applications.OpenLicenceAsync(context.User.ToActor(), id);
            return stream is null ? Results.NotFound() : Results.File(stream, "image/jpeg");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return endpoints;
    }
}
