using Delivery.Planner.Instances;
using Delivery.Testing;

namespace Delivery.Planner.Tests.Instances;

public sealed class BestKnownSolutionsTests
{
    private const string Header = "instance,set,customers,hier_vehicles,hier_distance,dimacs_vehicles,dimacs_distance_trunc1,extra";

    [Fact]
    public void Parse_ColumnsInAnyOrderAndEmptyCells_ReadByName()
    {
        var text = "dimacs_distance_trunc1,instance,set,customers,hier_vehicles,hier_distance,dimacs_vehicles\n827.3,C101,Solomon,100,,,10\n";

        var row = BestKnownSolutions.Parse(new StringReader(text), "t.csv")["c101"];

        Assert.Equal(827.3, row.DimacsDistance);
        Assert.Equal(10, row.DimacsVehicles);
        Assert.Null(row.HierVehicles);
        Assert.Null(row.DistanceOnlyDistance);
    }

    [Fact]
    public void Parse_MissingColumn_ErrorNamesIt()
    {
        var e = Assert.Throws<FormatException>(() => BestKnownSolutions.Parse(new StringReader("instance,set\nC101,Solomon\n"), "t.csv"));

        Assert.Contains("line 1: missing column(s) customers, hier_vehicles", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadNumber_ErrorNamesLineAndColumn()
    {
        var e = Assert.Throws<FormatException>(() => BestKnownSolutions.Parse(new StringReader(Header + "\nC101,Solomon,100,ten,828.94,10,827.3,x\n"), "t.csv"));

        Assert.Equal("t.csv, line 2: hier_vehicles 'ten' is not an integer", e.Message);
    }

    [SharedDataFact]
    public void Read_SolomonTable_HasAll56WithDimacsAndHierValues()
    {
        var table = BestKnownSolutions.Read(SharedData.PathOf("solomon", "BKS_solomon.csv"));

        Assert.Equal(56, table.Count);
        Assert.All(table.Values, b => Assert.True(b.DimacsDistance > 0 && b.HierVehicles > 0 && b.HierDistance > 0, b.Instance));
        Assert.Equal(827.3, table["C101"].DimacsDistance);
        Assert.Equal(10, table["C101"].HierVehicles);
    }

    [SharedDataFact]
    public void Read_HombergerTable_Has200And400()
    {
        var table = BestKnownSolutions.Read(SharedData.PathOf("homberger", "BKS_homberger.csv"));

        Assert.Equal(120, table.Count);
        Assert.Equal(2698.6, table["c1_2_1"].DimacsDistance);
        Assert.Null(table["c1_2_1"].DistanceOnlyDistance);
    }
}
