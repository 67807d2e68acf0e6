using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Data;

/// <summary>Records that one module's demo seeder has run, so each runs once per database.</summary>
public class DemoSeedRun
{
    protected DemoSeedRun()
    {
    }

    public DemoSeedRun(string name, DateTime ranAt)
    {
        Name = name;
        RanAt = ranAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateTime RanAt { get; private set; }
}

internal sealed class DemoSeedRunConfiguration : IEntityTypeConfiguration<DemoSeedRun>
{
    public void Configure(EntityTypeBuilder<DemoSeedRun> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
