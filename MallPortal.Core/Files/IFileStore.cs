namespace MallPortal.Core.Files;

/// <summary>
/// Where uploaded files live (avatars, product images, licence scans). The default keeps them under the data folder
/// (<see cref="LocalFileStore"/>); several app instances share an S3-compatible bucket (<see cref="S3FileStore"/>).
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under a relative path such as "avatars/ab12.webp".</summary>
    Task SaveAsync(string path, byte[] content, CancellationToken cancellationToken = default);

    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);
}
