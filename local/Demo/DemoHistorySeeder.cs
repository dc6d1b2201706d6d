using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>
/// Stores earlier years (templates/demo/hoganas-history.json) as closed cycles with submitted answers and
/// aggregates, so the form shows last year's answer and the report shows trends.
/// </summary>
public sealed class DemoHistorySeeder(CycleRepository cycles, ResponseRepository responses, AggregateRepository aggregates)
{
    public async Task SeedAsync(Agreement agreement, Dictionary<int, Dictionary<string, DemoAnswer>> history, CancellationToken cancellationToken = default)
    {
        foreach (var (year, answers) in history.OrderBy(h => h.Key))
        {
            var deadline = new DateTimeOffset(year + 1, 2, 15, 22, 59, 0, TimeSpan.Zero);
            var cycle = new Cycle(agreement.Id, year, deadline.AddDays(-30), deadline, CycleState.Closed, deadline.AddDays(7));
            await cycles.EnsureAsync(cycle, cancellationToken);
            var submitted = new List<OwnerResponse>();
            foreach (var owner in agreement.AnsweringOwners())
            {
                var mine = agreement.MeasuresOf(owner.Id).Where(m => answers.ContainsKey(m.Id)).Select(m => answers[m.Id].ToAnswer(m.Id)).ToList();
                if (mine.Count > 0 && (await responses.ListRevisionsAsync(cycle.Id, owner.Id, cancellationToken)).Count == 0)
                {
                    submitted.Add(await responses.AppendAsync(cycle.Id, owner.Id, ResponseKind.Submitted, deadline.AddDays(-3), mine, cancellationToken: cancellationToken));
                }
            }

            await aggregates.SaveAsync(CycleAggregator.Aggregate(agreement, year, await responses.LatestSubmittedAsync(cycle.Id, cancellationToken)), cancellationToken);
        }
    }
}
