namespace MallPortal.Core.Files;

/// <summary>Files in a folder on this server (by default App_Data/files).</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task SaveAsync(string path, byte[] content, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        File.Delete(Resolve(path));
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        return Task.FromResult<Stream?>(File.Exists(full) ? File.OpenRead(full) : null);
    }

    private string Resolve(string path)
    {
        FilePaths.Check(path);
        var rootFull = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(rootFull, path));
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The path leaves the file store.", nameof(path));
        }
        return full;
    }
}
