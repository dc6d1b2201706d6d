using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// Local sign-in: <c>serve</c> prints a link with a one-time token; redeeming it (a POST) yields a session id for an
/// HttpOnly cookie and kills the token. Only hashes are kept, in memory: the local host is one process, and a restart
/// prints a new link. Azure never uses this (App Service Authentication signs people in there).
/// </summary>
public sealed class DeskSessions(IOptions<DeskOptions> options, TimeProvider time)
{
    public const string CookieName = "desk-session";

    readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Expires)> signIns = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Expires)> sessions = new(StringComparer.Ordinal);

    /// <summary>A new one-time sign-in token for the named person.</summary>
    public string IssueSignInToken(string name)
    {
        var token = LinkToken.NewToken();
        signIns[LinkToken.HashOf(token)!] = (name, time.GetUtcNow() + options.Value.SignInLinkLifetime);
        return token;
    }

    /// <summary>Exchanges a sign-in token for a new session id; the token works once (TryRemove is atomic), then never again.</summary>
    public string? Redeem(string? token)
    {
        if (LinkToken.HashOf(token) is not { } hash || !signIns.TryRemove(hash, out var signIn) || signIn.Expires < time.GetUtcNow())
        {
            return null;
        }

        var session = LinkToken.NewToken();
        sessions[LinkToken.HashOf(session)!] = (signIn.Name, time.GetUtcNow() + options.Value.SessionLifetime);
        return session;
    }

    public DeskUser? UserOf(string? session)
    {
        if (LinkToken.HashOf(session) is not { } hash || !sessions.TryGetValue(hash, out var s))
        {
            return null;
        }

        if (s.Expires < time.GetUtcNow())
        {
            sessions.TryRemove(hash, out _);
            return null;
        }

        return new DeskUser(s.Name, $"session|{hash}");
    }

    public void End(string? session)
    {
        if (LinkToken.HashOf(session) is { } hash)
        {
            sessions.TryRemove(hash, out _);
        }
    }

    /// <summary>The session cookie: HttpOnly, SameSite=Strict, and Secure everywhere but plain-HTTP loopback.</summary>
    public string Cookie(string? session, bool loopback) =>
        $"{CookieName}={session ?? string.Empty}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age={(session is null ? 0 : (int)options.Value.SessionLifetime.TotalSeconds)}{(loopback ? string.Empty : "; Secure")}";
}
