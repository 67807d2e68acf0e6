using MallPortal.Core.Seeding;
using Microsoft.Extensions.Configuration;

namespace MallPortal.Tests.Data;

/// <summary>The demo's payments call back to the app's own address, not to a port fixed in the code.</summary>
public class DemoSiteTests
{
    [Theory]
    [InlineData("https://shop.example.com", "http://127.0.0.1:5096", "https://shop.example.com/")]
    [InlineData(null, "http://127.0.0.1:5180", "http://127.0.0.1:5180/")]
    [InlineData(null, "https://+:8443;http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData(null, "http://0.0.0.0:7000", "http://127.0.0.1:7000/")]
    [InlineData(null, "http://127.0.0.1:0", DemoSite.KestrelDefault)]
    [InlineData(null, null, DemoSite.KestrelDefault)]
    public void The_demo_uses_the_public_base_url_or_else_the_address_the_app_listens_on(string? publicBaseUrl, string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Web:PublicBaseUrl"] = publicBaseUrl,
            ["Urls"] = urls,
        }).Build();

        Assert.Equal(expected, new DemoSite(configuration).BaseUrl);
    }
}
