namespace Delivery.Planner.Travel.Road;

/// <summary>
/// An OpenStreetMap import failed: the message names what is wrong (the file, the database, a tool). The previous
/// network is left in place.
/// </summary>
public sealed class RoadNetworkImportException : Exception
{
    /// <summary>Creates the exception with a message that names the cause.</summary>
    public RoadNetworkImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the cause and the underlying error.</summary>
    public RoadNetworkImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
