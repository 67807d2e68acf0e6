using MallPortal.Core.Accounts.Regions;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Accounts;

/// <summary>A shipping address (收货地址) of one user; checkout picks from these.</summary>
public class ShippingAddress
{
    public const int NameMaxLength = 20;
    public const int DetailMinLength = 2;
    public const int DetailMaxLength = 120;

    protected ShippingAddress()
    {
    }

    public ShippingAddress(int userId, AddressInput input, DateTime createdAt)
    {
        UserId = userId;
        CreatedAt = createdAt;
        Change(input);
    }

    public int Id { get; private set; }

    public int UserId { get; private set; }

    public string RecipientName { get; private set; } = "";

    public string Mobile { get; private set; } = "";

    public string Province { get; private set; } = "";

    public string City { get; private set; } = "";

    public string District { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public bool IsDefault { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Validates every field before changing any (nothing half-saved).</summary>
    public void Change(AddressInput input)
    {
        var name = (input.RecipientName ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.AddressNameLength, NameMaxLength), nameof(RecipientName));
        }
        if (!LoginIdentifier.TryParse(input.Mobile, out var mobile) || mobile!.Kind != LoginKind.Mobile)
        {
            throw new DomainException(CoreText.InvalidMobile, nameof(Mobile));
        }
        if (!RegionCatalog.Shared.IsValid(input.Province, input.City, input.District))
        {
            throw new DomainException(CoreText.AddressRegionInvalid, nameof(District));
        }
        var detail = (input.Detail ?? "").Trim();
        if (detail.Length < DetailMinLength || detail.Length > DetailMaxLength)
        {
            throw new DomainException(string.Format(CoreText.AddressDetailLength, DetailMinLength, DetailMaxLength), nameof(Detail));
        }
        (RecipientName, Mobile, Province, City, District, Detail) = (name, mobile.Value, input.Province!, input.City!, input.District!, detail);
    }

    public void SetDefault(bool isDefault) => IsDefault = isDefault;

    public string FullText => Compose(Province, City, District, Detail);

    /// <summary>An address as people write it: a municipality's city is not repeated (北京市东城区…).</summary>
    public static string Compose(string province, string city, string district, string detail) =>
        $"{province}{(city == province ? "" : city)}{district}{detail}";
}

public sealed record AddressInput(string? RecipientName, string? Mobile, string? Province, string? City, string? District, string? Detail);

internal sealed class ShippingAddressConfiguration : IEntityTypeConfiguration<ShippingAddress>
{
    public void Configure(EntityTypeBuilder<ShippingAddress> builder)
    {
        builder.Property(a => a.RecipientName).HasMaxLength(ShippingAddress.NameMaxLength).IsRequired();
        builder.Property(a => a.Mobile).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Province).HasMaxLength(20).IsRequired();
        builder.Property(a => a.City).HasMaxLength(30).IsRequired();
        builder.Property(a => a.District).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(ShippingAddress.DetailMaxLength).IsRequired();
        builder.Ignore(a => a.FullText);
        builder.HasIndex(a => a.UserId);
        builder.HasOne<MallUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
