using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>Healthy when the database answers; a load balancer takes an instance out of rotation otherwise.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
