using System.Net;
using System.Text;
using MallPortal.Tests.Support;
using Xunit.Abstractions;

namespace MallPortal.Tests.Security;

/// <summary>
/// Issue 16: every routable page and endpoint, for anonymous, consumer A/B, merchant A/B, distributor A/B and the admin: the
/// allowed get the page, the rest are sent to log in, denied, or shown "not found" without a trace of owner A's data.
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture app, ITestOutputHelper output) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public void Every_route_of_the_app_has_exactly_one_row_in_the_access_matrix()
    {
        var routes = AccessMatrixRoutes.Discover(app.Factory.Services).Select(r => $"{r.Method} {r.Pattern}").ToList();
        var rows = AccessMatrixTable.Rows.Select(r => r.ToString()).ToList();

        output.WriteLine($"routes discovered: {routes.Count}, rows: {rows.Count}");
        Assert.Empty(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => "row twice: " + g.Key));
        Assert.Empty(routes.Except(rows).Select(r => "route without a row in AccessMatrixTable: " + r));
        Assert.Empty(rows.Except(routes).Select(r => "row without a route in the app: " + r));
    }

    [Fact]
    public async Task Every_party_gets_what_the_matrix_allows_and_every_denial_hides_the_owners_data()
    {
        var results = await Task.WhenAll(Enum.GetValues<Party>().Select(CheckPartyAsync));

        var failures = results.SelectMany(r => r.Failures).ToList();
        output.WriteLine($"rows: {AccessMatrixTable.Rows.Count}, parties: {results.Length}, checks: {results.Sum(r => r.Checks)}, " +
            $"denials asserted: {results.Sum(r => r.Denials)} (log-in {results.Sum(r => r.Logins)}, access denied {results.Sum(r => r.Denied)}, " +
            $"not found {results.Sum(r => r.NotFound)})");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} cells of the access matrix differ:\n" + string.Join("\n", failures));
    }

    private async Task<PartyResult> CheckPartyAsync(Party party)
    {
        var result = new PartyResult();
        var client = app.Client(party);
        foreach (var row in AccessMatrixTable.Rows)
        {
            result.Checks++;
            var answer = await SendAsync(client, row, row.Address(app.Resources));
            var failure = AccessMatrixExpectations.Expected(row, party) switch
            {
                Outcome.Allowed => AccessMatrixExpectations.CheckAllowed(row, party, answer, app.Resources),
                Outcome.LogIn => result.Count(Outcome.LogIn, AccessMatrixExpectations.CheckLogIn(row, answer)),
                Outcome.Denied => result.Count(Outcome.Denied, AccessMatrixExpectations.CheckDenied(row, answer)),
                _ => result.Count(Outcome.NotFound, AccessMatrixExpectations.CheckNotFound(row, answer,
                    await SendAsync(client, row, row.Missing!(app.Resources)), app.Resources)),
            };
            if (failure is not null)
            {
                result.Failures.Add($"{party,-12} {row}: {failure}");
            }
        }
        return result;
    }

    private static async Task<Answer> SendAsync(HttpClient client, AccessMatrixRow row, string address)
    {
        using var request = new HttpRequestMessage(row.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, address);
        if (row.Method == "POST")
        {
            request.Content = row.Json is { } json ? new StringContent(json, Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(row.Form ?? new Dictionary<string, string>());
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        return new Answer(response.StatusCode, location, body);
    }

    private sealed class PartyResult
    {
        public List<string> Failures { get; } = [];

        public int Checks { get; set; }

        public int Logins { get; private set; }

        public int Denied { get; private set; }

        public int NotFound { get; private set; }

        public int Denials => Logins + Denied + NotFound;

        public string? Count(Outcome outcome, string? failure)
        {
            _ = outcome switch { Outcome.LogIn => Logins++, Outcome.Denied => Denied++, _ => NotFound++ };
            return failure;
        }
    }
}

public sealed record Answer(HttpStatusCode Status, string? Location, string Body)
{
    public override string ToString() => $"{(int)Status}{(Location is null ? "" : " → " + Location)}";
}
