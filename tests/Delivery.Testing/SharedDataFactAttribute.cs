using Xunit;

namespace Delivery.Testing;

/// <summary>A fact that needs ../shared/data; skipped, saying why, on a machine without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Skips the test when the shared data folder is missing.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}

/// <summary>A theory that needs ../shared/data; skipped, saying why, on a machine without it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips the test when the shared data folder is missing.</summary>
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
