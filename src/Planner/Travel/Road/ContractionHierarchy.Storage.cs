using System.Runtime.InteropServices;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// The hierarchy as bytes, so a host stores it beside the network it was built from and reads it back at the next
/// start instead of contracting again: a format tag, the counts, then the four arrays as they lie in memory.
/// </summary>
internal sealed partial class ContractionHierarchy
{
    /// <summary>Changes whenever the layout below or the contraction's result changes, so an old stored hierarchy is rebuilt.</summary>
    public const int Format = 1;

    private ContractionHierarchy(int vertexCount, int shortcuts, int[] firstUp, Arc[] up, int[] firstDown, Arc[] down)
    {
        VertexCount = vertexCount;
        ShortcutCount = shortcuts;
        (_firstUp, _up, _firstDown, _down) = (firstUp, up, firstDown, down);
    }

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            writer.Write(VertexCount);
            writer.Write(ShortcutCount);
            Write(writer, _firstUp);
            Write(writer, _up);
            Write(writer, _firstDown);
            Write(writer, _down);
        }
        return stream.ToArray();
    }

    /// <summary>The stored hierarchy, or null when it was written in another format or for another vertex count.</summary>
    public static ContractionHierarchy? Deserialize(byte[] bytes, int vertexCount)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (bytes.Length < 12 || reader.ReadInt32() != Format || reader.ReadInt32() != vertexCount)
        {
            return null;
        }
        var shortcuts = reader.ReadInt32();
        var firstUp = Read<int>(reader);
        var up = Read<Arc>(reader);
        var firstDown = Read<int>(reader);
        var down = Read<Arc>(reader);
        return firstUp.Length == vertexCount + 1 && firstDown.Length == vertexCount + 1
            ? new ContractionHierarchy(vertexCount, shortcuts, firstUp, up, firstDown, down)
            : null;
    }

    private static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] Read<T>(BinaryReader reader) where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new InvalidDataException("The stored contraction hierarchy is truncated.");
        }
        return values;
    }
}
