namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>Whether a medborgarlöfte was kept this year (hållet / delvis hållet / inte hållet).</summary>
public enum PromiseVerdict
{
    Kept,
    PartlyKept,
    NotKept,
}
