using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace MallPortal.Hosting;

/// <summary>
/// Blazor persists an antiforgery request token into every interactive prerender (and sets the antiforgery cookie). A page
/// that may go into the shared output cache must carry no one's token: there none is minted. Such pages post no forms
/// (guests' shop pages); a signed-in user's page, where the sign-out form needs it, is never cached and gets its token.
/// </summary>
internal sealed class GuestPageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        PageCaching.MayStore(httpContext) ? None : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        PageCaching.MayStore(httpContext) ? None : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private AntiforgeryTokenSet None => new(null, null, options.Value.FormFieldName, options.Value.HeaderName);
}
