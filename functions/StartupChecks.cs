using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Functions;

internal static class StartupChecks
{
    /// <summary>
    /// A deployed app with the repository's built-in anti-forgery key would accept forged posts from anyone who read
    /// the source, and one with a loopback link address would mail dead links: refuse to start and say which setting to set.
    /// </summary>
    public static IHost RefuseDevelopmentSecretsOutsideDevelopment(this IHost host)
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        var forms = host.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        if (!environment.IsDevelopment() && forms.AntiforgeryKey == FormOptions.DevelopmentAntiforgeryKey)
        {
            throw new InvalidOperationException("Forms:AntiforgeryKey (app setting Forms__AntiforgeryKey) must be set to a secret of at least 32 characters outside Development.");
        }

        // Owners' links are built from this address; a loopback default would mail every owner a dead link.
        if (!environment.IsDevelopment() && Uri.TryCreate(forms.PublicBaseUrl, UriKind.Absolute, out var url) && url.IsLoopback)
        {
            throw new InvalidOperationException($"Forms:PublicBaseUrl (app setting Forms__PublicBaseUrl) is '{forms.PublicBaseUrl}'; set it to the app's public address outside Development.");
        }

        return host;
    }
}
