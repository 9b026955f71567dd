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
            "/api/partnerships", "/api/organisations", "/api/tokens", "/api/partnerships/{partnershipId}/reports", "/api/reports/{id}",
            "/api/reports/{id}/figures", "/api/reports/{id}/submit", "/api/reports/{id}/approve", "/api/reports/{id}/return",
            "/api/reports/{id}/figures/{figureId}/correct", "/api/reports/{id}/import", "/api/agreements/{id}/fulfilment",
            "/api/agreements/{id}/template", "/api/agreements/{id}/figures", "/api/agreements/{id}/targets" })
        {
            Assert.Contains(expected, paths);
        }
    }
}
