using System.Diagnostics;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>Runs a program to completion with a time limit; a missing program or a failure fails the test with its output.</summary>
public static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish within {timeout}. Output so far:\n{(stdout.IsCompleted ? stdout.Result : string.Empty)}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The .docx as a reader sees it: LibreOffice renders it to PDF, pdftotext reads the PDF back.</summary>
    public static string RenderedText(string docx)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}");
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outDir);
        try
        {
            var (code, output) = Run("soffice", [$"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", outDir, docx], TimeSpan.FromMinutes(3));
            var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + ".pdf");
            Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice could not convert {docx}: {output}");
            var (textCode, text) = Run("pdftotext", ["-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
            Assert.Equal(0, textCode);
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
