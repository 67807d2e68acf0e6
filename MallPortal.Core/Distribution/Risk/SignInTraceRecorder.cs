using System.Net;
using System.Net.Sockets;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>Keeps each sign-in's device and network as salted hashes, once a day per combination (decision 0010).</summary>
public sealed class SignInTraceRecorder(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, TimeProvider clock)
{
    public async Task RecordAsync(int userId, string? deviceId, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var salt = (await settingsStore.GetAsync(cancellationToken)).VisitorSalt;
        var device = string.IsNullOrWhiteSpace(deviceId) ? null : VisitorClassifier.Hash(salt, "device|" + deviceId);
        var network = IsPublic(address) ? VisitorClassifier.Hash(salt, "ip|" + address) : null;
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

    /// <summary>
    /// Loopback, private and link-local addresses say nothing about a person: on one server behind a proxy, or in tests, every
    /// sign-in has them.
    /// </summary>
    public static bool IsPublic(IPAddress? address)
    {
        if (address is null || IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 127 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
                 || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }
}
