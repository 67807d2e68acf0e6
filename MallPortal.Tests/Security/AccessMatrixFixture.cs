using System.Collections.Concurrent;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Security;

/// <summary>
/// The app with the demo data, the eight parties of the access matrix signed in once each (a client per party), and owner
/// A's resources: found in the demo seed, or made through the real services (a stocktake).
/// </summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    // Consumer A (刘洋) has the seeded orders; consumer B (郑爽) bought once through 李强's link. 王芳 and 李强 each see only the
    // orders their own links brought (李强 is in 王芳's downline, but attribution is to the link's distributor alone).
    public static readonly IReadOnlyDictionary<Party, string> Logins = new Dictionary<Party, string>
    {
        [Party.ConsumerA] = "13800000022",
        [Party.ConsumerB] = "13800000025",
        [Party.MerchantA] = "13800000001",
        [Party.MerchantB] = "13800000002",
        [Party.DistributorA] = "13800000011",
        [Party.DistributorB] = "13800000012",
        [Party.Admin] = MallPortalFactory.AdminLogin,
    };

    private readonly ConcurrentDictionary<Party, HttpClient> _clients = new();

    public MallPortalFactory Factory { get; } = new(new Dictionary<string, string>
    {
        ["RateLimits:AccountPostsPerMinute"] = "1000",
        ["Accounts:Codes:MaxPerClientIpPerHour"] = "1000",
    });

    public AccessMatrixResources Resources { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Resources = await AccessMatrixResources.FindAsync(Factory.Services);
        foreach (var party in Enum.GetValues<Party>())
        {
            var client = Factory.CreateBrowserlessClient();
            if (party != Party.Anonymous)
            {
                var password = party == Party.Admin ? MallPortalFactory.AdminPassword : MallPortalFactory.DemoPassword;
                var login = await MallPortalFactory.PostLoginAsync(client, Logins[party], password);
                if (login.Headers.Location?.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal) != false)
                {
                    throw new InvalidOperationException($"{party} ({Logins[party]}) could not sign in: {login.StatusCode}.");
                }
            }
            _clients[party] = client;
        }
    }

    public HttpClient Client(Party party) => _clients[party];

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public enum Party
{
    Anonymous,
    ConsumerA,
    ConsumerB,
    MerchantA,
    MerchantB,
    DistributorA,
    DistributorB,
    Admin,
}
