using System.ComponentModel.DataAnnotations;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Who takes over an owner's measures mid-cycle. Without an id, one is made from the e-mail address.</summary>
public sealed record ReplacementOwner([property: Required] string Name, [property: Required] string Email, Organisation Organisation, string? Id = null, string? Title = null, string Language = "sv")
{
    public Owner ToOwner() => new(
        string.IsNullOrWhiteSpace(Id) ? Import.Slug.Of(Email.Split('@')[0]) : Id.Trim(), Name.Trim(), Email.Trim(), Organisation, Title, Language);
}
