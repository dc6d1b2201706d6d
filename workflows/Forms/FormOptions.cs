using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Bound from the <c>Forms</c> section.</summary>
public sealed class FormOptions
{
    public const string SectionName = "Forms";

    /// <summary>Base address owners' links point at, e.g. https://trygghet.hoganas.se or the local host's loopback address.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Secret for the anti-forgery value; at least 32 characters. Rotating it only invalidates open forms (input is kept).</summary>
    [Required]
    [MinLength(32)]
    public string AntiforgeryKey { get; set; } = DevelopmentAntiforgeryKey;

    /// <summary>The built-in key: fine on a developer's machine, refused by the Functions app outside Development.</summary>
    public const string DevelopmentAntiforgeryKey = "local-development-key-change-me-0123456789";

    /// <summary>Longest accepted comment or plan text, in characters.</summary>
    [Range(100, 100_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>
    /// Largest accepted form POST body, in bytes. Generous on purpose: a browser percent-encodes "ö" as six bytes, so a
    /// 64 KB text pasted by mistake should still arrive and come back with a "too long" message and every character
    /// kept, rather than be refused whole.
    /// </summary>
    [Range(4096, 10_000_000)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most fields accepted in one POST (the form has about six per measure); more is refused as too large.</summary>
    [Range(10, 100_000)]
    public int MaxFields { get; set; } = 1000;

    /// <summary>POSTs allowed per token per window.</summary>
    [Range(1, 10_000)]
    public int PostsPerTokenPerWindow { get; set; } = 30;

    /// <summary>POSTs allowed per client address per window.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerAddressPerWindow { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);

    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/forms/{token}";
}
