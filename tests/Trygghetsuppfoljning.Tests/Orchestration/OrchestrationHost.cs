using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>
/// The real orchestrators on the in-memory durable host, with a stand-in for every activity of
/// <see cref="DurableTasks.Activities"/> (the host refuses to start when one is missing). Stand-ins record their
/// calls; the ones that start owner instances and raise events do so through the real client, for a fixed roster.
/// </summary>
internal static class OrchestrationHost
{
    public static readonly string[] DefaultOwners = ["o1", "o2", "o3"];

    public static async Task<DurableTaskTestHost> StartAsync(RecordedCalls calls, ISet<string> submitted, IReadOnlyList<string>? owners = null)
    {
        var roster = owners ?? DefaultOwners;
        var registered = new HashSet<string>(StringComparer.Ordinal);
        var host = await DurableTaskTestHost.StartAsync(r =>
            {
                foreach (var orchestrator in DurableTasks.Orchestrators)
                {
                    r.AddOrchestrator(orchestrator);
                }

                void Fake<TIn, TOut>(string name, Func<TaskActivityContext, TIn, TOut> run)
                {
                    registered.Add(name);
                    r.AddActivityFunc<TIn, TOut>(name, run);
                }

                void FakeWithClient(string name, Func<DurableTaskClient, ITaskActivity> create)
                {
                    registered.Add(name);
                    r.AddActivity(name, sp => create(sp.GetRequiredService<DurableTaskClient>()));
                }

                Fake<PrepareCycleInput, PrepareCycleResult>(nameof(PrepareCycleActivity), (c, i) =>
                {
                    calls.Add("prepare", c.InstanceId);
                    return new PrepareCycleResult(roster.Count, i.DeadlineUtc, false);
                });
                Fake<CycleTaskInput, int>(nameof(InviteOwnersActivity), (c, _) =>
                {
                    calls.Add("invite-owners", c.InstanceId);
                    return roster.Count;
                });
                Fake<RemindOwnersInput, int>(nameof(RemindOwnersActivity), (c, i) =>
                {
                    calls.Add($"remind-owners:{i.ReminderNumber}", c.InstanceId);
                    return roster.Count(o => !submitted.Contains(o));
                });
                Fake<SendDueReceiptsInput, int>(nameof(SendDueReceiptsActivity), (c, i) =>
                {
                    calls.Add(i.DueBeforeUtc is null ? "receipts:all" : "receipts:due", c.InstanceId);
                    return 0;
                });
                FakeWithClient(nameof(StartOwnerInputsActivity), client => new StartOwners(client, roster, calls));
                FakeWithClient(nameof(SignalOwnersActivity), client => new SignalOwners(client, roster, calls));
                Fake<OwnerTaskInput, bool>(nameof(SendInvitationActivity), (c, i) =>
                {
                    calls.Add($"invite:{i.OwnerId}", c.InstanceId);
                    return true;
                });
                Fake<SendReminderInput, bool>(nameof(SendReminderActivity), (c, i) =>
                {
                    calls.Add($"remind:{i.OwnerId}:{i.ReminderNumber}", c.InstanceId);
                    return !submitted.Contains(i.OwnerId);
                });
                Fake<SendReceiptInput, int>(nameof(SendReceiptActivity), (c, i) =>
                {
                    calls.Add($"receipt:{i.OwnerId}", c.InstanceId);
                    return submitted.Contains(i.OwnerId) ? 1 : 0;
                });
                Fake<CycleTaskInput, OwnerOutcomesResult>(nameof(RecordOwnerOutcomesActivity), (c, _) =>
                {
                    calls.Add("outcomes", c.InstanceId);
                    return new OwnerOutcomesResult(roster.Count, roster.Count(submitted.Contains));
                });
                Fake<CycleTaskInput, int>(nameof(NotifyCoordinatorActivity), (c, _) =>
                {
                    calls.Add("notify-coordinator", c.InstanceId);
                    return 1;
                });
                Fake<CloseCycleInput, CloseCycleResult>(nameof(CloseCycleActivity), (c, i) =>
                {
                    calls.Add("close", c.InstanceId);
                    return new CloseCycleResult(true, i.KnownDeadlineUtc);
                });
                Fake<CycleTaskInput, int>(nameof(RecordFinalAnswersActivity), (c, _) =>
                {
                    calls.Add("final-answers", c.InstanceId);
                    return 0;
                });
                Fake<CycleTaskInput, AggregateCycleResult>(nameof(AggregateCycleActivity), (c, _) =>
                {
                    calls.Add("aggregate", c.InstanceId);
                    return new AggregateCycleResult(roster.Count, roster.Count(submitted.Contains));
                });
                Fake<CycleTaskInput, string>(nameof(GenerateReportActivity), (c, _) =>
                {
                    calls.Add("report", c.InstanceId);
                    return "a/2025/report.docx";
                });
                Fake<DeliverReportInput, bool>(nameof(DeliverReportActivity), (c, i) =>
                {
                    calls.Add($"deliver:{i.ReportBlobName}", c.InstanceId);
                    return true;
                });
                Fake<StartSteeringApprovalInput, string>(nameof(StartSteeringApprovalActivity), (c, i) =>
                {
                    calls.Add("approval", c.InstanceId);
                    return CycleIds.ApprovalInstance(i.AgreementId, i.Year);
                });

                // The approval's own tasks run in its own instance, which these tests do not start (it has tests of its own).
                foreach (var name in new[]
                {
                    nameof(ReadSteeringDecisionActivity), nameof(SendApprovalReminderActivity), nameof(ArchiveApprovedReportActivity), nameof(PublishCitizenSummaryActivity),
                    nameof(OpenReturnRoundActivity), nameof(CloseReturnRoundActivity),
                })
                {
                    Fake<object?, object?>(name, (c, _) =>
                    {
                        calls.Add(name, c.InstanceId);
                        return null;
                    });
                }
            },
            // The host's default is a random port in 30000–40000, inside Linux's ephemeral range: it collided with a
            // port in use during a CI run. A port the OS just handed out free is far less likely to.
            new DurableTaskTestHostOptions { Port = FreeLoopbackPort() });

        var missing = DurableTasks.Activities.Select(t => t.Name).Where(n => !registered.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"No stand-in for {string.Join(", ", missing)}: every task of DurableTasks.Activities needs one.");
        }

        return host;
    }

    static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class StartOwners(DurableTaskClient client, IReadOnlyList<string> owners, RecordedCalls calls) : TaskActivity<StartOwnerInputsInput, int>
    {
        public override async Task<int> RunAsync(TaskActivityContext context, StartOwnerInputsInput input)
        {
            calls.Add("start-owners", context.InstanceId);
            foreach (var owner in owners)
            {
                await OrchestrationStarter.StartIfNewAsync(client, nameof(OwnerInputOrchestrator), CycleIds.OwnerInstance(input.AgreementId, input.Year, owner), new OwnerInputInput(
                    input.AgreementId, input.Year, owner, input.CycleInstanceId, input.DeadlineUtc, input.RemindersBeforeDeadline, input.GracePeriod, input.ReceiptDebounce));
            }

            return owners.Count;
        }
    }

    sealed class SignalOwners(DurableTaskClient client, IReadOnlyList<string> owners, RecordedCalls calls) : TaskActivity<SignalOwnersInput, int>
    {
        public override async Task<int> RunAsync(TaskActivityContext context, SignalOwnersInput input)
        {
            calls.Add(input.NewDeadlineUtc is null ? "signal:closing" : "signal:extended", context.InstanceId);
            foreach (var owner in owners)
            {
                var id = CycleIds.OwnerInstance(input.AgreementId, input.Year, owner);
                if (input.NewDeadlineUtc is { } deadline)
                {
                    await client.RaiseAsync(id, new DeadlineExtendedEvent(deadline));
                }
                else
                {
                    await client.RaiseAsync(id, new CycleClosingEvent("cycle"));
                }
            }

            return owners.Count;
        }
    }
}
