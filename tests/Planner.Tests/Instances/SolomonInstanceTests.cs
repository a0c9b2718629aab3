using Delivery.Planner.Instances;
using Delivery.Planner.Model;
using Delivery.Planner.Validation;
using Delivery.Testing;

namespace Delivery.Planner.Tests.Instances;

public sealed class SolomonInstanceTests
{
    private static readonly SolomonInstance Tiny = new(
        "rc1_2_1", 2, 10,
        new SolomonCustomer(0, 0, 0, 0, 0, 1000, 0),
        [new SolomonCustomer(1, 3, 4, 4, 10, 50, 7), new SolomonCustomer(2, 1, 1, 3, 0, 900, 5)]);

    [Fact]
    public void ToProblem_Dimacs_TruncatesTenfoldDistancesAndScalesTimes()
    {
        var p = Tiny.ToProblem(BenchmarkConvention.Dimacs);

        p.Validate();
        Assert.Equal(50, p.Matrix.Distance(0, 1));          // 10·5 exactly: a perfect square is not truncated below
        Assert.Equal(14, p.Matrix.Distance(0, 2));          // ⌊10·√2⌋
        Assert.Equal(36, p.Matrix.Duration(1, 2));          // ⌊10·√13⌋
        Assert.Equal(new TimeWindow(100, 500), p.Orders[0].Windows.Single());
        Assert.Equal(70, p.Orders[0].ServiceSeconds);
        Assert.Equal(new TimeWindow(0, 10000), p.Vehicles[0].Shift);
        Assert.Equal(10, p.Vehicles[1].Capacity.Items);
        Assert.Equal(4, p.Orders[0].Demand.Items);
        Assert.Equal(PlanObjective.MinDistance, p.Objective);
        Assert.Equal(CoordinateSystem.Planar, p.Coordinates);
    }

    [Fact]
    public void ToProblem_Hierarchical_RoundsThousandfoldDistancesUp()
    {
        var p = Tiny.ToProblem(BenchmarkConvention.Hierarchical);

        Assert.Equal(5000, p.Matrix.Distance(0, 1));
        Assert.Equal(1415, p.Matrix.Duration(0, 2));        // ⌈1000·√2⌉ = ⌈1414.21⌉
        Assert.Equal(PlanObjective.FewestVehiclesThenTravel, p.Objective);
    }

    [Fact]
    public void Class_HombergerName_UpperCaseLettersAndDigit()
    {
        Assert.Equal("RC1", Tiny.Class);
        Assert.Equal("C2", SolomonInstance.ClassOf("C201"));
    }

    [Fact]
    public void IntegerSqrt_LargeValues_Exact()
    {
        Assert.Equal(3_000_000_000L, SolomonInstance.IntegerSqrt(9_000_000_000_000_000_000L));
        Assert.Equal(2_999_999_999L, SolomonInstance.IntegerSqrt(9_000_000_000_000_000_000L - 1));
    }

    [Fact]
    public void VrplibSolution_WrittenThenParsed_SameRoutesAndCost()
    {
        var problem = Tiny.ToProblem(BenchmarkConvention.Dimacs);
        var plan = new VrplibSolution([[2, 1]], null).ToPlan(problem);

        var text = VrplibSolutionWriter.Format(plan, 10.4m);
        var back = VrplibSolution.Parse(new StringReader(text), "t");

        Assert.Equal("Route #1: 2 1\nCost 10.4\n", text);
        Assert.Equal([2, 1], back.Routes.Single());
        Assert.Equal(10.4m, back.Cost);
        Assert.Empty(PlanValidator.Validate(problem, plan));
        Assert.Equal(14 + 36 + 50, plan.TotalDistanceMeters);
    }

    /// <summary>
    /// The published DIMACS routes, converted and re-timed, pass the validator and cost exactly the published value:
    /// this checks the converter (truncation, scaling, horizon) and the validator against independent data.
    /// </summary>
    [SharedDataFact]
    public void ToProblem_Dimacs_PublishedBestKnownRoutesAreValidAtTheirCost()
    {
        var table = BestKnownSolutions.Read(SharedData.PathOf("solomon", "BKS_solomon.csv"));
        foreach (var file in Directory.GetFiles(SharedData.PathOf("solomon", "bks_sources", "dimacs_sol"), "*.sol"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var problem = SolomonReader.Read(SharedData.PathOf("solomon", name + ".txt")).ToProblem(BenchmarkConvention.Dimacs);
            using var reader = new StreamReader(file);
            var solution = VrplibSolution.Parse(reader, file);

            var plan = solution.ToPlan(problem);

            Assert.Empty(PlanValidator.Validate(problem, plan));
            Assert.Empty(plan.Unassigned);
            Assert.Equal((decimal)table[name].DimacsDistance!.Value, plan.TotalDistanceMeters / 10m);
        }
    }

    [SharedDataFact]
    public void ToProblem_Dimacs_PublishedHombergerRoutesAreValidAtTheirCost()
    {
        var table = BestKnownSolutions.Read(SharedData.PathOf("homberger", "BKS_homberger.csv"));
        foreach (var size in new[] { "200", "400" })
        {
            foreach (var file in Directory.GetFiles(SharedData.PathOf("homberger", "bks_sources", "dimacs_sol", "GH" + size), "*.sol"))
            {
                var name = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
                var problem = SolomonReader.Read(SharedData.PathOf("homberger", size, name + ".txt")).ToProblem(BenchmarkConvention.Dimacs);
                using var reader = new StreamReader(file);

                var plan = VrplibSolution.Parse(reader, file).ToPlan(problem);

                Assert.Empty(PlanValidator.Validate(problem, plan));
                Assert.Equal((decimal)table[name].DimacsDistance!.Value, plan.TotalDistanceMeters / 10m);
            }
        }
    }

    [SharedDataFact]
    public void ExactDistance_C101PublishedRoutes_MatchesHierarchicalValue()
    {
        var c101 = SolomonReader.Read(SharedData.PathOf("solomon", "C101.txt"));
        using var reader = new StreamReader(SharedData.PathOf("solomon", "bks_sources", "dimacs_sol", "C101.sol"));
        var plan = VrplibSolution.Parse(reader, "C101.sol").ToPlan(c101.ToProblem(BenchmarkConvention.Hierarchical));

        Assert.Equal(828.94, c101.ExactDistance(plan), 2);
    }
}
