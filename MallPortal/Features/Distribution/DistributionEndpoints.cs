using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Hosting;

namespace MallPortal.Features.Distribution;

public static class DistributionEndpoints
{
    /// <summary>Promotion redirects and invitations (public), QR codes and posters (their distributor), application documents (admins).</summary>
    public static IEndpointRouteBuilder MapDistributionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/r/{code}", PromotionRedirect.HandleAsync);
        endpoints.MapGet("/i/{code}", (string code) => ShortCodes.TryNormalize(code, ShortCodes.InviteLength, out var invite)
            ? Results.Redirect($"/account/become-distributor?invite={invite}")
            : Results.Redirect("/account/become-distributor"));

        var mine = endpoints.MapGroup("/distributor/files").RequireAuthorization(p => p.RequireRole(Roles.Distributor));
        // Showing a QR code or poster on the page is not a share; downloading it (?download=1) is.
        mine.MapGet("/links/{code}/qr.{format}", (string code, string format, int? download, HttpContext context, PromotionService promotion,
            PublicAddress address) =>
            OwnAsync(async () =>
            {
                await promotion.CheckOwnAsync(context.User.ToActor(), code, download == 1, context.RequestAborted);
                return Qr($"{Base(context, address)}/r/{code}", format, $"推广码-{code}");
            }));
        mine.MapGet("/links/{code}/poster.png", (string code, int? download, HttpContext context, PromotionService promotion, PublicAddress address) =>
            OwnAsync(async () =>
            {
                var actor = context.User.ToActor();
                var poster = await promotion.PosterAsync(actor, code, Base(context, address), context.RequestAborted);
                await promotion.CheckOwnAsync(actor, code, download == 1, context.RequestAborted);
                context.Response.Headers["X-Poster-Text"] = poster.HasText ? "1" : "0";
                return download == 1 ? Results.File(poster.Png, "image/png", $"海报-{code}.png") : Results.File(poster.Png, "image/png");
            }));
        mine.MapGet("/invite/qr.{format}", async (string format, HttpContext context, DistributorQueries queries, PublicAddress address) =>
        {
            var me = await queries.MeAsync(context.User.ToActor(), context.RequestAborted);
            return Qr($"{Base(context, address)}/i/{me.InviteCode}", format, $"邀请码-{me.InviteCode}");
        });

        endpoints.MapGet("/admin/distributor-applications/{id:int}/documents/{index:int}",
            async (int id, int index, HttpContext context, DistributorApplicationService applications) =>
            {
                var stream = await applications.OpenDocumentAsync(context.User.ToActor(), id, index, context.RequestAborted);
                return FileEndpoints.PrivateFile(context, stream);
            }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return endpoints;
    }

    /// <summary>Another distributor's code, or one that does not exist, is simply not found.</summary>
    private static async Task<IResult> OwnAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException)
        {
            return Results.NotFound();
        }
    }

    private static IResult Qr(string url, string format, string name) => format switch
    {
        "png" => Results.File(QrCodes.Png(url), "image/png", name + ".png"),
        "svg" => Results.File(System.Text.Encoding.UTF8.GetBytes(QrCodes.Svg(url)), "image/svg+xml", name + ".svg"),
        _ => Results.NotFound(),
    };

    private static string Base(HttpContext context, PublicAddress address) =>
        address.BaseFor($"{context.Request.Scheme}://{context.Request.Host}").TrimEnd('/');
}
