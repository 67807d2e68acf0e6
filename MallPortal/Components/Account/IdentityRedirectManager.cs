using MallPortal.Hosting;
using Microsoft.AspNetCore.Components;

namespace MallPortal.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    /// <summary>Redirects to a local address only; anything else (another host, a script URL) goes to the fallback.</summary>
    public void RedirectTo(string? uri, string fallback = "/") =>
        navigationManager.NavigateTo(LocalUrl.OrDefault(uri, fallback));
}
