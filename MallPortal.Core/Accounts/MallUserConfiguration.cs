using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Accounts;

public sealed class MallUserConfiguration : IEntityTypeConfiguration<MallUser>
{
    public void Configure(EntityTypeBuilder<MallUser> builder)
    {
        builder.Property(u => u.Nickname).HasMaxLength(MallUser.NicknameMaxLength).IsRequired();
        builder.Property(u => u.AvatarPath).HasMaxLength(256);
        builder.Property(u => u.PhoneNumber).HasMaxLength(20);
        // One account per mobile number and per e-mail; NULLs (not given) do not collide.
        builder.HasIndex(u => u.PhoneNumber).IsUnique();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
