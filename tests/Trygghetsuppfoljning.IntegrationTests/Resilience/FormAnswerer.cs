using System.Collections.Concurrent;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>
/// Owners answering through the real form while the host comes and goes: every owner with an invitation link tries
/// until a POST returns the confirmation page (HTTP 200). Only those confirmations are recorded, with their comment.
/// </summary>
public sealed class FormAnswerer(Agreement agreement, SmtpCapture smtp)
{
    int failed;

    public ConcurrentDictionary<string, string> Confirmed { get; } = new(StringComparer.Ordinal);

    /// <summary>POSTs that got no confirmation (host down, killed mid-request), each retried later.</summary>
    public int FailedAttempts => failed;

    public static string CommentOf(string ownerId) => $"Lägesrapport {ownerId} klar.";

    public async Task AnswerAllAsync(CancellationToken cancellationToken)
    {
        using var form = new FormClient();
        var byAddress = agreement.Owners.ToDictionary(o => o.Email, o => o.Id, StringComparer.OrdinalIgnoreCase);
        while (Confirmed.Count < agreement.Owners.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var links = smtp.OfKind("invitation")
                .Select(m => (Owner: byAddress[m.To.Mailboxes.Single().Address], Link: FormClient.LinkIn(m)))
                .GroupBy(x => x.Owner)
                .Where(g => !Confirmed.ContainsKey(g.Key))
                .Select(g => (Owner: g.Key, g.Last().Link))
                .ToList();
            if (links.Count == 0)
            {
                await Task.Delay(250, cancellationToken);
                continue;
            }

            await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (x, _) =>
            {
                try
                {
                    var (status, _) = await form.PostAsync(x.Link, Answers.For(agreement, x.Owner, comment: CommentOf(x.Owner)));
                    if (status == 200)
                    {
                        Confirmed[x.Owner] = CommentOf(x.Owner);
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The host is down or was killed mid-request: no confirmation, so nothing is promised. Try again.
                }

                Interlocked.Increment(ref failed);
            });
            await Task.Delay(100, cancellationToken);
        }
    }
}
