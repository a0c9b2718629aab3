using System.Globalization;

namespace Delivery.Planner.Instances;

/// <summary>
/// Reads the Solomon / Gehring &amp; Homberger VRPTW text format: the instance name, a VEHICLE section
/// (NUMBER, CAPACITY) and a CUSTOMER table of seven numbers per row, the depot first as customer 0.
/// Blank lines and CRLF or LF line ends are accepted; anything else malformed raises a
/// <see cref="SolomonFormatException"/> naming the line and what is wrong.
/// </summary>
public static class SolomonReader
{
    private static readonly string[] Columns = ["CUST NO.", "XCOORD.", "YCOORD.", "DEMAND", "READY TIME", "DUE DATE", "SERVICE TIME"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="SolomonFormatException">The file is malformed.</exception>
    public static SolomonInstance Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Parses an instance from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SolomonFormatException">The text is malformed.</exception>
    public static SolomonInstance Parse(TextReader reader, string source)
    {
        var lines = new Cursor(reader, source);
        var (nameLine, name) = lines.Next("the instance name");
        if (name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length != 1)
        {
            throw lines.Error(nameLine, $"expected the instance name as one word on the first line, found '{name}'");
        }
        lines.Expect("VEHICLE", "the VEHICLE section");
        lines.Expect("NUMBER", "the vehicle header 'NUMBER CAPACITY'");
        var (fleetLine, fleetText) = lines.Next("the vehicle number and capacity");
        var fleet = Fields(fleetText);
        if (fleet.Length != 2)
        {
            throw lines.Error(fleetLine, $"expected two numbers (NUMBER, CAPACITY), found {fleet.Length} field(s): '{fleetText}'");
        }
        var vehicles = Integer(lines, fleetLine, fleet[0], "vehicle NUMBER");
        var capacity = Integer(lines, fleetLine, fleet[1], "CAPACITY");
        if (vehicles is < 1 or > int.MaxValue)
        {
            throw lines.Error(fleetLine, $"vehicle NUMBER must be a positive integer, found {vehicles}");
        }
        if (capacity < 0)
        {
            throw lines.Error(fleetLine, $"CAPACITY must not be negative, found {capacity}");
        }
        lines.Expect("CUSTOMER", "the CUSTOMER section");
        lines.Expect("CUST", "the customer table header");

        var rows = new List<SolomonCustomer>();
        var numbers = new HashSet<int>();
        while (lines.TryNext(out var lineNumber, out var text))
        {
            var row = ParseRow(lines, lineNumber, text);
            if (rows.Count == 0 && row.Number != 0)
            {
                throw lines.Error(lineNumber, $"the first row must be the depot, customer 0, found customer {row.Number}");
            }
            if (!numbers.Add(row.Number))
            {
                throw lines.Error(lineNumber, $"customer {row.Number} appears twice");
            }
            rows.Add(row);
        }
        if (rows.Count < 2)
        {
            throw lines.Error(lines.LineNumber, rows.Count == 0 ? "end of file before the depot row" : "the customer table has a depot but no customers");
        }
        return new SolomonInstance(name, (int)vehicles, capacity, rows[0], rows.Skip(1).ToList());
    }

    private static SolomonCustomer ParseRow(Cursor lines, int lineNumber, string text)
    {
        var f = Fields(text);
        if (f.Length != Columns.Length)
        {
            throw lines.Error(lineNumber, $"expected {Columns.Length} numbers ({string.Join(", ", Columns)}), found {f.Length} field(s): '{text.Trim()}'");
        }
        var number = Integer(lines, lineNumber, f[0], Columns[0]);
        if (number is < 0 or > int.MaxValue)
        {
            throw lines.Error(lineNumber, $"{Columns[0]} must be a non-negative integer, found {number}");
        }
        var x = Real(lines, lineNumber, f[1], Columns[1]);
        var y = Real(lines, lineNumber, f[2], Columns[2]);
        var demand = Integer(lines, lineNumber, f[3], Columns[3]);
        var ready = Integer(lines, lineNumber, f[4], Columns[4]);
        var due = Integer(lines, lineNumber, f[5], Columns[5]);
        var service = Integer(lines, lineNumber, f[6], Columns[6]);
        if (demand < 0)
        {
            throw lines.Error(lineNumber, $"DEMAND of customer {number} must not be negative, found {demand}");
        }
        if (service < 0)
        {
            throw lines.Error(lineNumber, $"SERVICE TIME of customer {number} must not be negative, found {service}");
        }
        if (due < ready)
        {
            throw lines.Error(lineNumber, $"DUE DATE {due} of customer {number} is before its READY TIME {ready}");
        }
        return new SolomonCustomer((int)number, x, y, demand, ready, due, service);
    }

    private static string[] Fields(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static long Integer(Cursor lines, int lineNumber, string field, string column) =>
        long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw lines.Error(lineNumber, $"{column} '{field}' is not an integer");

    private static double Real(Cursor lines, int lineNumber, string field, string column) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw lines.Error(lineNumber, $"{column} '{field}' is not a number");

    /// <summary>Non-blank lines with their 1-based numbers.</summary>
    private sealed class Cursor(TextReader reader, string source)
    {
        public int LineNumber { get; private set; }

        public bool TryNext(out int lineNumber, out string text)
        {
            while (reader.ReadLine() is { } line)
            {
                LineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lineNumber = LineNumber;
                    text = line.Trim();
                    return true;
                }
            }
            lineNumber = LineNumber;
            text = "";
            return false;
        }

        public (int Line, string Text) Next(string expected) =>
            TryNext(out var n, out var t) ? (n, t) : throw Error(LineNumber, $"end of file, expected {expected}");

        public void Expect(string keyword, string expected)
        {
            var (n, t) = Next(expected);
            if (!t.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(n, $"expected {expected}, found '{t}'");
            }
        }

        public SolomonFormatException Error(int lineNumber, string problem) => new(source, lineNumber, problem);
    }
}
