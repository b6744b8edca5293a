namespace HrPrep.Tool;

/// <summary>Entry point of <c>dotnet hrprep</c>.</summary>
internal static class Program
{
    /// <summary>Runs the tool with the console's writers and returns the exit code.</summary>
    public static int Main(string[] args) =>
        CliApp.Run(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected, input: Console.In);
}
