using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments;

public enum PaymentStatus
{
    Pending,
    Paid,
    Closed,
}

/// <summary>
/// One payment covering every order of a checkout (or one re-payment of a single order). Its number is the
/// out_trade_no the gateway sees; only a verified gateway notification marks it paid.
/// </summary>
public class Payment
{
    protected Payment()
    {
    }

    internal Payment(string number, int buyerUserId, string gateway, Money amount, string idempotencyKey, DateTime now) =>
        (Number, BuyerUserId, Gateway, Amount, IdempotencyKey, CreatedAt) = (number, buyerUserId, gateway, amount, idempotencyKey, now);

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public int BuyerUserId { get; private set; }

    public string Gateway { get; private set; } = "";

    public Money Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string? GatewayTradeNo { get; private set; }

    public Money Refunded { get; private set; }

    /// <summary>The checkout page's key: a second submit of the same page finds this payment instead of buying twice.</summary>
    public string IdempotencyKey { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    /// <summary>False when it was already paid: a repeated or second "paid" notification changes nothing.</summary>
    internal bool MarkPaid(string? gatewayTradeNo, DateTime now)
    {
        if (Status == PaymentStatus.Paid)
        {
            return false;
        }
        (Status, GatewayTradeNo, PaidAt) = (PaymentStatus.Paid, gatewayTradeNo, now);
        return true;
    }

    /// <summary>Cash on delivery: the money arrives with the courier.</summary>
    internal void MarkCollected(DateTime now) => (Status, PaidAt) = (PaymentStatus.Paid, PaidAt ?? now);

    internal void Close() => Status = Status == PaymentStatus.Pending ? PaymentStatus.Closed : Status;

    internal void AddRefund(Money amount)
    {
        if (Refunded + amount > Amount)
        {
            throw new InvalidOperationException("Refunds would exceed the payment.");
        }
        Refunded += amount;
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Gateway).HasMaxLength(20).IsRequired();
        builder.Property(p => p.GatewayTradeNo).HasMaxLength(64);
        builder.Property(p => p.IdempotencyKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => new { p.BuyerUserId, p.IdempotencyKey }).IsUnique();
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(p => p.BuyerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
