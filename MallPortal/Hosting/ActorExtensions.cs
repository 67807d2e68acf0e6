using System.Security.Claims;
using MallPortal.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace MallPortal.Hosting;

public static class ActorExtensions
{
    /// <summary>The acting user, from the cookie's claims, for passing into services.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The user is not signed in."));
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new Actor(id, roles);
    }

    public static async Task<Actor> GetActorAsync(this Task<AuthenticationState> state) =>
        (await state).User.ToActor();
}
