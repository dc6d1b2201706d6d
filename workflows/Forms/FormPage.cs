namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>What a host sends back for a form request: status code, HTML and any extra headers.</summary>
public sealed record FormPage(int StatusCode, string Html, IReadOnlyDictionary<string, string>? Headers = null);
