using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>Bound from the <c>Desk</c> section: the coordinator's desk (web pages for running the cycle).</summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>
    /// For the local host. The safe default: a sign-in link, since a host without App Service in front cannot tell a
    /// forged <c>X-MS-CLIENT-PRINCIPAL</c> from a real one. The Functions app always uses App Service Authentication.
    /// </summary>
    public DeskAuthentication Authentication { get; set; } = DeskAuthentication.SignInLink;

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest accepted import upload (the whole request), in bytes.</summary>
    [Range(10_000, 20_000_000)]
    public int MaxUploadBytes { get; set; } = 4 * 1024 * 1024;
}
