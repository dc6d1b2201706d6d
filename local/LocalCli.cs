using Trygghetsuppfoljning.Local.Demo;

namespace Trygghetsuppfoljning.Local;

/// <summary>The local host's verbs. `demo` runs a whole compressed cycle and exits.</summary>
public static class LocalCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.FirstOrDefault() ?? "help";
        switch (verb)
        {
            case "demo":
                var result = await DemoRunner.RunAsync(Console.WriteLine);
                Console.WriteLine();
                Console.WriteLine($"Report:         {result.ReportPath}");
                Console.WriteLine($"Delivered mail: {result.DeliveredMailPath}");
                Console.WriteLine($"All mail:       {Path.Combine(result.OutputFolder, "mail")}");
                Console.WriteLine($"Demo took {result.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            default:
                Console.WriteLine("""
                    Trygghetsuppföljning, local host.
                      demo     run a whole follow-up cycle for the Höganäs demo agreement on Azurite, with simulated owners, and exit
                    """);
                return verb == "help" ? 0 : 2;
        }
    }
}
