using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

/// <summary>
/// A program is told "no" with a problem document, a person with a redirect: the JSON API and any caller asking for JSON
/// get 401/403 as <c>application/problem+json</c> by the same rule the 429 answer uses (<see cref="Hosting.ApiProblem"/>).
/// </summary>
public class ApiProblemTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/api/checkout", null, HttpStatusCode.Unauthorized)]
    [InlineData("/merchant", "application/json", HttpStatusCode.Unauthorized)]
    [InlineData("/merchant", "application/problem+json", HttpStatusCode.Unauthorized)]
    [InlineData("/admin", "application/json", HttpStatusCode.Forbidden)]
    public async Task A_caller_asking_for_JSON_gets_a_problem_document_not_a_redirect(string path, string? accept, HttpStatusCode expected)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        if (expected == HttpStatusCode.Forbidden)
        {
            await MallPortalFactory.PostLoginAsync(client, "13800000001", MallPortalFactory.DemoPassword);
        }
        using var request = new HttpRequestMessage(path.StartsWith("/api") ? HttpMethod.Post : HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var answer = await client.SendAsync(request);

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/merchant", null, "/Account/Login")]
    [InlineData("/merchant", "text/html", "/Account/Login")]
    [InlineData("/admin", "text/html,application/xhtml+xml", "/Account/AccessDenied")]
    public async Task A_browser_asking_for_a_page_is_sent_to_log_in_or_told_access_is_denied(string path, string? accept, string redirect)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        if (redirect.EndsWith("AccessDenied"))
        {
            await MallPortalFactory.PostLoginAsync(client, "13800000001", MallPortalFactory.DemoPassword);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(redirect, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }
}
