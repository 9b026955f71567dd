using System.Text.Json;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

public class ApiDocumentTests
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/agreements", "/api/agreements/{id}", "/api/agreements/{id}/propose", "/api/agreements/{id}/decide",
            "/api/agreements/{id}/sign", "/api/agreements/{id}/extend", "/api/agreements/{id}/terminate", "/api/agreements/{id}/docx",
            "/api/partnerships", "/api/organisations", "/api/tokens" })
        {
            Assert.Contains(expected, paths);
        }
    }
}
