namespace Delivery.Benchmarks;

/// <summary>A benchmark verb: <c>dotnet run -c Release --project benchmarks/Delivery.Benchmarks -- NAME [options]</c>.</summary>
public interface IVerb
{
    /// <summary>The verb as typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>True for verbs other verbs start as child processes; they are left out of the usage text.</summary>
    bool Hidden => false;

    /// <summary>Runs the verb; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
