using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Manifests;
using Delivery.CourierApi.Hosting;
using Delivery.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Fleet;

/// <summary>A depot's language (two-letter code).</summary>
/// <param name="Language">The depot's language, e.g. "ru".</param>
/// <param name="Available">Languages printed manifests have catalogues for.</param>
public sealed record DepotLanguage(string Language, IReadOnlyList<string>? Available = null);

/// <summary>The depot's language: manifests print in it unless <c>?lang=</c> asks for another.</summary>
internal static class DepotLanguageEndpoints
{
    public static RouteGroupBuilder MapDepotLanguage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Fleet").RequireAuthorization(Policies.Staff);
        group.MapGet("/depots/{depotId:long}/language", GetAsync).WithName("GetDepotLanguage").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The depot's language and the languages manifests can be printed in.");
        group.MapPut("/depots/{depotId:long}/language", PutAsync).RequireAuthorization(Policies.Dispatcher).WithName("SetDepotLanguage")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sets the depot's language (one with a manifest catalogue: en, ru, uk).");
        return group;
    }

    internal static async Task<Ok<DepotLanguage>> GetAsync(long depotId, FleetStore fleet, CancellationToken ct) =>
        TypedResults.Ok(new DepotLanguage(await fleet.DepotLanguageAsync(depotId, ct), ManifestCatalogue.Languages));

    internal static async Task<Ok<DepotLanguage>> PutAsync(long depotId, DepotLanguage request, FleetStore fleet, CancellationToken ct)
    {
        var language = ManifestCatalogue.Find(request.Language)?.Language
            ?? throw new FieldException("language", $"'{request.Language}' has no manifest catalogue; use one of {string.Join(", ", ManifestCatalogue.Languages)}");
        await fleet.SetDepotLanguageAsync(depotId, language, ct);
        return TypedResults.Ok(new DepotLanguage(language, ManifestCatalogue.Languages));
    }
}
