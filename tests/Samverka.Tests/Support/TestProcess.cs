using System.Runtime.CompilerServices;

namespace Samverka.Tests.Support;

/// <summary>Settings for the whole test process, made before any host is built.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Hundreds of app hosts come and go in one process, each watching its config files and web root; with inotify
    /// those watches outlive a host long enough to reach the kernel's 128 instances per user, and a page's
    /// asp-append-version then fails with a 500. Polling watchers need no inotify instance.
    /// </summary>
    [ModuleInitializer]
    internal static void UsePollingFileWatchers() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
