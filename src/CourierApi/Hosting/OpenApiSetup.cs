using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Delivery.CourierApi.Hosting;

/// <summary>The OpenAPI document: title, and the two ways to authenticate (bearer token from sign-in, courier device token).</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddDeliveryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.UniqueSchemaNames().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Delivery API";
            document.Info.Description = "Dispatcher's evening: fleet, orders (JSON, CSV), planning jobs, review, edits, locks, publishing. "
                + "Sign in at POST /api/v1/auth/sign-in for a bearer token (or ?useCookies=true in a browser); courier devices use their device token.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token from POST /api/v1/auth/sign-in, or a courier device token (dev_…).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, _, _) =>
        {
            // The host reads numbers from strings too (web defaults), which the document spells "integer | string";
            // clients send and receive numbers, so the contract says numbers (typed clients get `number`, not `number | string`).
            if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        }));

    /// <summary>
    /// Schema names are the types' short names, so two types named alike in different namespaces would share one schema
    /// and the document would silently describe one of them with the other's shape (the pages' typed client then reads
    /// the wrong fields). Generating the document fails instead, naming both types.
    /// </summary>
    internal static OpenApiOptions UniqueSchemaNames(this OpenApiOptions options)
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, Type>(StringComparer.Ordinal);
        options.CreateSchemaReferenceId = info =>
        {
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            if (id is not null && seen.GetOrAdd(id, info.Type) is var first && first != info.Type)
            {
                throw new InvalidOperationException(
                    $"Two types share the OpenAPI schema name '{id}': {first.FullName} and {info.Type.FullName}. Rename one of them.");
            }
            return id;
        };
        return options;
    }
}
