namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>What every desk page needs: who is signed in, the language, the anti-forgery value for its forms, and the
/// address the language switch leads to (the same page in the other language).</summary>
public sealed record DeskContext(DeskUser? User, string Lang, string? Antiforgery, string SwitchPath);
