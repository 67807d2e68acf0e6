using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Risk;

/// <summary>A buyer starting a payment: who, which payment, and from which device and public network (salted hashes only).</summary>
public class PaymentAttempt
{
    protected PaymentAttempt()
    {
    }

    internal PaymentAttempt(int userId, string paymentNumber, string? deviceHash, string? networkHash, DateTime at) =>
        (UserId, PaymentNumber, DeviceHash, NetworkHash, At) = (userId, paymentNumber, deviceHash, networkHash, at);

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public string PaymentNumber { get; private set; } = "";

    public string? DeviceHash { get; private set; }

    public string? NetworkHash { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>A card the provider reported tried (and declined) for this payment, as a salted hash; null for a start from the browser.</summary>
    public string? CardHash { get; private set; }

    internal static PaymentAttempt ByCard(int userId, string paymentNumber, string cardHash, DateTime at) =>
        new(userId, paymentNumber, null, null, at) { CardHash = cardHash };
}

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> builder)
    {
        builder.Property(a => a.PaymentNumber).HasMaxLength(32).IsRequired();
        builder.Property(a => a.DeviceHash).HasMaxLength(64);
        builder.Property(a => a.NetworkHash).HasMaxLength(64);
        builder.Property(a => a.CardHash).HasMaxLength(64);
        builder.HasIndex(a => new { a.CardHash, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.DeviceHash, a.At });
        builder.HasIndex(a => new { a.NetworkHash, a.At });
        builder.HasIndex(a => a.PaymentNumber);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
