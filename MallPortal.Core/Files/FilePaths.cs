namespace MallPortal.Core.Files;

/// <summary>The one rule for a stored file's path, whichever store holds it: relative, forward slashes, no climbing.</summary>
public static class FilePaths
{
    public static void Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith('/') || path.Contains('\\')
            || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException("The path leaves the file store.", nameof(path));
        }
    }
}
