using System.Collections.Concurrent;
using System.Net;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// Slows down password guessing: after a number of failed sign-ins for one account, or from one client address,
/// within a window, further attempts are refused until the oldest failure leaves the window (429 with Retry-After).
/// It replaces Identity's lockout, which anyone who knows an e-mail address could trigger to keep its owner out; the
/// throttle ends by itself. Kept per instance: with several instances each counts its own share of the attempts.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public TimeSpan Window => TimeSpan.FromMinutes(configuration.GetValue("Samverka:SignIn:WindowMinutes", 15));
    public int PerAccount => configuration.GetValue("Samverka:SignIn:FailuresPerAccount", 5);
    public int PerAddress => configuration.GetValue("Samverka:SignIn:FailuresPerAddress", 20);

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");

    /// <summary>How long the caller must wait before trying again; null when they may try now.</summary>
    public TimeSpan? RetryAfter(string email, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var waits = new[] { Wait(AccountKey(email), PerAccount, now), Wait(AddressKey(address), PerAddress, now) }.Where(w => w is not null).ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void Failed(string email, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { AccountKey(email), AddressKey(address) })
        {
            var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                Prune(queue, now);
                queue.Enqueue(now);
            }
        }
        if (failures.Count > 100_000)
        {
            // Bounded memory under a spray of made-up addresses: forget what has left the window.
            foreach (var (key, queue) in failures)
            {
                lock (queue)
                {
                    Prune(queue, now);
                    if (queue.Count == 0)
                    {
                        failures.TryRemove(key, out _);
                    }
                }
            }
        }
    }

    /// <summary>The account's owner got in: their own earlier typing errors no longer count against them.</summary>
    public void Succeeded(string email) => failures.TryRemove(AccountKey(email), out _);

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return null;
        }
        lock (queue)
        {
            Prune(queue, now);
            return queue.Count >= limit ? queue.Peek() + Window - now : null;
        }
    }

    private void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + Window <= now)
        {
            queue.Dequeue();
        }
    }
}
