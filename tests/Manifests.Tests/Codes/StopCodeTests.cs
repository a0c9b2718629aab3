using Delivery.Manifests.Codes;

namespace Delivery.Manifests.Tests.Codes;

public sealed class StopCodeTests
{
    [Theory]
    [InlineData(0L, 1, 1)]
    [InlineData(42L, 3, 17)]
    [InlineData(8191L, 4095, 1023)]
    [InlineData(StopCode.MaxRouteId, StopCode.MaxPlanVersion, StopCode.MaxSequence)]
    public void Parse_PrintedCode_RoundTrips(long route, int version, int sequence)
    {
        var code = new StopCode(route, version, sequence);

        var parsed = StopCode.Parse(code.ToString());

        Assert.True(parsed.IsValid, parsed.Reason);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(code, StopCode.Parse(code.Compact).Code);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(8191L)]
    [InlineData(StopCode.MaxRouteId)]
    public void Parse_EverySequenceOfSomeVersions_RoundTrips(long route)
    {
        foreach (var version in (int[])[1, 2, 77, StopCode.MaxPlanVersion])
        {
            for (var sequence = 1; sequence <= StopCode.MaxSequence; sequence++)
            {
                var code = new StopCode(route, version, sequence);
                Assert.Equal(code, StopCode.Parse(code.Compact).Code);
            }
        }
    }

    [Fact]
    public void Compact_NeighbouringStopsAndVersions_LookClearlyDifferent()
    {
        for (var sequence = 1; sequence < 200; sequence++)
        {
            var a = new StopCode(42, 3, sequence).Compact;
            Assert.True(Differences(a, new StopCode(42, 3, sequence + 1).Compact) >= 3, $"stops {sequence} and {sequence + 1}");
            Assert.True(Differences(a, new StopCode(42, 4, sequence).Compact) >= 3, $"stop {sequence}, versions 3 and 4");
        }
        static int Differences(string x, string y) => x.Zip(y).Count(p => p.First != p.Second);
    }

    [Fact]
    public void Compact_RouteIdBelow8192_IsEightCharacters()
    {
        Assert.Equal(8, new StopCode(8191, 4095, 1023).Compact.Length);
        Assert.Equal(9, new StopCode(8192, 1, 1).Compact.Length);
        Assert.Equal(14, new StopCode(StopCode.MaxRouteId, 1, 1).Compact.Length);
    }

    [Fact]
    public void Parse_LowerCaseSpacesAndLookAlikes_AreAccepted()
    {
        var code = new StopCode(1234, 5, 6);
        var typed = " " + code.ToString().ToLowerInvariant().Replace('0', 'o').Replace('1', 'l').Replace("-", " - ", StringComparison.Ordinal) + " ";

        Assert.Equal(code, StopCode.Parse(typed).Code);
    }

    [Fact]
    public void Parse_AnySingleCharacterMistyped_IsRefusedByTheCheck()
    {
        var compact = new StopCode(777, 12, 34).Compact;
        for (var i = 0; i < compact.Length; i++)
        {
            foreach (var c in StopCode.Alphabet.Where(c => c != compact[i]))
            {
                var typo = compact[..i] + c + compact[(i + 1)..];
                Assert.Equal(StopCodeError.CheckFailed, StopCode.Parse(typo).Error);
            }
        }
    }

    [Fact]
    public void Parse_NeighboursSwapped_IsRefusedExceptZeroWithZ()
    {
        for (var sequence = 1; sequence <= 300; sequence++)
        {
            var compact = new StopCode(4242, 9, sequence).Compact;
            for (var i = 0; i + 1 < compact.Length; i++)
            {
                var (a, b) = (compact[i], compact[i + 1]);
                if (a == b || (a, b) is ('0', 'Z') or ('Z', '0'))
                {
                    continue;
                }
                var swapped = compact[..i] + b + a + compact[(i + 2)..];
                Assert.Equal(StopCodeError.CheckFailed, StopCode.Parse(swapped).Error);
            }
        }
    }

    [Fact]
    public void Parse_CorruptedCheckCharacter_ExplainsMistypedOrSwapped()
    {
        var compact = new StopCode(42, 3, 9).Compact;
        var wrong = compact[..^1] + (compact[^1] == 'X' ? 'Y' : 'X');

        var result = StopCode.Parse(wrong);

        Assert.False(result.IsValid);
        Assert.Equal(StopCodeError.CheckFailed, result.Error);
        Assert.Contains("mistyped", result.Reason);
        Assert.Null(result.Code);
    }

    [Theory]
    [InlineData("", StopCodeError.Empty)]
    [InlineData("   ", StopCodeError.Empty)]
    [InlineData("0580-30U3", StopCodeError.InvalidCharacter)]
    [InlineData("0580-30#3", StopCodeError.InvalidCharacter)]
    [InlineData("0580-301", StopCodeError.WrongLength)]
    [InlineData("0000-0000-0000-000", StopCodeError.WrongLength)]
    public void Parse_Malformed_ReturnsErrorWithReason(string text, StopCodeError error)
    {
        var result = StopCode.Parse(text);
        Assert.Equal(error, result.Error);
        Assert.NotEmpty(result.Reason);
    }

    [Fact]
    public void Parse_AllZeros_IsOutOfRange()
    {
        Assert.Equal(StopCodeError.OutOfRange, StopCode.Parse("00000000").Error); // checks, but names no version or stop
    }

    [Fact]
    public void Verify_CodeFromOlderPlanVersion_RefusedAsOutdated()
    {
        var printed = new StopCode(42, 3, 5).ToString();

        var result = StopCode.Verify(printed, expectedRouteId: 42, currentPlanVersion: 4);

        Assert.Equal(StopCodeError.OutdatedPlanVersion, result.Error);
        Assert.Contains("plan version 3", result.Reason);
        Assert.Contains("version 4", result.Reason);
        Assert.Equal(5, result.Code!.Value.Sequence);
    }

    [Fact]
    public void Verify_CodeNewerThanRoute_RefusedAsUnknownVersion()
    {
        var result = StopCode.Verify(new StopCode(42, 5, 1).ToString(), 42, 4);
        Assert.Equal(StopCodeError.UnknownPlanVersion, result.Error);
    }

    [Fact]
    public void Verify_CodeFromAnotherRoute_RefusedNamingBothRoutes()
    {
        var result = StopCode.Verify(new StopCode(41, 3, 5).ToString(), 42, 3);

        Assert.Equal(StopCodeError.WrongRoute, result.Error);
        Assert.Contains("route 41", result.Reason);
        Assert.Contains("route 42", result.Reason);
    }

    [Fact]
    public void Verify_MatchingRouteAndVersion_Accepted()
    {
        var result = StopCode.Verify(new StopCode(42, 3, 5).ToString(), 42, 3);
        Assert.True(result.IsValid);
        Assert.Equal(new StopCode(42, 3, 5), result.Code);
    }

    [Theory]
    [InlineData(-1L, 1, 1, "routeId")]
    [InlineData(1L, 0, 1, "planVersion")]
    [InlineData(1L, 4096, 1, "planVersion")]
    [InlineData(1L, 1, 0, "sequence")]
    [InlineData(1L, 1, 1024, "sequence")]
    public void Constructor_OutOfRange_ThrowsNamingThePart(long route, int version, int sequence, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new StopCode(route, version, sequence));
        Assert.Equal(name, e.ParamName);
    }
}
