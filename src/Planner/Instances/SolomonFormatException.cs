namespace Delivery.Planner.Instances;

/// <summary>A Solomon-format file is malformed; the message names the file, the line and what is wrong.</summary>
public sealed class SolomonFormatException : FormatException
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/> (1-based) of <paramref name="source"/>.</summary>
    public SolomonFormatException(string source, int lineNumber, string problem)
        : base($"{source}, line {lineNumber}: {problem}")
    {
        Source = source;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file or instance name.</summary>
    public new string Source { get; }

    /// <summary>1-based line number where the problem was found.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
