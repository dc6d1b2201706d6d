using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Http;

namespace Trygghetsuppfoljning.Workflows.Security;

/// <summary>
/// The Functions app's coordinator routes: besides the function key, the caller must be signed in through App Service
/// Authentication and hold the coordinator app role (<see cref="StaffOptions.RequiredRole"/>). Checked before the body
/// is read, so a refused request changes nothing. The audit log then names the person, not the key.
/// </summary>
public sealed class StaffGate(IOptions<StaffOptions> options, IHostEnvironment environment, IConfiguration configuration)
{
    /// <summary>
    /// The platform strips a client-sent principal header only while App Service Authentication is on (it then sets
    /// WEBSITE_AUTH_ENABLED); without it the header is just text anyone can send, so outside Development it is not trusted.
    /// </summary>
    bool HeaderIsTrusted => environment.IsDevelopment() || string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the caller may proceed (then <paramref name="actor"/> is the person's name); otherwise the 401/403 to answer.</summary>
    public JsonHttpResult<CoordinatorResponse>? Refuse(HttpRequest request, out string actor)
    {
        actor = string.Empty;
        if (!HeaderIsTrusted)
        {
            return CoordinatorHttp.Respond(StatusCodes.Status401Unauthorized, "App Service Authentication is not enabled on this app, so no sign-in can be trusted: enable it (infra/main.bicep, entraClientId).");
        }

        var principal = StaffPrincipal.FromHeader(request.Headers[StaffPrincipal.HeaderName].FirstOrDefault());
        if (principal is null)
        {
            return CoordinatorHttp.Respond(StatusCodes.Status401Unauthorized, "Sign in with your organisation account (App Service Authentication) to use the coordinator API.");
        }

        var role = options.Value.RequiredRole;
        if (!principal.HasRole(role))
        {
            return CoordinatorHttp.Respond(StatusCodes.Status403Forbidden, $"Your account lacks the app role '{role}'; ask your administrator to assign it in Microsoft Entra ID.");
        }

        actor = principal.Name;
        return null;
    }
}
