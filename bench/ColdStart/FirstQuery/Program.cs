// A fresh process that references HrPrep.Content and runs its first query on QuestionBank.Default.
using HrPrep.Content;

int n = QuestionBank.Default.Query().AtLevel(QuestionLevel.Mid).InCategory("rater-bias").CountMatches();
Console.WriteLine(n);

// HRPREP_JIT_COUNT=1: how much the JIT compiled in this process (methods, IL bytes, time) and the
// bytes allocated, on stderr.
if (Environment.GetEnvironmentVariable("HRPREP_JIT_COUNT") is "1")
{
    Console.Error.WriteLine(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompiledILBytes()} IL bytes, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1} ms; {GC.GetTotalAllocatedBytes(precise: true)} bytes allocated"));
}
