using System.Globalization;
using System.Net;
using Trygghetsuppfoljning.IntegrationTests.Forms;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Templates;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>
/// The host dies inside a form submission, at the two moments where work is half done: right after the answer and the
/// receipt it is owed are stored (one transaction), before progress and the page; and after progress is recorded, before
/// the page and the receipt. The owner saw nothing either way. The real local host runs as a child process with the
/// test-only setting Testing:CrashAt, which kills it there (SIGKILL, so the POST never gets an answer); it restarts
/// without it, and the receipt owed in Tables goes out then, once.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Resilience")]
public sealed class CrashWindowTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string ApiKey = "crash-window-key";
    const int Year = 2025;
    const string OwnerId = "anna-berg";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The owner closes the browser and never submits again. The answer is kept once, shown on the link, reported, and
    /// its receipt (owed in the same transaction as the answer) goes out once after the restart.
    /// </summary>
    [Fact]
    public async Task Killed_right_after_the_answer_is_stored_the_answer_is_kept_once_and_its_receipt_goes_out_once()
    {
        await using var run = await CrashedRun.StartAsync(azurite, output, "after-store", "Före kraschen, lagrat men aldrig kvitterat.");

        await run.AssertStoredOnceAndShownAsync();

        await run.CloseAsync();
        var receipts = run.ReceiptsToTheOwner();

        // One receipt, for the crashed revision, sent from the receipt owed in Tables (the sweeper or the close).
        var receipt = Assert.Single(receipts);
        Assert.Equal(ReceiptId(revision: 1), receipt.MessageId);
        Assert.Contains(run.Comment, PageText.Of(receipt.HtmlBody ?? receipt.TextBody ?? string.Empty), StringComparison.Ordinal);
        await run.AssertReportedAsync();
    }

    /// <summary>
    /// The owner, who saw an error, submits again — after the first receipt (owed since the crash) arrived, or after
    /// progress had been recorded too. The new POST gets the confirmation page (its text, not only 200); the answers
    /// are stored twice only because they were sent twice; one receipt per revision, each sent once.
    /// </summary>
    [Theory]
    [InlineData("after-store")]
    [InlineData("after-progress")]
    public async Task Killed_inside_a_submission_the_crashed_revision_is_receipted_after_the_restart_and_a_second_submission_is_confirmed_and_receipted_once(string crashAt)
    {
        await using var run = await CrashedRun.StartAsync(azurite, output, crashAt, $"Före kraschen ({crashAt}), skickat igen.");

        await run.AssertStoredOnceAndShownAsync();
        var first = await run.Smtp.WaitForAsync(m => m.Any(IsReceiptTo(run.OwnerEmail)), Patience);
        Assert.Equal([ReceiptId(revision: 1)], first.Where(IsReceiptTo(run.OwnerEmail)).Select(m => m.MessageId));

        await run.SubmitAgainAndAssertConfirmationAsync();
        await run.CloseAsync();

        var receipts = run.ReceiptsToTheOwner();
        Assert.Equal([ReceiptId(revision: 1), ReceiptId(revision: 2)], receipts.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        await run.AssertReportedAsync();
    }

    static string ReceiptId(int revision) => $"receipt.{CycleIds.For("hoganas", Year)}.{OwnerId}.{revision}@trygghetsuppfoljning";

    static Func<MimeKit.MimeMessage, bool> IsReceiptTo(string email) =>
        m => m.Headers["X-Trygghet-Kind"] == "receipt" && m.To.Mailboxes.Single().Address == email;

    /// <summary>One test's world: Azurite tables and task hub of its own, the mail capture, the host process, the crashed POST.</summary>
    sealed class CrashedRun : IAsyncDisposable
    {
        readonly ITestOutputHelper output;
        readonly Dictionary<string, string> environment;
        readonly ServiceProvider store;
        LocalHostProcess host;

        CrashedRun(ITestOutputHelper output, Dictionary<string, string> environment, ServiceProvider store, SmtpCapture smtp, LocalHostProcess host, CoordinatorApi api, Agreement agreement, string comment)
        {
            this.output = output;
            this.environment = environment;
            this.store = store;
            this.host = host;
            Smtp = smtp;
            Api = api;
            Agreement = agreement;
            Comment = comment;
        }

        public SmtpCapture Smtp { get; }

        public CoordinatorApi Api { get; }

        public Agreement Agreement { get; }

        public string Comment { get; }

        public string Link { get; private set; } = string.Empty;

        public string OwnerEmail => Agreement.Owners.Single(o => o.Id == OwnerId).Email;

        string CycleId => CycleIds.For(Agreement.Id, Year);

        TextCatalog Texts => store.GetRequiredService<TextCatalog>();

        /// <summary>Starts the host armed at <paramref name="crashAt"/>, starts a cycle, submits through the form and sees the host die; restarts it unarmed.</summary>
        public static async Task<CrashedRun> StartAsync(AzuriteFixture azurite, ITestOutputHelper output, string crashAt, string comment)
        {
            var smtp = new SmtpCapture();
            var prefix = TestEngine.NewPrefix();
            var port = FreePort.Find();
            var baseUrl = $"http://127.0.0.1:{port}";
            var environment = KilledHostSettings.For(azurite.ConnectionString, prefix, port, smtp, ApiKey);
            var store = StoreAccess.For(azurite.ConnectionString, prefix);
            var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
            await store.GetRequiredService<AgreementRepository>().SaveAsync(agreement);

            var armed = new Dictionary<string, string>(environment) { ["Testing__CrashAt"] = crashAt };
            var host = await LocalHostProcess.StartAsync(armed, baseUrl, TimeSpan.FromSeconds(60));
            var run = new CrashedRun(output, environment, store, smtp, host, new CoordinatorApi(baseUrl, ApiKey), agreement, comment);
            try
            {
                await run.CrashInsideASubmissionAsync(baseUrl, crashAt);
            }
            catch
            {
                output.WriteLine("Host output:" + Environment.NewLine + run.host.Tail);
                await run.DisposeAsync();
                throw;
            }

            return run;
        }

        async Task CrashInsideASubmissionAsync(string baseUrl, string crashAt)
        {
            using (var started = await Api.StartAsync(Agreement.Id, Year, DateTimeOffset.UtcNow.AddMinutes(30)))
            {
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }

            var invitation = (await Smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "invitation" && x.To.Mailboxes.Single().Address == OwnerEmail), Patience))
                .First(x => x.Headers["X-Trygghet-Kind"] == "invitation" && x.To.Mailboxes.Single().Address == OwnerEmail);
            Link = FormClient.LinkIn(invitation);

            // The POST never gets an answer: the host dies at the checkpoint, and the connection with it.
            using var form = new FormClient();
            var crashed = await Record.ExceptionAsync(() => form.PostAsync(Link, Answers()));
            Assert.True(crashed is HttpRequestException or IOException or TaskCanceledException, $"The submission was answered instead of killing the host: {crashed?.GetType().Name ?? "a response"}");
            Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(10)), "The host is still running after the checkpoint.");
            Assert.Contains("reached, the host dies here", host.Tail, StringComparison.Ordinal);

            await host.DisposeAsync();

            // Where it died: progress is written between the two checkpoints, so it tells the windows apart.
            var progress = await store.GetRequiredService<OwnerProgressRepository>().GetAsync(CycleId, OwnerId);
            Assert.Equal(crashAt == "after-progress", progress.SubmittedUtc is not null);

            host = await LocalHostProcess.StartAsync(environment, baseUrl, TimeSpan.FromSeconds(60));
        }

        /// <summary>Anna's answers, with values that differ from every default so the pages and the report can be checked for them.</summary>
        public List<KeyValuePair<string, string>> Answers() =>
            Infrastructure.Answers.For(Agreement, OwnerId, status: MeasureStatus.Delayed, light: TrafficLight.Yellow, comment: Comment, indicatorValue: 42);

        /// <summary>The crashed revision is stored exactly once, and the owner's link shows it.</summary>
        public async Task AssertStoredOnceAndShownAsync()
        {
            var revisions = await store.GetRequiredService<ResponseRepository>().ListRevisionsAsync(CycleId, OwnerId);
            var stored = Assert.Single(revisions);
            Assert.Equal((1, ResponseKind.Submitted), (stored.Revision, stored.Kind));
            Assert.All(stored.Answers, a => Assert.Equal((Comment, MeasureStatus.Delayed), (a.Comment, a.Status)));

            using var form = new FormClient();
            var (status, html) = await form.GetAsync(Link);
            Assert.Equal(200, status);
            Assert.Contains(Comment, PageText.Of(html), StringComparison.Ordinal);
        }

        /// <summary>The owner submits the same answers again; the page is the confirmation, and says so in the catalogue's words.</summary>
        public async Task SubmitAgainAndAssertConfirmationAsync()
        {
            using var form = new FormClient();
            var (status, html) = await form.PostAsync(Link, Answers());
            Assert.Equal(200, status);

            var page = PageText.Visible(html);
            Assert.Contains($"<h1>{Texts.Get("sv", "form.confirmation.submitted-title")}</h1>", PageText.Of(html), StringComparison.Ordinal);
            Assert.Contains(Texts.Get("sv", "form.confirmation.submitted"), page, StringComparison.Ordinal);
            Assert.Contains($"{Texts.Get("sv", "form.confirmation.revision")} 2", page, StringComparison.Ordinal);
            foreach (var measure in Agreement.MeasuresOf(OwnerId))
            {
                // Each measure's section lists what was sent, in the template's order: title, status, light, comment, indicators.
                var indicators = string.Concat(measure.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).Select(i => $" {i.Name} ({i.Unit}) 42"));
                Assert.Contains(
                    $"{measure.Label} {Texts.Get("sv", "form.status")} {Texts.Status("sv", MeasureStatus.Delayed)} {Texts.Get("sv", "form.light")} {Texts.Light("sv", TrafficLight.Yellow)} {Texts.Get("sv", "form.comment")} {Comment}{indicators}",
                    page,
                    StringComparison.Ordinal);
            }

            Assert.Equal([1, 2], (await store.GetRequiredService<ResponseRepository>().ListRevisionsAsync(CycleId, OwnerId)).Select(r => r.Revision));
        }

        public async Task CloseAsync()
        {
            using (var closed = await Api.CloseAsync(Agreement.Id, Year))
            {
                Assert.True(closed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"close answered {closed.StatusCode}");
            }

            await Api.WaitForRuntimeStatusAsync(Agreement.Id, Year, "Completed", TimeSpan.FromMinutes(3));
        }

        /// <summary>
        /// The owner's receipts. Final once the cycle has completed (<see cref="CloseAsync"/>): it sends every receipt still
        /// owed before its report, and a closed cycle is never swept again.
        /// </summary>
        public List<MimeKit.MimeMessage> ReceiptsToTheOwner() => Smtp.Messages.Where(IsReceiptTo(OwnerEmail)).ToList();

        /// <summary>The closed cycle's report holds the answer.</summary>
        public async Task AssertReportedAsync()
        {
            var text = CoordinatorApi.TextOf(await Api.ReportAsync(Agreement.Id, Year));
            Assert.Contains(Comment, text, StringComparison.Ordinal);
        }

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            Api.Dispose();
            await store.DisposeAsync();
            await Smtp.DisposeAsync();
            output.WriteLine($"Mail: {string.Join(", ", Smtp.Messages.Select(m => m.MessageId))}");
        }
    }
}
