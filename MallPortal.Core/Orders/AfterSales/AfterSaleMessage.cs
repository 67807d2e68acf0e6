using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>A message on a case (协商记录): buyer, merchant or platform.</summary>
public class AfterSaleMessage
{
    public const int MaxLength = 300;

    protected AfterSaleMessage()
    {
    }

    internal AfterSaleMessage(AfterSaleParty party, int authorUserId, string text, DateTime at) => (Party, AuthorUserId, Text, At) = (party, authorUserId, text, at);

    public long Id { get; private set; }

    public int AfterSaleId { get; private set; }

    public AfterSaleParty Party { get; private set; }

    public int AuthorUserId { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime At { get; private set; }
}

internal sealed class AfterSaleMessageConfiguration : IEntityTypeConfiguration<AfterSaleMessage>
{
    public void Configure(EntityTypeBuilder<AfterSaleMessage> builder) => builder.Property(m => m.Text).HasMaxLength(AfterSaleMessage.MaxLength).IsRequired();
}
