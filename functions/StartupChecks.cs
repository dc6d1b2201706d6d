using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Functions;

public static class StartupChecks
{
    /// <summary>
    /// A deployed app with the repository's built-in anti-forgery key would accept forged posts from anyone who read
    /// the source, one with a loopback link address would mail dead links, and one writing mail to a folder would send
    /// nothing: refuse to start and say which setting to set.
    /// </summary>
    public static IHost RefuseDevelopmentSecretsOutsideDevelopment(this IHost host)
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (environment.IsDevelopment())
        {
            return host;
        }

        var forms = host.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        if (forms.AntiforgeryKey == FormOptions.DevelopmentAntiforgeryKey)
        {
            throw new InvalidOperationException("Forms:AntiforgeryKey (app setting Forms__AntiforgeryKey) must be set to a secret of at least 32 characters outside Development.");
        }

        // Owners' links are built from this address; a loopback default would mail every owner a dead link.
        if (Uri.TryCreate(forms.PublicBaseUrl, UriKind.Absolute, out var url) && url.IsLoopback)
        {
            throw new InvalidOperationException($"Forms:PublicBaseUrl (app setting Forms__PublicBaseUrl) is '{forms.PublicBaseUrl}'; set it to the app's public address outside Development.");
        }

        var mail = host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        if (mail.EffectiveTransport == MailTransport.Pickup)
        {
            throw new InvalidOperationException(
                "Mail:Transport (app setting Mail__Transport) is Pickup, which only writes .eml files: set it to Graph (Microsoft 365) or Smtp (with Mail__SmtpHost) outside Development.");
        }

        return host;
    }

    /// <summary>Every table and the report container must answer before the app serves anything; the message names the store and the fix.</summary>
    public static IHost RefuseUnreachableStorage(this IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        StorageCheck.VerifyAsync(host.Services, timeout.Token).GetAwaiter().GetResult();
        return host;
    }
}
