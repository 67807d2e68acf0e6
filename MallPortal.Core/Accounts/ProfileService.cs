using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>The acting user's own profile: nickname, gender, birthday, avatar.</summary>
public sealed class ProfileService(
    IDbContextFactory<MallDbContext> contexts, IFileStore files, ILiveUpdates live, BusinessTimeZone timeZone, TimeProvider clock)
{
    public const long MaxAvatarBytes = 2 * 1024 * 1024;
    public const int AvatarSize = 256;

    /// <summary>Lets a page refuse an oversize upload before reading it.</summary>
    public static void EnsureAvatarSize(long bytes) => ImageCheck.EnsureSize(bytes, MaxAvatarBytes, "Avatar");

    public async Task UpdateAsync(Actor actor, ProfileInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        var today = DateOnly.FromDateTime(timeZone.ToLocal(clock.GetUtcNow().UtcDateTime));
        user.UpdateProfile(input.Nickname, input.Gender, input.Birthday, today);
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new ProfileChanged(actor.UserId), cancellationToken);
    }

    /// <summary>Checks the upload by content, stores a 256 px square JPEG and returns its path.</summary>
    public async Task<string> ChangeAvatarAsync(Actor actor, byte[] upload, CancellationToken cancellationToken = default)
    {
        var jpeg = ImageCheck.ToSquareJpeg(upload, MaxAvatarBytes, AvatarSize, "Avatar");
        var path = $"avatars/{actor.UserId}-{Guid.NewGuid():N}.jpg";
        await files.SaveAsync(path, jpeg, cancellationToken);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        var old = user.AvatarPath;
        user.ChangeAvatar(path);
        await db.SaveChangesAsync(cancellationToken);
        if (old is not null)
        {
            await files.DeleteAsync(old, cancellationToken);
        }
        await live.PublishAsync(new ProfileChanged(actor.UserId), cancellationToken);
        return path;
    }
}

public sealed record ProfileInput(string Nickname, Gender Gender, DateOnly? Birthday);

/// <summary>Live update: a user's nickname or avatar changed (the app bar shows them).</summary>
public sealed record ProfileChanged(int UserId);
