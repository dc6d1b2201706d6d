namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>templates/demo/hoganas-answers.json: how each simulated owner behaves and what they answer.</summary>
/// <param name="Effects">Effect figures the coordinator enters ("measure/indicator" → value, source, date), not the owners.</param>
public sealed record DemoScript(Dictionary<string, string> Behaviours, Dictionary<string, DemoAnswer> Answers, Dictionary<string, DemoEffect>? Effects = null)
{
    public const string Submit = "submit";
    public const string DraftThenSubmit = "draft-then-submit";
    public const string AfterReminder = "after-reminder";
    public const string Never = "never";
}
