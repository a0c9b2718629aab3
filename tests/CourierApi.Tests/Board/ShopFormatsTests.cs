using Delivery.CourierApi.Features.Orders;

namespace Delivery.CourierApi.Tests.Board;

public sealed class ShopFormatsTests
{
    [Theory]
    [InlineData("9:00", 9, 0)]
    [InlineData("09:00", 9, 0)]
    [InlineData("09.00", 9, 0)]
    [InlineData("9h30", 9, 30)]
    [InlineData("9:00 AM", 9, 0)]
    [InlineData("12:15 am", 0, 15)]
    [InlineData("2:30 PM", 14, 30)]
    [InlineData("9 pm", 21, 0)]
    [InlineData("21:45:00", 21, 45)]
    public void TryTime_AsShopsWriteIt_Reads(string text, int hour, int minute)
    {
        Assert.True(ShopFormats.TryTime(text, out var t));
        Assert.Equal(new TimeOnly(hour, minute), t);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9")]
    [InlineData("13:00 PM")]
    [InlineData("noon")]
    public void TryTime_NotATime_Fails(string text) => Assert.False(ShopFormats.TryTime(text, out _));

    [Theory]
    [InlineData("41,1496", 41.1496)]
    [InlineData("41.1496", 41.1496)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("-8,6063", -8.6063)]
    public void TryNumber_DecimalCommaOrPoint_Reads(string text, double expected)
    {
        Assert.True(ShopFormats.TryNumber(text, out var n));
        Assert.Equal(expected, n, 9);
    }

    [Fact]
    public void Decode_Utf8WithBomWithoutBomAnd1251_Detected()
    {
        var text = "Клиент;Адрес";
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal((text, "utf-8"), ShopFormats.Decode(utf8));
        Assert.Equal((text, "utf-8-bom"), ShopFormats.Decode([0xEF, 0xBB, 0xBF, .. utf8]));
        Assert.Equal((text, "windows-1251"), ShopFormats.Decode(System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text)));
    }

    [Theory]
    [InlineData("01.12.2026")]
    [InlineData("2026-12-01")]
    [InlineData("01/12/2026")]
    public void TryDate_DayFirstOrIso_Reads(string text)
    {
        Assert.True(ShopFormats.TryDate(text, out var d));
        Assert.Equal(new DateOnly(2026, 12, 1), d);
    }
}
