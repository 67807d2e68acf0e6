using MallPortal.Hosting;
using Microsoft.Extensions.Configuration;

namespace MallPortal.Tests.Web;

public class PaymentTransportTests
{
    [Theory]
    [InlineData("Simulator", null, false, false)]
    [InlineData("Off", null, false, false)]
    [InlineData("Live", null, true, false)]
    [InlineData("Live", null, false, true)]
    [InlineData("Live", "http://shop.example.com", false, true)]
    [InlineData("Live", "https://shop.example.com", false, false)]
    public void A_live_gateway_outside_development_needs_the_shops_https_address(string mode, string? publicBaseUrl, bool development, bool refused)
    {
        foreach (var (provider, name) in new[] { ("Alipay", "Alipay"), ("WeChatPay", "WeChat Pay"), ("UnionPay", "UnionPay") })
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"Payments:{provider}:Mode"] = mode,
                ["Web:PublicBaseUrl"] = publicBaseUrl,
            }).Build();

            var problem = PaymentTransport.Problem(config, development);

            Assert.Equal(refused, problem is not null);
            if (refused)
            {
                Assert.Contains("Web:PublicBaseUrl", problem);
                Assert.Contains(name, problem);
            }
        }
    }
}
