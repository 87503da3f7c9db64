using System.ComponentModel.DataAnnotations;

namespace FlywheelBot.Storage;

/// <summary>
/// <c>DataProtection:KeyRingKey</c>: a secret (at least 15 characters; in Azure a Key Vault reference) from which the
/// key that encrypts the Data Protection key ring at rest is derived. With it, the database alone does not open the
/// Slack tokens; without it the key ring is stored as Data Protection writes it (its keys in clear).
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// What <c>azd</c>'s <c>secretOrRandomPassword</c> makes on the first deployment: 15 random letters and digits with
    /// at least five of each class (about 86 bits). By hand, <c>openssl rand -base64 32</c> gives 256 bits.
    /// </summary>
    public const int MinimumLength = 15;

    /// <summary>The key-ring key (keep it out of the repo). Changing it makes the keys written under the old one unreadable.</summary>
    [StringLength(int.MaxValue, MinimumLength = MinimumLength, ErrorMessage = "DataProtection:KeyRingKey must be at least 15 characters (e.g. openssl rand -base64 32), or empty.")]
    public string? KeyRingKey { get; set; }

    public bool Encrypts => !string.IsNullOrEmpty(KeyRingKey);
}
