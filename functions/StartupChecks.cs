using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Functions;

internal static class StartupChecks
{
    /// <summary>
    /// A deployed app with the repository's built-in anti-forgery key would accept forged posts from anyone who read
    /// the source: refuse to start and say which setting to set.
    /// </summary>
    public static IHost RefuseDevelopmentSecretsOutsideDevelopment(this IHost host)
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        var forms = host.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        if (!environment.IsDevelopment() && forms.AntiforgeryKey == FormOptions.DevelopmentAntiforgeryKey)
        {
            throw new InvalidOperationException("Forms:AntiforgeryKey (app setting Forms__AntiforgeryKey) must be set to a secret of at least 32 characters outside Development.");
        }

        return host;
    }
}
