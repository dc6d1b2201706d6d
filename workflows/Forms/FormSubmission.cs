namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// A form POST as the host received it: the raw fields in order (a field may repeat), the client's address for
/// rate limiting, and the declared body length.
/// </summary>
public sealed record FormSubmission(IReadOnlyList<KeyValuePair<string, string>> Fields, string ClientAddress, long? ContentLength);
