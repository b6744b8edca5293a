// Runs a query, a search and a seeded sample on the embedded packs in a native AOT executable.
using HrPrep.Content;

var bank = QuestionBank.Default;
Console.WriteLine($"content {bank.ContentVersion}: {bank.Questions.Length} questions");
Console.WriteLine($"mid rater-bias: {bank.Query().InCategory("rater-bias").AtLevel(QuestionLevel.Mid).CountMatches()}");
Console.WriteLine($"search calibration: {bank.Search("calibration").Length}");
Console.WriteLine("sample: " + string.Join(" ", bank.Sample(5, 42).Questions.Select(q => q.Id)));
return bank.Questions.Length > 0 ? 0 : 1;
