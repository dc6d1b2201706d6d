using Microsoft.Extensions.Configuration;
using Trygghetsuppfoljning.Workflows;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

public sealed class ScheduleConfigurationTests
{
    static CycleStarter StarterWith(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTrygghetsuppfoljning(configuration);
        return services.BuildServiceProvider().GetRequiredService<CycleStarter>();
    }

    [Fact]
    public void Configured_schedule_binds_into_the_cycle_input()
    {
        var starter = StarterWith(new()
        {
            ["Schedule:Cron"] = "0 0 6 1 2 *",
            ["Schedule:DeadlineAfterStart"] = "21.00:00:00",
            ["Schedule:RemindersBeforeDeadline:0"] = "10.00:00:00",
            ["Schedule:RemindersBeforeDeadline:1"] = "2.00:00:00",
            ["Schedule:GracePeriod"] = "5.00:00:00",
            ["Schedule:OwnerSettleTime"] = "00:02:00",
        });
        var before = DateTimeOffset.UtcNow;

        var input = starter.InputFor("hoganas", 2025);

        Assert.Equal("hoganas", input.AgreementId);
        Assert.Equal(2025, input.Year);
        Assert.InRange(input.DeadlineUtc, before.AddDays(21), DateTimeOffset.UtcNow.AddDays(21));
        // Exactly the configured reminders: not appended to the defaults.
        Assert.Equal([TimeSpan.FromDays(10), TimeSpan.FromDays(2)], input.RemindersBeforeDeadline);
        Assert.Equal(TimeSpan.FromDays(5), input.GracePeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), input.OwnerSettleTime);
    }

    [Fact]
    public void Without_configuration_the_cycle_gets_the_default_schedule()
    {
        var input = StarterWith([]).InputFor("hoganas", 2025, new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero), input.DeadlineUtc);
        Assert.Equal([TimeSpan.FromDays(14), TimeSpan.FromDays(3)], input.RemindersBeforeDeadline);
        Assert.Equal(TimeSpan.FromDays(7), input.GracePeriod);
    }
}
