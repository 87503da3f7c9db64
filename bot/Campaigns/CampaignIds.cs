using System.Text;

namespace FlywheelBot.Campaigns;

/// <summary>A campaign's id: its name in lower case, letters and digits only, words joined by "-" ("Spring launch!" -> "spring-launch").</summary>
internal static class CampaignIds
{
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
