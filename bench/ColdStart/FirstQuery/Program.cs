// A fresh process that references HrPrep.Content and runs its first query on QuestionBank.Default.
using HrPrep.Content;

int n = QuestionBank.Default.Query().AtLevel(QuestionLevel.Mid).InCategory("rater-bias").CountMatches();
Console.WriteLine(n);
