namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>Headers the composer puts on every mail: what kind it is and which cycle and owner it concerns.</summary>
public static class MailHeaders
{
    public const string Kind = "X-Trygghet-Kind";

    public const string Agreement = "X-Trygghet-Agreement";

    public const string Year = "X-Trygghet-Year";

    public const string Owner = "X-Trygghet-Owner";
}
