using Microsoft.Extensions.Caching.Memory;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Read views kept in memory under a key that includes a stamp read from the database (ADR 7), so a cached view is
/// never staler than the last save. Every entry counts one towards the cache's size limit.
/// </summary>
public static class ReadCache
{
    public static async Task<T> CachedAsync<T>(this IMemoryCache cache, object key, Func<Task<T>> compute) =>
        (await cache.GetOrCreateAsync(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return compute();
        }))!;
}
