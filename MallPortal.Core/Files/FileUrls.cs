namespace MallPortal.Core.Files;

/// <summary>The web address of a public file-store path (avatars, product and shop pictures).</summary>
public static class FileUrls
{
    public static string? Of(string? path) => path is null ? null : "/files/" + path;
}
