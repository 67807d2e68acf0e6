using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Accounts;

/// <summary>The four roles are part of the schema: every migrated database has them, with fixed ids.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> builder) =>
        builder.HasData(Roles.All.Select((name, index) => new IdentityRole<int>
        {
            Id = index + 1,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"mallportal-role-{index + 1}",
        }));
}
