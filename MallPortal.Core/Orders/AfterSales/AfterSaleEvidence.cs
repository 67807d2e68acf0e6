using MallPortal.Core.Common;
using MallPortal.Core.Files;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// Photos on a case (the buyer's claim, the shop's refusal): at most six, each at most 5 MB, checked by content and
/// stored as JPEGs under unguessable names; the paths are known before the files are written, so nothing is saved for a
/// step that is refused.
/// </summary>
internal sealed class AfterSaleEvidence
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    private readonly List<(string Path, byte[] Jpeg)> _photos;

    private AfterSaleEvidence(List<(string, byte[])> photos) => _photos = photos;

    public IReadOnlyList<string> Paths => _photos.Select(p => p.Path).ToList();

    public static AfterSaleEvidence Check(IReadOnlyList<byte[]> photos, DateTime now)
    {
        if (photos.Count > AfterSale.MaxPhotos)
        {
            throw new DomainException(string.Format(CoreText.AfterSalePhotosInvalid, AfterSale.MaxPhotos, MaxPhotoBytes / 1024 / 1024), "Photos");
        }
        return new AfterSaleEvidence(photos.Select(p => ($"aftersales/{now:yyyyMM}/{Guid.NewGuid():N}.jpg", ImageCheck.ToJpeg(p, MaxPhotoBytes, 1200, "Photos"))).ToList());
    }

    public async Task SaveAsync(IFileStore files, CancellationToken cancellationToken)
    {
        foreach (var (path, jpeg) in _photos)
        {
            await files.SaveAsync(path, jpeg, cancellationToken);
        }
    }
}
