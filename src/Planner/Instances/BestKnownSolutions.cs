using System.Globalization;

namespace Delivery.Planner.Instances;

/// <summary>
/// Reads the best-known-solution tables <c>BKS_solomon.csv</c> and <c>BKS_homberger.csv</c>: plain comma-separated
/// values without quoting. Columns are found by their header names (instance, set, customers, hier_vehicles,
/// hier_distance, distance_only_vehicles, distance_only_distance, dimacs_vehicles, dimacs_distance_trunc1); other
/// columns are ignored and empty cells read as "no value".
/// </summary>
/// <remarks>Hand-written: the pinned CsvHelper 34.0.0 no longer has the CsvReader/CsvConfiguration API, and these files are trivially regular.</remarks>
public static class BestKnownSolutions
{
    private static readonly string[] Required = ["instance", "set", "customers", "hier_vehicles", "hier_distance", "dimacs_vehicles", "dimacs_distance_trunc1"];

    /// <summary>Reads the table at <paramref name="path"/>, keyed by instance name (case-insensitive).</summary>
    /// <exception cref="FormatException">A required column is missing or a cell is malformed; the message names the line and column.</exception>
    public static IReadOnlyDictionary<string, BestKnownSolution> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Parses a table from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">A required column is missing or a cell is malformed.</exception>
    public static IReadOnlyDictionary<string, BestKnownSolution> Parse(TextReader reader, string source)
    {
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim()).ToArray()
            ?? throw new FormatException($"{source}, line 1: expected a header row, the file is empty");
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            column.TryAdd(header[c], c);
        }
        var missing = Required.Where(c => !column.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{source}, line 1: missing column(s) {string.Join(", ", missing)}");
        }
        var table = new Dictionary<string, BestKnownSolution>(StringComparer.OrdinalIgnoreCase);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (text.Contains('"', StringComparison.Ordinal))
            {
                throw new FormatException($"{source}, line {line}: quoted fields are not supported");
            }
            var cells = text.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != header.Length)
            {
                throw new FormatException($"{source}, line {line}: expected {header.Length} fields as in the header, found {cells.Length}");
            }
            var row = new Row(source, line, cells, column);
            var name = row.Text("instance");
            if (name.Length == 0)
            {
                throw new FormatException($"{source}, line {line}: instance is empty");
            }
            var bks = new BestKnownSolution(
                name,
                row.Text("set"),
                row.Int("customers") ?? 0,
                row.Int("hier_vehicles"),
                row.Real("hier_distance"),
                row.Int("distance_only_vehicles"),
                row.Real("distance_only_distance"),
                row.Int("dimacs_vehicles"),
                row.Real("dimacs_distance_trunc1"));
            if (!table.TryAdd(name, bks))
            {
                throw new FormatException($"{source}, line {line}: instance {name} appears twice");
            }
        }
        return table;
    }

    private readonly record struct Row(string Source, int Line, string[] Cells, Dictionary<string, int> Column)
    {
        public string Text(string name) => Column.TryGetValue(name, out var c) ? Cells[c] : "";

        public int? Int(string name) => Text(name) is { Length: > 0 } t
            ? int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(name, t, "an integer")
            : null;

        public double? Real(string name) => Text(name) is { Length: > 0 } t
            ? double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Bad(name, t, "a number")
            : null;

        private FormatException Bad(string name, string text, string what) => new($"{Source}, line {Line}: {name} '{text}' is not {what}");
    }
}
