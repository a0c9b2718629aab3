namespace Delivery.Tracking.Eta;

/// <summary>
/// The day's observed pace: total observed leg time ÷ total predicted leg time, shrunk towards 1 by a prior of
/// <see cref="PriorSeconds"/> predicted seconds so one odd leg does not swing every ETA, and clamped to 0.5…3.
/// Immutable; <see cref="Observe"/> returns the updated model.
/// </summary>
/// <param name="ObservedSeconds">Sum of observed leg durations today, seconds.</param>
/// <param name="PredictedSeconds">Sum of predicted leg durations today, seconds.</param>
public sealed record PaceModel(double ObservedSeconds, double PredictedSeconds)
{
    /// <summary>Weight of the prior belief "pace = 1", in predicted seconds.</summary>
    public const double PriorSeconds = 900;

    /// <summary>No observation yet (factor 1).</summary>
    public static PaceModel Neutral { get; } = new(0, 0);

    /// <summary>Multiplier for predicted travel times.</summary>
    public double Factor => Math.Clamp((ObservedSeconds + PriorSeconds) / (PredictedSeconds + PriorSeconds), 0.5, 3.0);

    /// <summary>Adds one driven leg; legs with no prediction or absurd values (&gt; 10× either way) are ignored.</summary>
    public PaceModel Observe(double observedSeconds, double predictedSeconds)
    {
        if (predictedSeconds < 30 || observedSeconds <= 0 || observedSeconds > 10 * predictedSeconds || observedSeconds * 10 < predictedSeconds)
        {
            return this;
        }
        return new PaceModel(ObservedSeconds + observedSeconds, PredictedSeconds + predictedSeconds);
    }
}
