namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>How the desk learns who is at the keyboard.</summary>
public enum DeskAuthentication
{
    /// <summary>The local host: a one-time sign-in link printed by <c>serve</c>, exchanged for a session cookie.</summary>
    SignInLink,

    /// <summary>Azure: App Service Authentication signs people in and hands the app <c>X-MS-CLIENT-PRINCIPAL</c>.
    /// Only trustworthy behind that platform, which strips the header from outside requests.</summary>
    AppServiceAuthentication,
}
