using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Grades;

/// <summary>
/// A platform-defined distributor grade (普通 / 银牌 / 金牌 …): reached by the distributor's own settled sales only (never by
/// recruiting, which would be 拉人头), with rates per level that replace a shop's when they are higher.
/// </summary>
public class DistributorGrade
{
    public const int NameMaxLength = 10;

    protected DistributorGrade()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The distributor's own settled sales (the paid amounts of the lines it sold directly, after the after-sales window) that reach it.</summary>
    public long SettledSalesFen { get; private set; }

    public int Level1Bp { get; private set; }

    public int Level2Bp { get; private set; }

    public int Level3Bp { get; private set; }

    public IReadOnlyList<BasisPoints> Rates => [new(Level1Bp), new(Level2Bp), new(Level3Bp)];

    internal static DistributorGrade Create(GradeInput input, BasisPoints cap)
    {
        var grade = new DistributorGrade();
        grade.Change(input, cap);
        return grade;
    }

    internal void Change(GradeInput input, BasisPoints cap)
    {
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.GradeNameRequired, NameMaxLength), nameof(Name));
        }
        if (input.SettledSalesFen < 0)
        {
            throw new DomainException(CoreText.GradeThresholdNegative, nameof(SettledSalesFen));
        }
        int[] rates = [input.Level1Bp, input.Level2Bp, input.Level3Bp];
        if (rates.Any(r => r < 0))
        {
            throw new DomainException(CoreText.CommissionRateNegative, nameof(Level1Bp));
        }
        if (rates.Sum() > cap.Value)
        {
            throw new DomainException(string.Format(CoreText.CommissionRatesOverCap, cap), nameof(Level1Bp));
        }
        (Name, SettledSalesFen, Level1Bp, Level2Bp, Level3Bp) = (name, input.SettledSalesFen, rates[0], rates[1], rates[2]);
    }
}

public sealed record GradeInput(string? Name, long SettledSalesFen, int Level1Bp, int Level2Bp, int Level3Bp);

internal sealed class DistributorGradeConfiguration : IEntityTypeConfiguration<DistributorGrade>
{
    public void Configure(EntityTypeBuilder<DistributorGrade> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(DistributorGrade.NameMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasIndex(g => g.SettledSalesFen).IsUnique();
        builder.Ignore(g => g.Rates);
    }
}
