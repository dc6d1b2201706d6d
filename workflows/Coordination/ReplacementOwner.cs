using System.ComponentModel.DataAnnotations;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Who takes over an owner's measures mid-cycle. Without an id, one is made from the e-mail address, as the import does.</summary>
public sealed record ReplacementOwner([property: Required] string Name, [property: Required] string Email, Organisation Organisation, string? Id = null, string? Title = null, string Language = "sv")
{
    /// <summary>The same rules as the import: null when valid, else what to fix.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200 || UnsafeText.Contains(Name) || UnsafeText.Contains(Title))
        {
            return "The new owner needs a name (at most 200 characters, no control characters).";
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 254 || UnsafeText.Contains(Email)
            || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out var address) || address.Address != Email.Trim())
        {
            return "The new owner needs a valid e-mail address.";
        }

        if (!string.IsNullOrWhiteSpace(Id) && !OwnerIds.IsValid(Id.Trim()))
        {
            return $"The owner id '{Id}' may only contain a–z, 0–9 and dashes.";
        }

        if (!Enum.IsDefined(Organisation))
        {
            return "The organisation must be Kommun or Polis.";
        }

        return Language is "sv" or "en" ? null : "The language must be sv or en.";
    }

    public Owner ToOwner() => new(
        string.IsNullOrWhiteSpace(Id) ? OwnerIds.FromEmail(Email) : Id.Trim(), Name.Trim(), Email.Trim(), Organisation, Title, Language);
}
