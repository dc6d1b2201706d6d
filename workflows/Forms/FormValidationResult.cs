using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// The owner's input as typed (always kept, to re-render) plus the parsed answers and field errors (text keys
/// or formatted messages, by field name; the empty name holds form-level errors).
/// </summary>
public sealed record FormValidationResult(
    IReadOnlyDictionary<string, string> Typed,
    IReadOnlyList<MeasureAnswer> Answers,
    IReadOnlyList<KeyValuePair<string, string>> Errors,
    bool Submit)
{
    public bool IsValid => Errors.Count == 0;
}
