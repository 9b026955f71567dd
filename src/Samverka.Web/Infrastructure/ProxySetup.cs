using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Behind a proxy that terminates TLS the app sees plain HTTP from the proxy. The proxy's X-Forwarded-Proto and
/// X-Forwarded-For make the request HTTPS again (so the sign-in cookie is Secure) and name the real client (for the
/// logs and the audit). Only proxies the operator names are believed, besides the loopback one on the same machine:
/// "Samverka:Proxy:KnownProxies" (addresses) and "Samverka:Proxy:KnownNetworks" (CIDR, e.g. 10.0.0.0/8).
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Samverka:Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Samverka:Proxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Samverka:Proxy:KnownProxies: \"{proxy}\" is not an IP address."));
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Samverka:Proxy:KnownNetworks: \"{network}\" is not a network in CIDR notation (10.0.0.0/8)."));
            }
        });
        return services;
    }
}
