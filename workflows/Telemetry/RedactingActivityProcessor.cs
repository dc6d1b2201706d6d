using System.Diagnostics;
using OpenTelemetry;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>Redacts form tokens from span names and URL tags before any exporter sees the span (added before the exporters).</summary>
internal sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url", "http.route", "url.query", "server.address"];

    public override void OnEnd(Activity data)
    {
        if (TokenRedaction.MayContainToken(data.DisplayName))
        {
            data.DisplayName = TokenRedaction.Redact(data.DisplayName)!;
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value && TokenRedaction.MayContainToken(value))
            {
                data.SetTag(tag, TokenRedaction.Redact(value));
            }
        }
    }
}
