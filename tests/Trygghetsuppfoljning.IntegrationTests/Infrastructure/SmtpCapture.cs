using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>A real SMTP server (SmtpServer package) on a free loopback port that keeps every message it receives.</summary>
public sealed class SmtpCapture : IAsyncDisposable
{
    readonly SmtpServer.SmtpServer server;
    readonly CancellationTokenSource stop = new();
    readonly Task running;
    readonly Store store;

    public SmtpCapture()
    {
        Port = FreePort.Find();
        store = new Store(this);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => !RefusedRecipients.ContainsKey(to.AsAddress())));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>While true the server answers every message with a transient failure (an outage as MailKit sees it).</summary>
    public bool Refuse { get; set; }

    /// <summary>Addresses the server refuses at RCPT TO with a permanent 550, as a server does for a mailbox that does not exist.</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> OfKind(string kind) => Messages.Where(m => m.Headers["X-Trygghet-Kind"] == kind).ToList();

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyCollection<MimeMessage>, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition(Messages.ToArray()))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Mail condition not met within {timeout}; received: {string.Join(", ", Messages.Select(m => m.Subject))}");
            }

            await Task.Delay(100);
        }

        return Messages.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    sealed class Store(SmtpCapture owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Refuse)
            {
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "Temporarily unavailable");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
