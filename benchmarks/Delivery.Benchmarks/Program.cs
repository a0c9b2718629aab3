using System.Reflection;
using Delivery.Benchmarks;

// Verb dispatch (DESIGN.md §8): every IVerb in this assembly is a verb; each ends its output with "RESULT {json}".
var verbs = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IVerb)Activator.CreateInstance(t)!)
    .ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Delivery.Benchmarks -- VERB [options]");
    foreach (var v in verbs.Values.Where(v => !v.Hidden).OrderBy(v => v.Name))
    {
        Console.Error.WriteLine($"  {v.Name,-10} {v.Summary}");
    }
    return 2;
}
return await verb.RunAsync(args[1..]);
