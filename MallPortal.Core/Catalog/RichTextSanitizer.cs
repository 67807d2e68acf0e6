using Ganss.Xss;

namespace MallPortal.Core.Catalog;

/// <summary>
/// Product descriptions are HTML from a WYSIWYG editor: text formatting, lists, tables and our own
/// images survive; scripts, event handlers, frames, forms and foreign image hosts never do.
/// Applied on save and again on render.
/// </summary>
public sealed class RichTextSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Remove("button");
        _sanitizer.AllowedTags.Remove("textarea");
        _sanitizer.AllowedTags.Remove("select");
        // Images only from our own file store: no tracking pixels or hot-linked pictures.
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag?.TagName == "IMG" && !e.OriginalUrl.StartsWith("/files/", StringComparison.Ordinal))
            {
                e.SanitizedUrl = null;
            }
        };
    }

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();
}
