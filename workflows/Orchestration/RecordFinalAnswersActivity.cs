using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>At close: stores each measure's final answer, so next year's form reads "last year" by key.</summary>
public sealed class RecordFinalAnswersActivity(CycleRepository cycles, FinalAnswerStore finalAnswers) : TaskActivity<CycleTaskInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, CycleTaskInput input) =>
        await finalAnswers.StoreAsync(await cycles.GetAsync(input.AgreementId, input.Year));
}
