using System.Net;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>Keeps each sign-in's device and network as salted hashes, once a day per combination (decision 0010).</summary>
public sealed class SignInTraceRecorder(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, TimeProvider clock)
{
    public async Task RecordAsync(int userId, string? deviceId, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var salt = (await settingsStore.GetAsync(cancellationToken)).VisitorSalt;
        var device = string.IsNullOrWhiteSpace(deviceId) ? null : ClientNetwork.Hash(salt, "device|" + deviceId);
        var network = ClientNetwork.IsPublic(address) ? ClientNetwork.Hash(salt, "ip|" + address) : null;
        if (device is null && network is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = now.AddDays(-1);
        if (await db.SignInTraces.AnyAsync(t => t.UserId == userId && t.DeviceHash == device && t.NetworkHash == network && t.At >= since, cancellationToken))
        {
            return;
        }
        db.SignInTraces.Add(new SignInTrace(userId, device, network, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
