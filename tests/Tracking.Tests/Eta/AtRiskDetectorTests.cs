using Delivery.Tracking.Eta;

namespace Delivery.Tracking.Tests.Eta;

public sealed class AtRiskDetectorTests
{
    private static readonly DateTimeOffset End = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly AtRiskDetector _detector = new(TimeSpan.FromMinutes(10));

    [Fact]
    public void Evaluate_EtaPastEndMinusMargin_Raises() =>
        Assert.Equal(AtRiskChange.Raised, _detector.Evaluate(false, End.AddMinutes(-9), End));

    [Fact]
    public void Evaluate_AlreadyAtRiskAndStillLate_DoesNotRaiseAgain() =>
        Assert.Equal(AtRiskChange.None, _detector.Evaluate(true, End.AddMinutes(5), End));

    [Fact]
    public void Evaluate_RecoversOnlyPastHysteresis_ClearsOnce()
    {
        Assert.Equal(AtRiskChange.None, _detector.Evaluate(true, End.AddMinutes(-11), End));
        Assert.Equal(AtRiskChange.Cleared, _detector.Evaluate(true, End.AddMinutes(-13), End));
    }

    [Fact]
    public void Evaluate_NoWindow_NeverAtRisk() =>
        Assert.Equal(AtRiskChange.None, _detector.Evaluate(false, End.AddHours(5), null));
}
