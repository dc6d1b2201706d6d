namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>The answer that counted for one measure when its cycle closed, and who gave it.</summary>
public sealed record FinalAnswer(string MeasureId, string OwnerId, DateTimeOffset SavedUtc, MeasureAnswer Answer);
