using MallPortal.Core.Catalog;

namespace MallPortal.Tests.Catalog;

public class RichTextSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<p><strong>纯棉</strong>面料</p>", "<p><strong>纯棉</strong>面料</p>")]
    [InlineData("<p><img src=\"/files/products/1.jpg\" alt=\"细节\"></p>", "<p><img src=\"/files/products/1.jpg\" alt=\"细节\"></p>")]
    [InlineData("<ul><li>一</li><li>二</li></ul>", "<ul><li>一</li><li>二</li></ul>")]
    public void Formatting_and_our_own_images_survive(string html, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(html));

    [Theory]
    [InlineData("<p>好物</p><script>alert(1)</script>")]
    [InlineData("<p onclick=\"alert(1)\">好物</p>")]
    [InlineData("<img src=\"/files/a.jpg\" onerror=\"alert(1)\">")]
    [InlineData("<a href=\"javascript:alert(1)\">好物</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"x\"></form>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">好物</p>")]
    public void Scripts_and_event_handlers_never_survive(string html)
    {
        var clean = _sanitizer.Sanitize(html);
        Assert.DoesNotContain("script", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", clean);
        Assert.DoesNotMatch(" on[a-z]+=", clean);
        Assert.DoesNotContain("iframe", clean);
        Assert.DoesNotContain("<form", clean);
    }

    [Fact]
    public void Images_from_other_hosts_lose_their_source() =>
        Assert.DoesNotContain("evil.example", _sanitizer.Sanitize("<img src=\"https://evil.example/pixel.gif\">"));
}
