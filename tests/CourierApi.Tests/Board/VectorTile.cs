using Google.Protobuf;

namespace Delivery.CourierApi.Tests.Board;

/// <summary>Just enough of the Mapbox vector tile format (protobuf) to read layer names and each feature's string properties.</summary>
internal sealed record VectorTile(IReadOnlyList<VectorTile.Layer> Layers)
{
    public sealed record Layer(string Name, IReadOnlyList<IReadOnlyDictionary<string, string>> Features);

    public static VectorTile Parse(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        var layers = new List<Layer>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 3)
            {
                layers.Add(ParseLayer(input.ReadBytes()));
            }
            else
            {
                input.SkipLastField();
            }
        }
        return new VectorTile(layers);
    }

    private static Layer ParseLayer(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string name = "";
        var keys = new List<string>();
        var values = new List<string>();
        var tags = new List<List<uint>>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: tags.Add(FeatureTags(input.ReadBytes())); break;
                case 3: keys.Add(input.ReadString()); break;
                case 4: values.Add(StringValue(input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }
        var features = tags.Select(t => (IReadOnlyDictionary<string, string>)Enumerable.Range(0, t.Count / 2)
            .ToDictionary(i => keys[(int)t[2 * i]], i => values[(int)t[2 * i + 1]])).ToList();
        return new Layer(name, features);
    }

    private static List<uint> FeatureTags(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var tags = new List<uint>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 2)
            {
                var packed = input.ReadBytes().CreateCodedInput();
                while (!packed.IsAtEnd)
                {
                    tags.Add(packed.ReadUInt32());
                }
            }
            else
            {
                input.SkipLastField();
            }
        }
        return tags;
    }

    private static string StringValue(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        var value = "";
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                value = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }
        return value;
    }
}
