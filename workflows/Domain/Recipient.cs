namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>Someone who receives mail without answering a form: the coordinator or a steering group member.</summary>
public sealed record Recipient(string Name, string Email, string? Role = null, string Language = "sv");
