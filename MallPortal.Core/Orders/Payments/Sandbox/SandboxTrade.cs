using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments.Sandbox;

public enum SandboxTradeStatus
{
    Waiting,
    Paid,
    Closed,
}

/// <summary>The sandbox provider's own book of a trade, kept apart from MallPortal's payments as a real provider's would be.</summary>
public class SandboxTrade
{
    private readonly List<SandboxRefund> _refunds = [];

    protected SandboxTrade()
    {
    }

    internal SandboxTrade(string tradeNo, string outTradeNo, Money amount, string subject, string notifyUrl, string returnUrl, DateTime expiresAt, DateTime now) =>
        (TradeNo, OutTradeNo, Amount, Subject, NotifyUrl, ReturnUrl, ExpiresAt, CreatedAt) = (tradeNo, outTradeNo, amount, subject, notifyUrl, returnUrl, expiresAt, now);

    public int Id { get; private set; }

    public string TradeNo { get; private set; } = "";

    public string OutTradeNo { get; private set; } = "";

    public Money Amount { get; private set; }

    public string Subject { get; private set; } = "";

    public string NotifyUrl { get; private set; } = "";

    public string ReturnUrl { get; private set; } = "";

    public SandboxTradeStatus Status { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public IReadOnlyList<SandboxRefund> Refunds => _refunds;

    public Money Refunded => new(_refunds.Sum(r => r.Amount.Fen));

    internal void Pay(DateTime now) => (Status, PaidAt) = (SandboxTradeStatus.Paid, now);

    internal void Close() => Status = SandboxTradeStatus.Closed;

    internal void AddRefund(SandboxRefund refund) => _refunds.Add(refund);
}

/// <summary>A refund at the sandbox provider; its request number makes a repeated call a no-op.</summary>
public class SandboxRefund
{
    protected SandboxRefund()
    {
    }

    internal SandboxRefund(string refundNo, string outRequestNo, Money amount, DateTime at) =>
        (RefundNo, OutRequestNo, Amount, At) = (refundNo, outRequestNo, amount, at);

    public int Id { get; private set; }

    public int TradeId { get; private set; }

    public string RefundNo { get; private set; } = "";

    public string OutRequestNo { get; private set; } = "";

    public Money Amount { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class SandboxTradeConfiguration : IEntityTypeConfiguration<SandboxTrade>
{
    public void Configure(EntityTypeBuilder<SandboxTrade> builder)
    {
        builder.Property(t => t.TradeNo).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => t.TradeNo).IsUnique();
        builder.Property(t => t.OutTradeNo).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.OutTradeNo).IsUnique();
        builder.Property(t => t.Subject).HasMaxLength(100).IsRequired();
        builder.Property(t => t.NotifyUrl).HasMaxLength(300).IsRequired();
        builder.Property(t => t.ReturnUrl).HasMaxLength(300).IsRequired();
        builder.Ignore(t => t.Refunded);
        builder.HasMany(t => t.Refunds).WithOne().HasForeignKey(r => r.TradeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SandboxRefundConfiguration : IEntityTypeConfiguration<SandboxRefund>
{
    public void Configure(EntityTypeBuilder<SandboxRefund> builder)
    {
        builder.Property(r => r.RefundNo).HasMaxLength(40).IsRequired();
        builder.Property(r => r.OutRequestNo).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.OutRequestNo).IsUnique();
    }
}
