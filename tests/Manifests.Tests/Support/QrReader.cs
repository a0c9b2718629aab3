using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace Delivery.Manifests.Tests.Support;

/// <summary>Finds and decodes every QR code on a grey page image with ZXing.Net.</summary>
public static class QrReader
{
    public static IReadOnlyList<string> DecodeAll(PgmImage page)
    {
        var source = new RGBLuminanceSource(page.Pixels, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var results = new QRCodeMultiReader().decodeMultiple(bitmap, hints) ?? [];
        return [.. results.Select(r => r.Text)];
    }
}
