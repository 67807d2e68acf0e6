using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Common;

/// <summary>How a browser's device and network are kept: only as salted hashes, and only public addresses.</summary>
public static class ClientNetwork
{
    /// <summary>A salted SHA-256 of a key (half of it, hex): stable for the same salt, meaningless without it.</summary>
    public static string Hash(string salt, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "|" + key)), 0, 16);

    /// <summary>
    /// Loopback, private and link-local addresses say nothing about a person: on one server behind a proxy, or in tests, every
    /// request has them.
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
