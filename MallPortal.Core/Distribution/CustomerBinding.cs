using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum BindingSource
{
    Link,
    Checkout,
    Admin,
}

/// <summary>Which distributor a customer belongs to now (锁粉). Changes only through <see cref="BindingPolicy"/> and are audited.</summary>
public class CustomerBinding
{
    protected CustomerBinding()
    {
    }

    public int Id { get; private set; }

    public int CustomerUserId { get; private set; }

    public int DistributorId { get; private set; }

    public int? LinkId { get; private set; }

    public ShareChannel? Channel { get; private set; }

    public BindingSource Source { get; private set; }

    public DateTime BoundAt { get; private set; }

    /// <summary>Null: permanent (first-touch). Past this moment the binding no longer attributes anything.</summary>
    public DateTime? ExpiresAt { get; private set; }

    /// <summary>Until this moment no other link can take the customer (抢客保护).</summary>
    public DateTime? ProtectedUntil { get; private set; }

    public int Version { get; private set; }

    public bool IsValidAt(DateTime now) => ExpiresAt is null || ExpiresAt > now;

    internal static CustomerBinding Create(int customerUserId, BindingTerms terms) => new CustomerBinding { CustomerUserId = customerUserId }.With(terms);

    internal void Rebind(BindingTerms terms)
    {
        With(terms);
        Version++;
    }

    private CustomerBinding With(BindingTerms t)
    {
        (DistributorId, LinkId, Channel, Source, BoundAt, ExpiresAt, ProtectedUntil) =
            (t.DistributorId, t.LinkId, t.Channel, t.Source, t.Now, t.ExpiresAt, t.ProtectedUntil);
        return this;
    }
}

internal sealed record BindingTerms(int DistributorId, int? LinkId, ShareChannel? Channel, BindingSource Source, DateTime Now,
    DateTime? ExpiresAt, DateTime? ProtectedUntil);

internal sealed class CustomerBindingConfiguration : IEntityTypeConfiguration<CustomerBinding>
{
    public void Configure(EntityTypeBuilder<CustomerBinding> builder)
    {
        builder.HasIndex(b => b.CustomerUserId).IsUnique();
        builder.HasIndex(b => b.DistributorId);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(b => b.CustomerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(b => b.DistributorId).OnDelete(DeleteBehavior.Restrict);
    }
}
