using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Issue 9, item 3, for every replacing endpoint the app has (PUT), so that one added later is covered: sending back
/// what was read changes nothing (no new version, no audit entry), and the reader's next real change is then accepted,
/// not refused as a conflict.
/// </summary>
public class UnchangedSaveTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SendingBackWhatWasRead_ChangesNothing_AndTheNextChangeIsAccepted(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2024, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var targets = await AppEndpoints.PrepareTargetsAsync(app);
        // A signed agreement cannot be replaced at all: its draft copy can.
        var target = targets[AppEndpoints.Husby] with { Agreement = await AppEndpoints.DraftCopyAsync(app, targets[AppEndpoints.Husby].Agreement) };
        var puts = (await AppEndpoints.AllAsync(app)).Where(e => e.Method == "PUT").ToList();
        Assert.NotEmpty(puts);
        var api = app.ApiClient(Users.Coordinator);
        var document = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json")).RootElement;

        foreach (var put in puts)
        {
            var url = AppEndpoints.Url(put, target);
            var read = JsonNode.Parse(await api.GetStringAsync(url))!.AsObject();
            var audit = await app.WithDbAsync(d => d.AuditEntries.CountAsync());

            var same = await api.PutAsync(url, Json(read));
            Assert.True(same.StatusCode == HttpStatusCode.OK, $"{url}: {(int)same.StatusCode} {await same.Content.ReadAsStringAsync()}");
            var after = JsonNode.Parse(await same.Content.ReadAsStringAsync())!;
            Assert.True(read["version"]!.GetValue<string>() == after["version"]!.GetValue<string>(), $"{url}: an unchanged save made a new version");
            Assert.True(audit == await app.WithDbAsync(d => d.AuditEntries.CountAsync()), $"{url}: an unchanged save was audited");

            var changed = read.DeepClone().AsObject();
            // A free text the endpoint takes (from its request schema), changed a little.
            var operation = OpenApi.Operation(document, put.Template, "PUT")!.Value;
            var schema = OpenApi.Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            // A list's endpoint (the reporting categories) has its texts in the rows: then the first row's.
            var (holder, holderSchema) = (changed, schema);
            if (FreeText(document, holderSchema, holder) is null
                && schema.GetProperty("properties").EnumerateObject().Where(p => changed[p.Name] is JsonArray { Count: > 0 } a && a[0] is JsonObject).Select(p => (JsonProperty?)p).FirstOrDefault() is { } list)
            {
                holder = changed[list.Name]![0]!.AsObject();
                holderSchema = OpenApi.Resolve(document, OpenApi.Resolve(document, list.Value).GetProperty("items"));
            }
            if (FreeText(document, holderSchema, holder) is not { } text)
            {
                // An agreement's choice of categories holds ids only until it adds its own (its change is tested in ReportingCategoryTests).
                Assert.True(NoTextUntilAdded.Contains(put.Template), $"{url}: no free text to change");
                continue;
            }
            holder[text] = ((string?)holder[text] + " (ändrad)").Trim();
            var next = await api.PutAsync(url, Json(changed));
            Assert.True(next.StatusCode == HttpStatusCode.OK, $"{url}: the change after an unchanged save got {(int)next.StatusCode} {await next.Content.ReadAsStringAsync()}");
            Assert.True(audit < await app.WithDbAsync(d => d.AuditEntries.CountAsync()), $"{url}: a real change was not audited");
        }
    }

    private static readonly HashSet<string> NoTextUntilAdded = ["/api/agreements/{id:int}/categories/"];

    private static string? FreeText(JsonElement document, JsonElement schema, JsonObject value) =>
        schema.GetProperty("properties").EnumerateObject()
            .Where(p => OpenApi.Resolve(document, p.Value) is var x && OpenApi.HasType(x, "string") && !x.TryGetProperty("format", out _) && !x.TryGetProperty("enum", out _))
            .Select(p => p.Name)
            .FirstOrDefault(n => value.ContainsKey(n) && (value[n] is null || (value[n] is JsonValue v && v.TryGetValue<string>(out var s) && !s.Contains('@', StringComparison.Ordinal) && !(s.Length > 0 && char.IsDigit(s[0])))));

    private static StringContent Json(JsonObject value) => new(value.ToJsonString(), Encoding.UTF8, "application/json");
}
