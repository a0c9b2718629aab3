using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>A photo upload refused with <paramref name="statusCode"/> (403, 404, 409, 413, 415), naming the field at fault.</summary>
internal sealed class PhotoProblem(int statusCode, string title, string field, string reason)
    : DomainException(title, $"{field}: {reason}", statusCode)
{
    public override IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]> { [field] = [reason] };
}
