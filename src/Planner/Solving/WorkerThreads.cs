namespace Delivery.Planner.Solving;

/// <summary>
/// Runs one search per worker on its own thread (OR-Tools recursion needs a large stack) and waits for all of them;
/// a failure in any worker is rethrown once every worker has stopped.
/// </summary>
internal static class WorkerThreads
{
    private const int StackBytes = 16 << 20;

    public static T[] Run<T>(int workers, string name, Func<int, T> work)
    {
        workers = Math.Max(1, workers);
        var results = new T[workers];
        var errors = new Exception?[workers];
        var threads = Enumerable.Range(0, workers).Select(i => new Thread(() =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        }, StackBytes) { IsBackground = true, Name = $"{name}-{i}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new InvalidOperationException($"A {name} search failed.", error);
        }
        return results;
    }
}
