using System.Security.Cryptography;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Accounts;

/// <summary>
/// One 6-digit code sent to a phone or e-mail for one purpose. Only a salted hash is stored; it
/// expires, works once, and dies after too many wrong tries.
/// </summary>
public class VerificationCode
{
    protected VerificationCode()
    {
    }

    private VerificationCode(string target, VerificationPurpose purpose, string salt, string hash, string clientIp, DateTime now, TimeSpan lifetime)
    {
        Target = target;
        Purpose = purpose;
        Salt = salt;
        CodeHash = hash;
        ClientIp = clientIp;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public long Id { get; private set; }

    public string Target { get; private set; } = "";

    public VerificationPurpose Purpose { get; private set; }

    public string Salt { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public string ClientIp { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTime? ConsumedAt { get; private set; }

    /// <summary>A new code from a CSPRNG; the plain code is returned once, to be sent.</summary>
    public static (VerificationCode Entity, string Code) Issue(
        string target, VerificationPurpose purpose, string clientIp, DateTime now, TimeSpan lifetime)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return (new VerificationCode(target, purpose, salt, Hash(salt, code), clientIp, now, lifetime), code);
    }

    /// <summary>Consumes the code when it matches; otherwise counts the try and throws the reason.</summary>
    public void Consume(string code, DateTime now, int maxWrongAttempts)
    {
        if (ConsumedAt is not null || FailedAttempts >= maxWrongAttempts)
        {
            throw new DomainException(CoreText.CodeUsedUp, "Code");
        }
        if (now >= ExpiresAt)
        {
            throw new DomainException(CoreText.CodeExpired, "Code");
        }
        var given = Encoding.ASCII.GetBytes(Hash(Salt, code.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeHash)))
        {
            FailedAttempts++;
            throw new DomainException(FailedAttempts >= maxWrongAttempts ? CoreText.CodeUsedUp : CoreText.CodeWrong, "Code");
        }
        ConsumedAt = now;
    }

    private static string Hash(string salt, string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}

internal sealed class VerificationCodeConfiguration : IEntityTypeConfiguration<VerificationCode>
{
    public void Configure(EntityTypeBuilder<VerificationCode> builder)
    {
        builder.Property(c => c.Target).HasMaxLength(254).IsRequired();
        builder.Property(c => c.Salt).HasMaxLength(32).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ClientIp).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => new { c.Target, c.CreatedAt });
        builder.HasIndex(c => new { c.ClientIp, c.CreatedAt });
    }
}
