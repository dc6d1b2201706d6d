using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Cell shadings with meaning (traffic lights, trends). Pale tints keep black text readable when printed.</summary>
internal static class ReportFills
{
    public const string Green = "C6EFCE";
    public const string Yellow = "FFEB9C";
    public const string Red = "FFC7CE";
    public const string Better = "E2F0D9";
    public const string Worse = "FBE5D6";
    public const string Missing = "EDEDED";

    public static string? For(TrafficLight? light) => light switch
    {
        TrafficLight.Green => Green,
        TrafficLight.Yellow => Yellow,
        TrafficLight.Red => Red,
        _ => null,
    };
}
