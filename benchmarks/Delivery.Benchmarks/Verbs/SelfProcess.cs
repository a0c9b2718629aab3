using System.Diagnostics;

namespace Delivery.Benchmarks.Verbs;

/// <summary>Starts this benchmark executable again as a child process (another verb, or the same with other runtime settings).</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this executable.");
        var info = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location); // started as `dotnet Delivery.Benchmarks.dll`
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }
}
