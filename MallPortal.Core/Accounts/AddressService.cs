using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>
/// The acting user's shipping addresses. Exactly one is the default while any exist: the first
/// becomes default, setting one clears the others, deleting the default promotes the newest.
/// </summary>
public sealed class AddressService(IDbContextFactory<MallDbContext> contexts, TimeProvider clock)
{
    public const int MaxAddresses = 20;

    public async Task<IReadOnlyList<AddressRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var addresses = await db.ShippingAddresses.AsNoTracking().Where(a => a.UserId == actor.UserId)
            .OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        return addresses.Select(a => new AddressRow(a.Id, a.RecipientName, a.Mobile, a.Province, a.City, a.District,
            a.Detail, a.FullText, a.IsDefault)).ToList();
    }

    public async Task<int> AddAsync(Actor actor, AddressInput input, bool makeDefault, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.ShippingAddresses.Where(a => a.UserId == actor.UserId).ToListAsync(cancellationToken);
        if (existing.Count >= MaxAddresses)
        {
            throw new DomainException(string.Format(CoreText.AddressLimit, MaxAddresses));
        }
        var address = new ShippingAddress(actor.UserId, input, clock.GetUtcNow().UtcDateTime);
        db.ShippingAddresses.Add(address);
        if (makeDefault || existing.Count == 0)
        {
            existing.ForEach(a => a.SetDefault(false));
            address.SetDefault(true);
        }
        await db.SaveChangesAsync(cancellationToken);
        return address.Id;
    }

    public async Task UpdateAsync(Actor actor, int addressId, AddressInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var address = await OwnAsync(db, actor, addressId, cancellationToken);
        address.Change(input);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetDefaultAsync(Actor actor, int addressId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await OwnAsync(db, actor, addressId, cancellationToken);
        var all = await db.ShippingAddresses.Where(a => a.UserId == actor.UserId).ToListAsync(cancellationToken);
        all.ForEach(a => a.SetDefault(a.Id == addressId));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, int addressId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var address = await OwnAsync(db, actor, addressId, cancellationToken);
        db.ShippingAddresses.Remove(address);
        if (address.IsDefault)
        {
            var next = await db.ShippingAddresses.Where(a => a.UserId == actor.UserId && a.Id != addressId)
                .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            next?.SetDefault(true);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // Another user's address is "not found", exactly like a missing one.
    private static async Task<ShippingAddress> OwnAsync(MallDbContext db, Actor actor, int addressId, CancellationToken cancellationToken) =>
        await db.ShippingAddresses.SingleOrDefaultAsync(a => a.Id == addressId && a.UserId == actor.UserId, cancellationToken)
        ?? throw new DomainException(CoreText.AddressNotFound);
}

public sealed record AddressRow(int Id, string RecipientName, string Mobile, string Province, string City, string District,
    string Detail, string FullText, bool IsDefault);
