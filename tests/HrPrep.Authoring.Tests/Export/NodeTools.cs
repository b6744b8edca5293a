using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using HrPrep.Tests.Shared;
using Xunit;

namespace HrPrep.Authoring.Tests.Export;

/// <summary>
/// Runs the Node checkers in <c>tests/js</c> (anki-reader, gift-pegjs, playwright-core with @sparticuz/chromium, the QTI player).
/// Installs them with <c>npm ci</c> from the committed lockfile when any package the lockfile names
/// is missing from <c>node_modules</c>. Tests that need them fail (not skip) when node or npm is not
/// installed.
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

            if (!AllLockedPackagesPresent())
            {
                var (code, o, e) = Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, $"npm ci in tests/js failed ({code}):\n{o}\n{e}");
            }

            installed = true;
        }
    }

    /// <summary>
    /// True when every non-optional package of <c>package-lock.json</c> has its <c>package.json</c>
    /// under <c>node_modules</c> (so a package added to the lockfile triggers a fresh <c>npm ci</c>).
    /// </summary>
    private static bool AllLockedPackagesPresent()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json")));
        foreach (var package in lockFile.RootElement.GetProperty("packages").EnumerateObject())
        {
            bool optional = package.Value.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True;
            if (package.Name.Length > 0 && !optional &&
                !File.Exists(Path.Combine(Directory, package.Name, "package.json")))
            {
                return false;
            }
        }

        return true;
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
