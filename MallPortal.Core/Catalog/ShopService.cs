using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>A merchant's shop settings, and product pictures uploaded for that shop.</summary>
public sealed class ShopService(IDbContextFactory<MallDbContext> contexts, IFileStore files)
{
    public const long MaxImageBytes = 3 * 1024 * 1024;
    public const int ProductImageSize = 800;

    public async Task<ShopSettings> GetMineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == shopId, cancellationToken);
        return new ShopSettings(shop.Id, shop.Name, shop.Description, shop.ServicePhone, shop.LogoPath, shop.ShippingFee, shop.FreeShippingOver,
            shop.ReturnAddress);
    }

    public async Task UpdateAsync(Actor actor, ShopSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var shop = await db.Shops.SingleAsync(s => s.Id == shopId, cancellationToken);
        shop.UpdateSettings(settings.Name, settings.Description, settings.ServicePhone, settings.LogoPath);
        shop.SetShipping(settings.ShippingFee, settings.FreeShippingOver);
        shop.SetReturnAddress(settings.ReturnAddress);
        if (await db.Shops.AnyAsync(s => s.Id != shopId && s.Name == shop.Name, cancellationToken))
        {
            throw new DomainException(CoreText.ShopNameTaken, "Name");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks a picture by content and stores it as an 800 px square JPEG; returns its file-store path.</summary>
    public async Task<string> UploadImageAsync(Actor actor, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var jpeg = ImageCheck.ToSquareJpeg(content, MaxImageBytes, ProductImageSize, "Images");
        var path = $"products/{shopId}-{Guid.NewGuid():N}.jpg";
        await files.SaveAsync(path, jpeg, cancellationToken);
        return path;
    }
}

public sealed record ShopSettings(int Id, string Name, string Description, string ServicePhone, string? LogoPath,
    Money ShippingFee, Money? FreeShippingOver, string? ReturnAddress = null);
