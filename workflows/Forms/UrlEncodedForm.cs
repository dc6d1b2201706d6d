using System.Text;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// Decodes an application/x-www-form-urlencoded body exactly as sent. ASP.NET Core's own reader refuses a whole
/// body over one control character ("The form value contains invalid characters"), which would lose everything the
/// owner typed; here control characters survive to the validator, which names them, and bytes that are not UTF-8
/// become U+FFFD, which the validator names too. Field order and repeats are kept.
/// </summary>
public static class UrlEncodedForm
{
    static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var buffer = new byte[body.Length];
        while (body.Length > 0)
        {
            int end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.Length == 0)
            {
                continue;
            }

            int equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals], buffer);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], buffer);
            fields.Add(new(name, value));
        }

        return fields;
    }

    static string Decode(ReadOnlySpan<byte> encoded, byte[] buffer)
    {
        int length = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                b = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }

            buffer[length++] = b;
        }

        return Lenient.GetString(buffer, 0, length);
    }

    static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
