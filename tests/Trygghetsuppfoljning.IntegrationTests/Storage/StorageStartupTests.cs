using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Functions;
using Trygghetsuppfoljning.IntegrationTests.Functions;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Storage;

/// <summary>Both hosts check every store before serving, and the Blob client speaks a version plain Azurite accepts.</summary>
public sealed class StorageStartupTests
{
    [Fact]
    public async Task Local_host_pointed_at_a_closed_port_stops_at_start_naming_table_storage_and_the_fix()
    {
        await using var smtp = new SmtpCapture();
        var settings = TestEngine.Settings(ClosedAccount(), smtp, TestEngine.NewPrefix());
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(async () => await (await LocalEngine.StartAsync(settings)).DisposeAsync());

        // Fast: seconds, not the minutes the durable backend would spend retrying (generous bound for a loaded machine).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        Assert.Contains("Table storage", refused.Message, StringComparison.Ordinal);
        Assert.Contains("start Azurite", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Functions_app_pointed_at_a_closed_port_refuses_to_start_naming_table_storage_and_the_fix()
    {
        await using var smtp = new SmtpCapture();
        using var app = FunctionsApp.Build(TestEngine.Settings(ClosedAccount(), smtp, TestEngine.NewPrefix()));
        var refused = Assert.Throws<StorageUnavailableException>(() => app.Host.CheckBeforeStart());
        Assert.Contains("Table storage", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_are_archived_on_azurite_without_skipApiVersionCheck()
    {
        await using var strict = await AzuriteProcess.StartAsync(skipApiVersionCheck: false);
        var options = new StorageOptions { ConnectionString = strict.ConnectionString, TablePrefix = TestEngine.NewPrefix(), ReportContainer = "reports-strict" };
        await StorageCheck.VerifyAsync(options);

        var archive = new ReportArchive(Options.Create(options));
        var bytes = "not really a docx"u8.ToArray();
        var name = await archive.SaveAsync(ReportArchive.BlobName("hoganas", 2025, "sv"), new MemoryStream(bytes));
        Assert.Equal(bytes, await archive.ReadAsync(name));
    }

    /// <summary>An account whose three endpoints are ports nobody listens on.</summary>
    static string ClosedAccount()
    {
        int Closed()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return AzuriteProcess.ConnectionStringFor(Closed(), Closed(), Closed());
    }
}
