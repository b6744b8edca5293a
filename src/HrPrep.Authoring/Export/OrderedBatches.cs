namespace HrPrep.Authoring.Export;

/// <summary>Maps questions to their output in parallel, a batch at a time, and yields the results in input order.</summary>
internal static class OrderedBatches
{
    public const int BatchSize = 256;

    public static IEnumerable<TResult> Map<T, TResult>(IEnumerable<T> items, Func<T, TResult> map)
    {
        var batch = new List<T>(BatchSize);
        var results = new TResult[BatchSize];
        foreach (var item in items)
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                foreach (var r in Run(batch, results, map))
                {
                    yield return r;
                }

                batch.Clear();
            }
        }

        foreach (var r in Run(batch, results, map))
        {
            yield return r;
        }
    }

    private static IEnumerable<TResult> Run<T, TResult>(List<T> batch, TResult[] results, Func<T, TResult> map)
    {
        if (batch.Count == 0)
        {
            yield break;
        }

        Parallel.For(0, batch.Count, i => results[i] = map(batch[i]));
        for (int i = 0; i < batch.Count; i++)
        {
            yield return results[i];
            results[i] = default!;
        }
    }
}
