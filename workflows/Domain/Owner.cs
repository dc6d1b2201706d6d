namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A named person at the kommun or the police who answers for one or more measures.</summary>
public sealed record Owner(string Id, string Name, string Email, Organisation Organisation, string? Title = null, string Language = "sv");
