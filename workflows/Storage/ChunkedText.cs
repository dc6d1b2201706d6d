using Azure.Data.Tables;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Table Storage caps one string property at 64 KiB (32K UTF-16 chars); an owner's answers can be longer.
/// Long JSON is split over numbered properties and joined back on read.
/// </summary>
internal static class ChunkedText
{
    const int ChunkChars = 30_000;

    /// <summary>12 chunks: 720 KB of UTF-16 in one entity, under the 1 MiB entity limit with room for the other columns.</summary>
    public const int CharsPerEntity = 12 * ChunkChars;

    public static void Write(TableEntity entity, string name, string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i += ChunkChars)
        {
            // Never split a surrogate pair across two properties: each must be valid UTF-16 on its own.
            int length = Math.Min(ChunkChars, text.Length - i);
            if (i + length < text.Length && char.IsHighSurrogate(text[i + length - 1]))
            {
                length--;
            }

            entity[$"{name}{count++}"] = text.Substring(i, length);
            i -= ChunkChars - length;
        }

        entity[$"{name}Chunks"] = count;
    }

    /// <summary>
    /// Splits text too long for one entity into pieces of at most <paramref name="maxChars"/> (one per entity), never
    /// between the two halves of a surrogate pair. Empty text is one empty piece.
    /// </summary>
    public static List<string> Pieces(string text, int maxChars)
    {
        var pieces = new List<string>();
        for (int offset = 0; offset < text.Length || pieces.Count == 0;)
        {
            int length = Math.Min(maxChars, text.Length - offset);
            if (offset + length < text.Length && char.IsHighSurrogate(text[offset + length - 1]))
            {
                length--;
            }

            pieces.Add(text.Substring(offset, length));
            offset += length;
        }

        return pieces;
    }

    public static string Read(TableEntity entity, string name)
    {
        int count = entity.GetInt32($"{name}Chunks") ?? 0;
        return string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString($"{name}{i}")));
    }
}
