using System.Net;
using System.Text.RegularExpressions;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// One browser for the install flow: keeps the cookies the bot sets (by hand, to see every attribute), follows no
/// redirects, and reads the authorize link off the "Add to Slack" page.
/// </summary>
internal sealed partial class InstallBrowser : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _cookies = [];

    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        using var response = await _http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? [.. set] : [];
        foreach (var header in LastSetCookies)
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the install page and returns Slack's authorize URL from its "Add to Slack" button.</summary>
    public async Task<Uri> StartInstallAsync(Uri bot)
    {
        var (status, html) = await GetAsync(new Uri(bot, "api/slack/install"));
        Assert.Equal(HttpStatusCode.OK, status);
        var href = AddToSlackLink().Match(html);
        Assert.True(href.Success, html);
        return new Uri(WebUtility.HtmlDecode(href.Groups[1].Value));
    }

    public void Forget(string cookie) => _cookies.Remove(cookie);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\">Add to Slack</a>")]
    private static partial Regex AddToSlackLink();
}
