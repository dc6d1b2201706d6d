namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// A signed-in coordinator: the name the audit log shows, and what their anti-forgery values and import drafts are bound
/// to (the session, or the platform's user id), so a value lifted from one person's page is useless to another.
/// </summary>
public sealed record DeskUser(string Name, string Binding);
