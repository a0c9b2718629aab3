using System.Text;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>Where a column mapping came from: the request, what was remembered for the shop, or guessed from the header names.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MappingSource>))]
public enum MappingSource
{
    /// <summary>Every column guessed from the header names.</summary>
    Guessed,

    /// <summary>The shop's remembered mapping (columns it does not name were guessed).</summary>
    Remembered,

    /// <summary>The mapping sent with the request (columns it does not name were guessed).</summary>
    Request,
}

/// <summary>
/// Maps a shop's own column names (any language) onto Delivery's columns: a mapping sent with the request or remembered
/// for the shop first, then guesses from known names in English, Russian, Ukrainian and Portuguese.
/// </summary>
internal static class ShopColumns
{
    /// <summary>Delivery's columns every file must have.</summary>
    public static readonly string[] Required = ["shop_order_id", "customer_name", "address", "lat", "lon"];

    /// <summary>Names shops use (normalised: lower case, letters and digits joined by <c>_</c>), beyond the canonical names.</summary>
    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["shop_order_id"] = ["order_id", "order", "order_no", "order_number", "reference", "номер_заказа", "заказ", "номер", "no_замовлення", "номер_замовлення", "замовлення", "encomenda", "n_encomenda", "pedido"],
        ["customer_name"] = ["customer", "name", "recipient", "клиент", "покупатель", "получатель", "фио", "имя", "клієнт", "отримувач", "піб", "cliente", "nome", "destinatario"],
        ["address"] = ["delivery_address", "адрес", "адрес_доставки", "адреса", "адреса_доставки", "morada", "endereco", "endereço"],
        ["lat"] = ["latitude", "широта", "latitude_"],
        ["lon"] = ["lng", "long", "longitude", "долгота", "довгота"],
        ["window_start"] = ["from", "start", "time_from", "с", "время_с", "доставка_с", "від", "з", "час_з", "de", "hora_de", "inicio"],
        ["window_end"] = ["to", "end", "until", "time_to", "по", "до", "время_до", "доставка_до", "час_до", "ate", "até", "hora_ate", "fim"],
        ["window2_start"] = [],
        ["window2_end"] = [],
        ["phone"] = ["customer_phone", "telephone", "tel", "mobile", "телефон", "тел", "telefone", "telemovel"],
        ["notes"] = ["delivery_notes", "instructions", "comment", "comments", "комментарий", "примечание", "коментар", "примітка", "notas", "observacoes"],
        ["weight_kg"] = ["weight", "вес", "вес_кг", "вага", "вага_кг", "peso", "peso_kg"],
        ["weight_g"] = ["вес_г", "вага_г", "peso_g"],
        ["volume_l"] = ["volume", "объем", "объём", "объем_л", "обсяг", "обсяг_л", "volume_litros"],
        ["volume_cm3"] = [],
        ["parcels"] = ["packages", "items_count", "мест", "места", "количество_мест", "місць", "volumes"],
        ["items"] = ["товары", "состав", "товари", "artigos"],
        ["item_name"] = [],
        ["item_quantity"] = ["item_qty"],
        ["item_price"] = ["item_unit_price"],
        ["service_min"] = [],
        ["skills"] = ["required_skills"],
        ["priority"] = ["приоритет", "пріоритет", "prioridade"],
        ["date"] = ["plan_date", "delivery_date", "дата", "дата_доставки", "data", "data_entrega"],
    };

    /// <summary>Delivery's column names.</summary>
    public static IEnumerable<string> Canonical => Names.Keys;

    /// <summary>Lower case, letters and digits only, joined by one <c>_</c>: "Вес, кг" → "вес_кг".</summary>
    public static string Normalize(string header)
    {
        var b = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF').ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(c);
            }
            else if (b.Length > 0 && b[^1] != '_')
            {
                b.Append('_');
            }
        }
        return b.ToString().TrimEnd('_');
    }

    /// <summary>
    /// The mapping (Delivery column → header as written) and column indexes for <paramref name="header"/>: the
    /// <paramref name="chosen"/> mapping's entries first (checked: a known column, a header the file has), then guesses
    /// for the columns it does not name, from headers nothing else took.
    /// </summary>
    /// <exception cref="FieldException"><c>mapping.{column}</c> names an unknown column or a header the file lacks.</exception>
    public static (Dictionary<string, string> Mapping, Dictionary<string, int> Index) Resolve(
        string[] header, IReadOnlyDictionary<string, string>? chosen, bool strict)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<int>();
        foreach (var (column, name) in chosen ?? new Dictionary<string, string>())
        {
            if (!Names.ContainsKey(column))
            {
                if (strict)
                {
                    throw new FieldException($"mapping.{column}", $"'{column}' is not a Delivery column; use one of {string.Join(", ", Names.Keys)}");
                }
                continue;
            }
            var i = Array.FindIndex(header, h => string.Equals(h.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                if (strict)
                {
                    throw new FieldException($"mapping.{column}", $"the file has no column '{name}'; its columns are {string.Join(", ", header)}");
                }
                continue; // a remembered column the shop no longer exports: guess it instead
            }
            mapping[column] = header[i];
            index[column] = i;
            taken.Add(i);
        }
        var normalized = header.Select(Normalize).ToArray();
        foreach (var (column, names) in Names)
        {
            if (index.ContainsKey(column))
            {
                continue;
            }
            var i = Array.FindIndex(normalized, (h) => h == column);
            if (i < 0 || taken.Contains(i))
            {
                i = Enumerable.Range(0, header.Length).FirstOrDefault(k => !taken.Contains(k) && names.Contains(normalized[k]), -1);
            }
            if (i >= 0 && !taken.Contains(i))
            {
                mapping[column] = header[i];
                index[column] = i;
                taken.Add(i);
            }
        }
        return (mapping, index);
    }
}
