using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>
/// After the steering group returned the report: the coordinator reopens chosen owners' forms until a new deadline
/// (a <see cref="ReturnRound"/>), and may close that round early. The round is stored first (the form reads it at
/// once); the approval instance, which runs the round, is then woken, or started again when its wait had ended.
/// </summary>
public sealed partial class CoordinatorService
{
    /// <summary>How long reopening waits for the new links to be mailed before answering "on their way" (202).</summary>
    static readonly TimeSpan ReopenWait = TimeSpan.FromSeconds(10);

    public async Task<CoordinatorResult> ReopenOwnersAsync(
        DurableTaskClient client, string agreementId, int year, IReadOnlyList<string> ownerIds, DateTimeOffset deadlineUtc, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(
            agreementId, year, actor, "reopen", $"{string.Join(", ", ownerIds)} → {deadlineUtc:u}",
            await ReopenOwnersCoreAsync(client, agreementId, year, ownerIds, deadlineUtc, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> CloseReturnRoundAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "close-round", null, await CloseReturnRoundCoreAsync(client, agreementId, year, actor, cancellationToken), cancellationToken);

    /// <summary>The steering group's latest decision on the cycle's report, if recorded (the desk shows it).</summary>
    public Task<SteeringDecision?> SteeringDecisionAsync(string agreementId, int year, CancellationToken cancellationToken = default) =>
        steeringDecisions.FindAsync(agreementId, year, cancellationToken);

    /// <summary>The cycle's latest return round, if any (the desk shows it).</summary>
    public Task<ReturnRound?> ReturnRoundAsync(string agreementId, int year, CancellationToken cancellationToken = default) =>
        returnRounds.FindAsync(agreementId, year, cancellationToken);

    async Task<CoordinatorResult> ReopenOwnersCoreAsync(
        DurableTaskClient client, string agreementId, int year, IReadOnlyList<string> ownerIds, DateTimeOffset deadlineUtc, string actor, CancellationToken cancellationToken)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (cycle.State != CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is still open: its owners can still answer (extend the deadline instead). Forms are reopened only after the steering group returned the report.");
        }

        var decision = await steeringDecisions.FindAsync(agreementId, year, cancellationToken);
        if (decision is not { Approved: false })
        {
            return CoordinatorResult.Conflict(decision is null
                ? "The steering group's decision is not recorded: forms are reopened only after it returned the report (record the return first). Nothing was reopened."
                : $"The steering group approved the report on {decision.DecidedOn:yyyy-MM-dd}: it was not returned, and nothing was reopened.");
        }

        var ids = ownerIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return CoordinatorResult.BadRequest("Name at least one owner (by owner id) whose form is to open again.");
        }

        if (deadlineUtc <= time.GetUtcNow())
        {
            return CoordinatorResult.BadRequest($"The new deadline ({deadlineUtc:u}) must be in the future.");
        }

        var roster = await snapshots.GetRosterAsync(cycle, cancellationToken);
        var unknown = ids.Where(id => roster.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            return new CoordinatorResult(404, $"Not in the cycle's roster: {string.Join(", ", unknown)}. Nothing was reopened.", new { errors = unknown });
        }

        var answerNothing = ids.Where(id => roster.Find(id) is not { IsActive: true, Measures.Count: > 0 }).ToList();
        if (answerNothing.Count > 0)
        {
            return CoordinatorResult.Conflict(
                $"Answer for no measures in this cycle (replaced): {string.Join(", ", answerNothing)}. Reopen the owner who took their measures instead; nothing was reopened.",
                new { errors = answerNothing });
        }

        string? refused = null;
        var now = time.GetUtcNow();
        var (round, _) = await returnRounds.UpdateAsync(agreementId, year, r =>
        {
            refused = r is { State: ReturnRoundState.Open }
                ? $"Forms are already open again until {r.DeadlineUtc:u} ({string.Join(", ", r.OwnerIds)}); close that round first. Nothing was changed."
                : null;
            return refused is null ? new ReturnRound(agreementId, year, (r?.Number ?? 0) + 1, decision.DecidedOn, ids, deadlineUtc, ReturnRoundState.Open, now, actor, []) : null;
        }, cancellationToken);
        if (refused is not null || round is null)
        {
            return CoordinatorResult.Conflict(refused ?? "The round could not be stored.");
        }

        var instanceId = await EnsureApprovalRunsAsync(client, agreementId, year, new ReturnRoundOpenedEvent(round.Number), cancellationToken);
        var names = string.Join(", ", ids.Select(id => roster.Find(id)!.Owner.Name));
        var body = new { instanceId, round = round.Number, ownerIds = ids, deadlineUtc };
        var until = time.GetUtcNow() + ReopenWait;
        while (time.GetUtcNow() < until)
        {
            if (await returnRounds.FindAsync(agreementId, year, cancellationToken) is { } stored && stored.Number == round.Number && stored.MailedOwnerIds.Count >= ids.Count)
            {
                return CoordinatorResult.Ok($"Forms of {names} are open again until {deadlineUtc:u}; each was mailed a new link. Everyone else's stay closed.", body);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return CoordinatorResult.Accepted($"Forms of {names} are open again until {deadlineUtc:u} (their links open the form now); the mails with new links are on their way.", body);
    }

    async Task<CoordinatorResult> CloseReturnRoundCoreAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken)
    {
        if (await cycles.FindAsync(agreementId, year, cancellationToken) is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        var round = await returnRounds.FindAsync(agreementId, year, cancellationToken);
        if (round is not { State: ReturnRoundState.Open })
        {
            return CoordinatorResult.Conflict(round is null
                ? "No owner's form was reopened in this cycle: there is no round to close."
                : $"The round is already closed (since {round.ClosedUtc:u}); the revised report was made then.");
        }

        await EnsureApprovalRunsAsync(client, agreementId, year, new ReturnRoundCloseRequestedEvent(round.Number), cancellationToken);
        var until = time.GetUtcNow() + CloseWait;
        while (time.GetUtcNow() < until)
        {
            if (await returnRounds.FindAsync(agreementId, year, cancellationToken) is not { State: ReturnRoundState.Open } now || now.Number != round.Number)
            {
                return CoordinatorResult.Ok("The round is closed: the reopened forms are closed again, and the revised report goes to the steering group.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return CoordinatorResult.Accepted("The round is closing; the revised report follows when it has closed.");
    }

    /// <summary>
    /// The approval instance runs the round. Running: it gets the event. Ended (its wait ran out, or it failed) or never
    /// started: it starts again under the same id and reads the round from Tables at its start.
    /// </summary>
    async Task<string> EnsureApprovalRunsAsync<TEvent>(DurableTaskClient client, string agreementId, int year, TEvent wakeUp, CancellationToken cancellationToken)
        where TEvent : notnull
    {
        var instanceId = CycleIds.ApprovalInstance(agreementId, year);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsCompleted: false })
        {
            await client.RaiseAsync(instanceId, wakeUp, cancellationToken);
            return instanceId;
        }

        if (instance is not null)
        {
            await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        }

        var o = approvalOptions.Value;
        if (!await OrchestrationStarter.StartIfNewAsync(
            client, nameof(SteeringApprovalOrchestrator), instanceId, new SteeringApprovalInput(agreementId, year, o.ReminderInterval, o.MaxWait), cancellationToken))
        {
            // Someone started it in between: it runs, so the wake-up reaches it (or it read the round at its start).
            await client.RaiseAsync(instanceId, wakeUp, cancellationToken);
        }

        return instanceId;
    }
}
