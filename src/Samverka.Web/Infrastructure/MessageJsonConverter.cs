using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// A message in the API is the text the user reads: in the request's language with its values filled in, never an
/// English template and a separate list of arguments.
/// </summary>
public sealed class MessageJsonConverter : JsonConverter<Message>
{
    public override Message Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Message value, JsonSerializerOptions options) => writer.WriteStringValue(JsonStringLocalizer.Say(value));
}
