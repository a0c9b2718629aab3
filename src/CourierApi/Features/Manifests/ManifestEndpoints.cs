using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Manifests;

/// <summary>Paper manifests (PDF) for a route or a whole plan version, and the way back from paper (stop codes).</summary>
internal static class ManifestEndpoints
{
    public const string PdfContentType = "application/pdf";

    public static RouteGroupBuilder MapManifests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Manifests").RequireAuthorization(Policies.Staff);
        group.MapGet("/routes/{routeId:long}/manifest.pdf", RouteAsync).Produces(StatusCodes.Status200OK, contentType: PdfContentType)
            .ProducesValidationProblem()
            .WithSummary("One route's paper manifest: cover, stop list and one block per stop with its stop code; labels in ?lang= (en, ru, uk) or the depot's language.");
        group.MapGet("/plan-versions/{versionId:long}/manifests.pdf", PlanAsync).Produces(StatusCodes.Status200OK, contentType: PdfContentType)
            .ProducesValidationProblem()
            .WithSummary("Every route of a plan version with stops, one after the other in one PDF, to print in one go; labels in ?lang= or the depot's language.");
        group.MapPost("/paper-outcomes", OutcomesAsync).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("Outcomes from paper manifests by stop code, stored as delivery events with source paper. " +
                "Optional routeId: the route whose pack is being entered (a code of another route is refused). " +
                "200 when every entry is recorded; otherwise 422 problem details naming each refused entry's field and reason, " +
                "the other entries being recorded (listed in the 'results' extension). The same outcome sent again changes nothing; " +
                "another outcome for a stop that has one is a correction: stored, the earlier one kept (result field correctedFrom).");
        group.MapPost("/routes/{routeId:long}/stops/{stopId:long}/paper-outcome", StopOutcomeAsync).RequireAuthorization(Policies.Dispatcher)
            .WithTags("Tracking")
            .WithSummary("One outcome from the paper manifest for a route's stop (the board): the same checks as by stop code. " +
                "204 when recorded (a correction of an earlier outcome included), 400 naming the field otherwise.");
        return group;
    }

    internal static async Task<FileContentHttpResult> RouteAsync(long routeId, string? lang, ManifestStore store, IManifestRenderer renderer, CancellationToken ct)
    {
        var route = await store.RouteAsync(routeId, ct, CheckLanguage(lang));
        return TypedResults.File(renderer.RenderRoute(route), PdfContentType, $"route-{routeId}-v{route.PlanVersion}.pdf");
    }

    internal static async Task<FileContentHttpResult> PlanAsync(long versionId, string? lang, ManifestStore store, IManifestRenderer renderer, CancellationToken ct)
    {
        var routes = await store.PlanAsync(versionId, ct, CheckLanguage(lang));
        if (routes.Count == 0)
        {
            throw new Hosting.ConflictException("Nothing to print", $"Plan version {versionId} has no route with stops.");
        }
        return TypedResults.File(renderer.RenderPlan(routes), PdfContentType, $"plan-version-{versionId}-manifests.pdf");
    }

    /// <summary>The <c>lang</c> parameter: null, or a language with a manifest catalogue.</summary>
    internal static string? CheckLanguage(string? lang) =>
        string.IsNullOrWhiteSpace(lang) ? null
        : ManifestCatalogue.Find(lang)?.Language
            ?? throw new Hosting.FieldException("lang", $"'{lang}' has no manifest catalogue; use one of {string.Join(", ", ManifestCatalogue.Languages)}");

    internal static async Task<Results<NoContent, ValidationProblem>> StopOutcomeAsync(long routeId, long stopId, PaperOutcomeRequest body,
        ClaimsPrincipal user, PaperOutcomeService service, CancellationToken ct)
    {
        var result = await service.RecordAtStopAsync(routeId, stopId, body, user.Identity?.Name, ct);
        return result.Recorded
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [result.Reason!] });
    }

    internal static async Task<Results<Ok<IReadOnlyList<PaperOutcomeResult>>, ProblemHttpResult>> OutcomesAsync(
        IReadOnlyList<PaperOutcomeEntry> outcomes, long? routeId, ClaimsPrincipal user, PaperOutcomeService service, CancellationToken ct)
    {
        var results = await service.RecordAsync(outcomes, routeId, user.Identity?.Name, DepotClaims.Of(user), ct);
        var refused = results.Where(r => !r.Recorded).ToList();
        if (refused.Count == 0)
        {
            return TypedResults.Ok(results);
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Some paper outcomes were refused",
            detail: $"{results.Count - refused.Count} of {results.Count} outcomes were recorded; the refused ones are listed in 'errors' by field.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = refused.GroupBy(r => r.Field!).ToDictionary(g => g.Key, g => g.Select(r => r.Reason!).ToArray()),
                ["results"] = results,
            });
    }
}
