using System.Collections.Concurrent;
using MallPortal.Core.Files;

namespace MallPortal.Tests.Security;

/// <summary>An in-memory store that remembers every file saved, so a test can say that nothing was.</summary>
public sealed class RecordingFileStore : IFileStore
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private int _saves;

    public int Saves => _saves;

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public Task SaveAsync(string path, byte[] content, CancellationToken cancellationToken = default)
    {
        FilePaths.Check(path);
        _files[path] = content;
        Interlocked.Increment(ref _saves);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        _files.TryRemove(path, out _);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(_files.TryGetValue(path, out var content) ? new MemoryStream(content, writable: false) : null);
}
