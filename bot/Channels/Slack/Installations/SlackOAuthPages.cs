using System.Text;
using System.Text.Encodings.Web;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The small HTML pages of the install flow. Every value is HTML-encoded; nothing comes from a template file.</summary>
internal static class SlackOAuthPages
{
    public static string AddToSlack(Uri authorizeUrl) => Page(
        "Add FlywheelBot to Slack",
        $"""
        <p>FlywheelBot is a marketing advisor for your team. Install it in your Slack workspace:</p>
        <p><a class="button" href="{Attr(authorizeUrl.AbsoluteUri)}">Add to Slack</a></p>
        <p class="small">The link is valid for 10 minutes, in this browser.</p>
        """);

    public static string Installed(string? teamName, Uri appLink, Uri? browserLink) => Page(
        "FlywheelBot is installed",
        $"""
        <p>FlywheelBot is now installed{(teamName is { Length: > 0 } ? " in " + Text(teamName) : string.Empty)}.</p>
        <p><a class="button" href="{Attr(appLink.OriginalString)}">Open Slack</a></p>
        {(browserLink is null ? string.Empty : $"<p class=\"small\">Using Slack in a browser? <a href=\"{Attr(browserLink.AbsoluteUri)}\">Open it there</a>.</p>")}
        <p class="small">Say <b>/flywheel</b> in any channel, or message FlywheelBot directly.</p>
        """);

    public static string Problem(string title, string explanation, Uri? startAgain) => Page(
        title,
        $"""
        <p>{Text(explanation)}</p>
        <p>Nothing was installed.</p>
        {(startAgain is null ? string.Empty : $"<p><a class=\"button\" href=\"{Attr(startAgain.AbsoluteUri)}\">Start the installation again</a></p>")}
        """);

    private static string Page(string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(Text(title)).Append("</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}")
            .Append(".button{display:inline-block;padding:.6rem 1.2rem;background:#4a154b;color:#fff;border-radius:4px;text-decoration:none}")
            .Append(".small{color:#555;font-size:.9rem}</style></head><body>");
        html.Append("<h1>").Append(Text(title)).Append("</h1>\n").Append(body).Append("\n</body></html>\n");
        return html.ToString();
    }

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Attr(string value) => HtmlEncoder.Default.Encode(value);
}
