namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>A file posted to the desk (the import).</summary>
public sealed record DeskUpload(string FileName, byte[] Content);
