using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Last year's answers for next year's form. At close the final answer per measure is stored once; a closed cycle
/// stored before that existed gets them on first use (computed from its answers, then stored), so old data keeps working.
/// </summary>
public sealed class FinalAnswerStore(CycleRepository cycles, CycleSnapshots snapshots, ResponseRepository responses, FinalAnswerRepository finalAnswers)
{
    // A closed cycle whose final answers are stored never changes again: the form need not read its row each time.
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> closedAndStored = new(StringComparer.Ordinal);

    // A previous year that is missing or still open is asked again after a while (it may close), not on every request.
    const long RecheckMilliseconds = 5_000;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> notClosedUntil = new(StringComparer.Ordinal);

    /// <summary>Stores the closed cycle's final answers and marks the cycle; returns how many measures had one.</summary>
    public async Task<int> StoreAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var roster = await snapshots.GetRosterAsync(cycle, cancellationToken);
        var selected = AnswerSelection.Select(roster, await responses.LatestSubmittedAsync(cycle.Id, cancellationToken));
        await finalAnswers.SaveAsync(cycle.Id, selected, cancellationToken);
        await cycles.UpdateAsync(cycle.AgreementId, cycle.Year, c => c with { FinalAnswersStored = true }, cancellationToken);
        return selected.Count;
    }

    /// <summary>The previous year's final answers for these measures; none when that cycle is not closed.</summary>
    public async Task<IReadOnlyList<FinalAnswer>> PreviousYearAsync(string agreementId, int year, IEnumerable<string> measureIds, CancellationToken cancellationToken = default)
    {
        var previousId = CycleIds.For(agreementId, year - 1);
        if (!closedAndStored.ContainsKey(previousId))
        {
            if (notClosedUntil.TryGetValue(previousId, out var until) && Environment.TickCount64 < until)
            {
                return [];
            }

            var previous = await cycles.FindAsync(agreementId, year - 1, cancellationToken);
            if (previous is not { State: CycleState.Closed })
            {
                notClosedUntil[previousId] = Environment.TickCount64 + RecheckMilliseconds;
                return [];
            }

            if (!previous.FinalAnswersStored)
            {
                await StoreAsync(previous, cancellationToken);
            }

            closedAndStored[previousId] = true;
        }

        return await finalAnswers.FindAsync(previousId, measureIds, cancellationToken);
    }
}
