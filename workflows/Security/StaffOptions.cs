namespace Trygghetsuppfoljning.Workflows.Security;

/// <summary>Bound from the <c>Staff</c> section: who may run the coordinator's desk and API when signed in.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>The Entra ID app role a coordinator must hold (App Service Authentication puts it in the principal's claims).</summary>
    public string RequiredRole { get; set; } = "Samordnare";
}
