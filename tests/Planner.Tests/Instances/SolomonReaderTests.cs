using Delivery.Planner.Instances;
using Delivery.Testing;

namespace Delivery.Planner.Tests.Instances;

public sealed class SolomonReaderTests
{
    private const string Header = "TINY\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  3         50\r\n\r\nCUSTOMER\r\n"
        + "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n";

    private const string DepotRow = "    0      0         0          0          0       1000          0\r\n";

    private static SolomonInstance Parse(string text) => SolomonReader.Parse(new StringReader(text), "tiny.txt");

    private static SolomonFormatException Fails(string text) => Assert.Throws<SolomonFormatException>(() => Parse(text));

    [Fact]
    public void Parse_WellFormedText_ReadsFleetDepotAndCustomers()
    {
        var instance = Parse(Header + DepotRow + "    1      3         4         10         5         50         7\r\n");

        Assert.Equal("TINY", instance.Name);
        Assert.Equal(3, instance.VehicleCount);
        Assert.Equal(50, instance.Capacity);
        Assert.Equal(1000, instance.Depot.DueDate);
        Assert.Equal(new SolomonCustomer(1, 3, 4, 10, 5, 50, 7), Assert.Single(instance.Customers));
    }

    [Fact]
    public void Parse_LfLineEnds_Accepted()
    {
        var instance = Parse((Header + DepotRow + "1 3 4 10 5 50 7\r\n").Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Single(instance.Customers);
    }

    [Theory]
    [InlineData("1 3 4 10 5 50\r\n", 11, "expected 7 numbers (CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME), found 6")]
    [InlineData("1 3 4 ten 5 50 7\r\n", 11, "DEMAND 'ten' is not an integer")]
    [InlineData("1 3 x 1 5 50 7\r\n", 11, "YCOORD. 'x' is not a number")]
    [InlineData("1 3 4 10 60 50 7\r\n", 11, "DUE DATE 50 of customer 1 is before its READY TIME 60")]
    [InlineData("1 3 4 -1 5 50 7\r\n", 11, "DEMAND of customer 1 must not be negative")]
    [InlineData("1 3 4 1 5 50 -7\r\n", 11, "SERVICE TIME of customer 1 must not be negative")]
    [InlineData("1 3 4 1 5 50 7\r\n\r\n1 3 4 1 5 50 7\r\n", 13, "customer 1 appears twice")]
    public void Parse_MalformedCustomerRow_ErrorNamesLineAndProblem(string rows, int line, string problem)
    {
        var e = Fails(Header + DepotRow + rows);

        Assert.Equal(line, e.LineNumber);
        Assert.StartsWith($"tiny.txt, line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FirstRowNotDepot_Rejected()
    {
        Assert.Contains("must be the depot", Fails(Header + "1 3 4 1 5 50 7\r\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingVehicleSection_ErrorNamesLine()
    {
        var e = Fails("TINY\r\n\r\nCUSTOMER\r\n");

        Assert.Equal(3, e.LineNumber);
        Assert.Contains("expected the VEHICLE section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedAfterHeader_ErrorSaysEndOfFile()
    {
        Assert.Contains("end of file before the depot row", Fails(Header).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FleetLineWithOneNumber_Rejected()
    {
        var e = Fails("TINY\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  25\r\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("expected two numbers", e.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Read_C101_HundredCustomersCapacity200TwentyFiveVehicles()
    {
        var c101 = SolomonReader.Read(SharedData.PathOf("solomon", "C101.txt"));

        Assert.Equal("C101", c101.Name);
        Assert.Equal("C1", c101.Class);
        Assert.Equal(100, c101.Customers.Count);
        Assert.Equal(200, c101.Capacity);
        Assert.Equal(25, c101.VehicleCount);
        Assert.Equal(1236, c101.Depot.DueDate);
        Assert.Equal(new SolomonCustomer(1, 45, 68, 10, 912, 967, 90), c101.Customers[0]);
    }

    [SharedDataFact]
    public void Read_EverySolomonAndHombergerFile_Parses()
    {
        var files = Directory.GetFiles(SharedData.PathOf("solomon"), "*.txt")
            .Concat(Directory.GetFiles(SharedData.PathOf("homberger", "200"), "*.txt"))
            .Concat(Directory.GetFiles(SharedData.PathOf("homberger", "400"), "*.txt")).ToList();

        Assert.Equal(56 + 60 + 60, files.Count);
        foreach (var f in files)
        {
            var instance = SolomonReader.Read(f);
            Assert.Equal(Path.GetFileNameWithoutExtension(f), instance.Name, ignoreCase: true);
            Assert.Contains(instance.Customers.Count, new[] { 100, 200, 400 });
            Assert.Contains(instance.Class, new[] { "C1", "C2", "R1", "R2", "RC1", "RC2" });
        }
    }
}
