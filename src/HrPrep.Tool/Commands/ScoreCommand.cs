using HrPrep.Packs;
using System.CommandLine;
using System.Globalization;
using System.Text;
using HrPrep.Practice;
using HrPrep.Content;
using HrPrep.Tool.Infrastructure;

namespace HrPrep.Tool.Commands;

/// <summary><c>dotnet hrprep score ID --answer-file FILE</c>: scores an answer against a question's key points and red flags.</summary>
internal static class ScoreCommand
{
    /// <summary>Largest answer read (bytes).</summary>
    internal const int MaxAnswerBytes = 1 << 20;

    /// <summary>Creates the command.</summary>
    public static Command Create(ToolContext context)
    {
        var id = new Argument<string>("id") { Description = "The question id, e.g. hrpm-goals-001." };
        var paths = new Argument<string[]>("paths") { Description = "Pack files or directories (default: the shipped packs).", Arity = ArgumentArity.ZeroOrMore };
        var answerFile = new Option<string>("--answer-file", "-a") { Description = "The answer to score: a UTF-8 text file, or - for standard input.", Required = true };
        var format = CommonOptions.Format("text", "json");
        var scorer = new Option<string>("--scorer")
        {
            Description = "lexical (default) or semantic: lexical matching plus sentence embeddings (only in a tool built with -p:HrPrepSemantic=true).",
            DefaultValueFactory = _ => "lexical",
        };
        scorer.AcceptOnlyFromAmong("lexical", "semantic");
        var command = new Command("score", """
            Score an answer offline: which key points of the model answer it covers (and the sentence
            that covers each), which red flags it commits, and the overall coverage (0-1).

            Examples:
              dotnet hrprep score hrpm-goals-001 --answer-file my-answer.txt
              dotnet hrprep score hrpm-goals-001 --answer-file - --format json < my-answer.txt
              dotnet hrprep score hrpm-goals-001 --answer-file my-answer.txt --scorer semantic
            """);
        command.Arguments.Add(id);
        command.Arguments.Add(paths);
        command.Options.Add(answerFile);
        command.Options.Add(format);
        command.Options.Add(scorer);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var bank = BankLoader.Load(context, parse.GetValue(paths));
            string wanted = parse.GetValue(id)!;
            if (bank.Find(wanted) is not { } q)
            {
                throw new ToolExitException(ExitCodes.Findings, ToolCodes.NotFound, $"no question has the id '{wanted}'");
            }

            bool semantic = parse.GetValue(scorer) == "semantic";
            if (semantic && !SemanticScoring.Available)
            {
                throw new ToolExitException(ExitCodes.Usage, ToolCodes.Scorer, "the semantic scorer is not in this build of the tool (it adds about 110 MB); build the tool with -p:HrPrepSemantic=true, or use --scorer lexical");
            }

            string answer = ReadAnswer(context, parse.GetValue(answerFile)!);
            var score = semantic ? SemanticScoring.Score(q, answer) : AnswerScorer.Score(q, answer);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Out, score);
            }
            else
            {
                WriteText(context.Out, score);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reads the answer from a file or (for <c>-</c>) standard input; strict UTF-8, at most 1 MiB.</summary>
    internal static string ReadAnswer(ToolContext context, string path)
    {
        if (path == "-")
        {
            var sb = new StringBuilder();
            var buffer = new char[8192];
            int n;
            while ((n = context.In.Read(buffer, 0, buffer.Length)) > 0)
            {
                sb.Append(buffer, 0, n);
                if (sb.Length > MaxAnswerBytes)
                {
                    throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Answer, "standard input: the answer is over 1 MiB");
                }
            }

            return sb.ToString();
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxAnswerBytes)
            {
                throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Answer, $"{path}: the answer is over 1 MiB");
            }

            byte[] bytes = File.ReadAllBytes(path);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Answer, $"{path}: cannot read: {DiagnosticText.OneLine(ex.Message)}");
        }
        catch (DecoderFallbackException)
        {
            throw new ToolExitException(ExitCodes.Unreadable, ToolCodes.Answer, $"{path}: not UTF-8 text");
        }
    }

    /// <summary>The JSON shape of issue #17: id, coverage, keyPoints (index, text, covered, score, evidence), redFlags (index, text, hit).</summary>
    internal static void WriteJson(TextWriter o, AnswerScore score)
    {
        JsonText.WriteLine(o, json =>
        {
            json.WriteStartObject();
            json.WriteString("id", score.QuestionId);
            json.WriteNumber("coverage", score.Coverage);
            json.WriteStartArray("keyPoints");
            foreach (var k in score.KeyPoints)
            {
                json.WriteStartObject();
                json.WriteNumber("index", k.Index);
                json.WriteString("text", k.Text);
                json.WriteBoolean("covered", k.Covered);
                json.WriteNumber("score", k.Score);
                json.WriteString("evidence", k.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("redFlags");
            foreach (var r in score.RedFlags)
            {
                json.WriteStartObject();
                json.WriteNumber("index", r.Index);
                json.WriteString("text", r.Text);
                json.WriteBoolean("hit", r.Hit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Covered and missed key points, red flags hit; plain text, no colours.</summary>
    internal static void WriteText(TextWriter o, AnswerScore score)
    {
        int covered = score.KeyPoints.Count(k => k.Covered);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.QuestionId}: {covered} of {score.KeyPoints.Length} key points covered (coverage {score.Coverage:0.00})"));
        foreach (var k in score.KeyPoints.Where(k => k.Covered))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [x] {k.Text}  ({k.Score:0.00})"));
            o.WriteLine($"      you said: \"{k.Evidence}\"");
        }

        foreach (var k in score.KeyPoints.Where(k => !k.Covered))
        {
            o.WriteLine($"  [ ] {k.Text}");
        }

        var hits = score.RedFlags.Where(r => r.Hit).ToList();
        o.WriteLine(hits.Count == 0 ? "No red flags found." : $"Red flags ({hits.Count}):");
        foreach (var r in hits)
        {
            o.WriteLine($"  [!] {r.Text}");
            o.WriteLine($"      you said: \"{r.Evidence}\"");
        }
    }
}
