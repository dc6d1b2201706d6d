using System.Text;
using System.Text.Json;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// An agreement file in the shape of <c>templates/demo/hoganas.json</c> (<see cref="DomainJson"/>). Syntax errors and
/// every validation error are reported with the line they concern.
/// </summary>
public static class JsonAgreementReader
{
    public static ImportResult Read(byte[] utf8)
    {
        Agreement agreement;
        try
        {
            agreement = JsonSerializer.Deserialize<Agreement>(utf8, DomainJson.Options) ?? throw new JsonException("Filen är tom.");
        }
        catch (JsonException e)
        {
            // The serializer's English text means nothing to a coordinator: say where, and what kind of problem.
            var syntax = e.InnerException is JsonException || e.GetType() != typeof(JsonException) || e.Path is null or "$";
            var message = syntax
                ? "Ogiltig JSON: kontrollera citattecken, kommatecken och klamrar på raden eller raden före"
                : $"Ogiltig JSON: värdet för '{e.Path!.TrimStart('$', '.')}' har fel form eller ett okänt värde";
            return ImportResult.Failed(new ImportError(null, e.LineNumber is { } line ? (int)line + 1 : null, message));
        }

        var lines = PathLines(utf8);
        var errors = AgreementValidator.Validate(agreement).Select(e => new ImportError(null, Locate(lines, e.Path), e.Message)).ToList();
        return new ImportResult(errors.Count == 0 ? agreement : null, errors);
    }

    /// <summary>The line of the value at the path, or of its nearest ancestor present in the file (a missing property → its object).</summary>
    static int? Locate(Dictionary<string, int> lines, string path)
    {
        for (var p = path; p.Length > 0;)
        {
            if (lines.TryGetValue(p, out var line))
            {
                return line;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? string.Empty : p[..cut];
        }

        return 1;
    }

    /// <summary>Every value's path (camelCase properties, [i] indexes, as the validator names them) → its 1-based line.</summary>
    static Dictionary<string, int> PathLines(byte[] utf8)
    {
        var lineStarts = new List<long> { 0 };
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineOf(long offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingProperty = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string NextPath()
        {
            if (stack.Count == 0)
            {
                return string.Empty;
            }

            var (path, isArray, next) = stack.Pop();
            stack.Push((path, isArray, next + (isArray ? 1 : 0)));
            return isArray ? $"{path}[{next}]" : (path.Length == 0 ? pendingProperty! : $"{path}.{pendingProperty}");
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = NextPath();
                    result.TryAdd(path, LineOf(reader.TokenStartIndex));
                    stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    result.TryAdd(NextPath(), LineOf(reader.TokenStartIndex));
                    break;
            }
        }

        return result;
    }

    public static ImportResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));
}
