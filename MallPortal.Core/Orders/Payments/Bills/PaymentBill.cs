using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>A provider's daily trade bill as imported: the file itself (kept for audit, with its SHA-256) and its totals.</summary>
public class PaymentBill
{
    protected PaymentBill()
    {
    }

    internal PaymentBill(string gateway, DateOnly day) => (Gateway, Day) = (gateway, day);

    public int Id { get; private set; }

    public string Gateway { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public string FileName { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public string Sha256 { get; private set; } = "";

    public int Payments { get; private set; }

    public long PaymentsFen { get; private set; }

    public int Refunds { get; private set; }

    public long RefundsFen { get; private set; }

    public DateTime ImportedAt { get; private set; }

    /// <summary>Null when the daily job imported it.</summary>
    public int? ImportedByUserId { get; private set; }

    /// <summary>A new download of the day replaces the file and its totals.</summary>
    internal void Take(GatewayBill bill, int? actorUserId, DateTime now)
    {
        (FileName, Content, Sha256) = (bill.FileName, bill.Content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bill.Content)));
        var payments = bill.Lines.Where(l => l.Kind == BillLineKind.Payment).ToList();
        var refunds = bill.Lines.Where(l => l.Kind == BillLineKind.Refund).ToList();
        (Payments, PaymentsFen, Refunds, RefundsFen) = (payments.Count, payments.Sum(l => l.Amount.Fen), refunds.Count, refunds.Sum(l => l.Amount.Fen));
        (ImportedAt, ImportedByUserId) = (now, actorUserId);
    }
}

internal sealed class PaymentBillConfiguration : IEntityTypeConfiguration<PaymentBill>
{
    public void Configure(EntityTypeBuilder<PaymentBill> builder)
    {
        builder.Property(b => b.Gateway).HasMaxLength(20).IsRequired();
        builder.Property(b => b.FileName).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => new { b.Gateway, b.Day }).IsUnique();
    }
}
