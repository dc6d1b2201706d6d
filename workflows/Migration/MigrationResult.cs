namespace Trygghetsuppfoljning.Workflows.Migration;

/// <summary>What one run of <see cref="StorageMigrator"/> converted; all zero when everything was current.</summary>
/// <param name="RostersTaken">Cycles stored before rosters existed that now have one (from the agreement as stored).</param>
/// <param name="FinalAnswersStored">Closed cycles whose final answers were stored for next year's form.</param>
/// <param name="CyclesRestarted">Open cycles whose orchestrations, started by an older version, were restarted on this one.</param>
/// <param name="AggregatesCleaned">Stored aggregates from which owner ids were removed (counts kept).</param>
/// <param name="RowsRekeyed">Link tokens and sent-mail index rows moved from the empty row key to their partition key.</param>
/// <param name="CyclesGivenHeads">Cycles from older versions whose revisions all got head rows (and the mark saying so).</param>
public sealed record MigrationResult(int RostersTaken, int FinalAnswersStored, int CyclesRestarted, int AggregatesCleaned, int RowsRekeyed = 0, int CyclesGivenHeads = 0)
{
    public bool ChangedAnything => RostersTaken + FinalAnswersStored + CyclesRestarted + AggregatesCleaned + RowsRekeyed + CyclesGivenHeads > 0;
}
