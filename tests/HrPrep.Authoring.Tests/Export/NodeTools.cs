using System.ComponentModel;
using System.Diagnostics;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

/// <summary>
/// Runs the Node checkers in <c>tests/js</c> (anki-reader, gift-pegjs, playwright-core, the QTI player). Installs them with
/// <c>npm ci</c> from the committed lockfile when <c>node_modules</c> is missing. Tests that need them
/// fail (not skip) when node or npm is not installed.
/// </summary>
internal static class NodeTools
{
    private static readonly Lock Gate = new();
    private static bool installed;

    public static string Directory => Repo.PathOf("tests", "js");

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            // Every dependency in package.json must be installed (a checker added later installs on the next run).
            using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "package.json")));
            bool present = manifest.RootElement.GetProperty("dependencies").EnumerateObject()
                .All(d => File.Exists(Path.Combine([Directory, "node_modules", .. d.Name.Split('/'), "package.json"])));
            if (!present)
            {
                var (code, o, e) = Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, $"npm ci in tests/js failed ({code}):\n{o}\n{e}");
            }

            installed = true;
        }
    }

    public static (int Code, string Out, string Err) Node(string script, params string[] args)
    {
        EnsureInstalled();
        return Run("node", [script, .. args], TimeSpan.FromMinutes(2));
    }

    private static (int Code, string Out, string Err) Run(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"'{program}' is required by this test (Node.js 20+ with npm; see tests/js/package.json) but could not be started: {ex.Message}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', args)} timed out");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
