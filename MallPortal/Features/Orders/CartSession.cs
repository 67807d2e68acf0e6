using System.Security.Cryptography;
using MallPortal.Core.Orders;
using MallPortal.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace MallPortal.Features.Orders;

/// <summary>
/// Whose cart this circuit shows: the signed-in user's, or a guest's kept by a random token in the browser's
/// localStorage. The first time a signed-in circuit asks, a guest cart left in this browser joins the user's.
/// Needs JavaScript, so call it after the first render.
/// </summary>
public sealed class CartSession(IJSRuntime js, AuthenticationStateProvider auth, CartService carts, ILogger<CartSession> logger)
{
    private const string StorageKey = "mallportal-guest-cart";
    private Task? _merge;

    /// <summary>Null for a guest without a cart yet (unless <paramref name="create"/>), or when JavaScript is not available.</summary>
    public async Task<CartOwner?> OwnerAsync(bool create = false)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var actor = user.ToActor();
            await (_merge ??= MergeAsync(actor));
            return CartOwner.User(actor.UserId);
        }
        var token = await ReadTokenAsync();
        if (token is null && create)
        {
            token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await js.InvokeVoidAsync("localStorage.setItem", StorageKey, token);
        }
        return token is null ? null : CartOwner.Guest(token);
    }

    private async Task MergeAsync(Core.Common.Actor actor)
    {
        var token = await ReadTokenAsync();
        if (token is not null)
        {
            await carts.MergeGuestAsync(actor, token);
            await js.InvokeVoidAsync("localStorage.removeItem", StorageKey);
        }
    }

    private async Task<string?> ReadTokenAsync()
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
        }
        catch (InvalidOperationException ex)
        {
            // Prerendering: no browser yet. The component asks again after its first render.
            logger.LogDebug(ex, "No JavaScript for the guest cart yet");
            return null;
        }
    }
}
