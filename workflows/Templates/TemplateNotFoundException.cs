namespace Trygghetsuppfoljning.Workflows.Templates;

public sealed class TemplateNotFoundException(string name, string path)
    : FileNotFoundException($"Template '{name}' is missing: expected it at '{path}'.", path)
{
    public string TemplateName { get; } = name;
}
