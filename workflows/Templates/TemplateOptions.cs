namespace Trygghetsuppfoljning.Workflows.Templates;

/// <summary>Where the municipality's editable files live. Bound from the <c>Templates</c> configuration section.</summary>
public sealed class TemplateOptions
{
    public const string SectionName = "Templates";

    /// <summary>Folder holding report, mail and form templates. Relative paths resolve against the app's base directory.</summary>
    public string Root { get; set; } = "templates";
}
