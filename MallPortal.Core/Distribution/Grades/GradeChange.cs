using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Grades;

/// <summary>One grade change of a distributor (append-only): from, to, the settled sales that earned it, when.</summary>
public class GradeChange
{
    protected GradeChange()
    {
    }

    internal GradeChange(int distributorId, int? fromGradeId, int toGradeId, long settledSalesFen, DateTime at) =>
        (DistributorId, FromGradeId, ToGradeId, SettledSalesFen, At) = (distributorId, fromGradeId, toGradeId, settledSalesFen, at);

    public long Id { get; private set; }

    public int DistributorId { get; private set; }

    public int? FromGradeId { get; private set; }

    public int ToGradeId { get; private set; }

    public long SettledSalesFen { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> builder)
    {
        builder.HasIndex(c => new { c.DistributorId, c.At });
        builder.HasOne<Distributor>().WithMany().HasForeignKey(c => c.DistributorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DistributorGrade>().WithMany().HasForeignKey(c => c.ToGradeId).OnDelete(DeleteBehavior.Restrict);
    }
}
