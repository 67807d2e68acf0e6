using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Files;
using MallPortal.Core.Orders.AfterSales;

namespace MallPortal.Hosting;

public static class FileEndpoints
{
    private static readonly string[] PublicFolders = ["avatars", "products", "shops", "reviews"];

    /// <summary>
    /// Public uploads (avatars, product and shop pictures, review photos); a case's evidence photos for its buyer, shop
    /// and admins; a licence scan only for admins. Every file is a JPEG we re-encoded, sent as image/jpeg with nosniff, so
    /// a browser never reads one as HTML or script; private ones are never cached.
    /// </summary>
    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder endpoints)
    {
        foreach (var folder in PublicFolders)
        {
            endpoints.MapGet($"/files/{folder}/{{name}}", async (string name, IFileStore files, HttpContext context) =>
            {
                if (!IsJpegName(name))
                {
                    return Results.NotFound();
                }
                var stream = await files.OpenReadAsync($"{folder}/{name}", context.RequestAborted);
                // Names are unique per upload, so a file never changes under its name.
                context.Response.Headers.CacheControl = "public, max-age=2592000, immutable";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return stream is null ? Results.NotFound() : Results.File(stream, "image/jpeg");
            });
        }
        endpoints.MapGet("/files/aftersales/{month}/{name}", async (string month, string name, HttpContext context, AfterSalePhotoService photos) =>
        {
            var stream = IsJpegName(name) && month.All(char.IsAsciiDigit)
                ? await photos.OpenAsync(context.User.ToActor(), $"aftersales/{month}/{name}", context.RequestAborted)
                : null;
            return PrivateFile(context, stream);
        }).RequireAuthorization();
        endpoints.MapGet("/admin/merchant-applications/{id:int}/licence", async (int id, HttpContext context, MerchantApplicationService applications) =>
            PrivateFile(context, await applications.OpenLicenceAsync(context.User.ToActor(), id))).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return endpoints;
    }

    /// <summary>A file only some users may see: not kept by the browser or any proxy, never sniffed.</summary>
    public static IResult PrivateFile(HttpContext context, Stream? stream)
    {
        context.Response.Headers.CacheControl = "no-store, private";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return stream is null ? Results.NotFound() : Results.File(stream, "image/jpeg");
    }

    private static bool IsJpegName(string name) =>
        !name.Contains("..") && !name.Contains('/') && !name.Contains('\\') && name.EndsWith(".jpg", StringComparison.Ordinal);
}
