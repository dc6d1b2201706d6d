using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Issues a fresh personal link for an owner in a cycle; only the token's hash is stored.</summary>
public sealed class OwnerLinkIssuer(TokenRepository tokens, IOptions<FormOptions> options, TimeProvider time)
{
    public async Task<string> IssueAsync(string agreementId, int year, string ownerId, CancellationToken cancellationToken = default)
    {
        var token = LinkToken.NewToken();
        await tokens.AddAsync(new LinkTokenRecord(LinkToken.HashOf(token)!, agreementId, year, ownerId, time.GetUtcNow(), null), cancellationToken);
        return options.Value.LinkFor(token);
    }
}
