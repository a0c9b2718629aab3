using System.Text.Json;
using FluentValidation;

namespace Delivery.CourierApi.Hosting;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument and answers
/// 400 with <c>errors: { "field": ["reason"] }</c> (camelCase paths, as the JSON the client sent).
/// </summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } argument)
        {
            var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                return TypedResults.ValidationProblem(result.Errors
                    .GroupBy(e => CamelPath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
            }
        }
        return await next(context);
    }

    internal static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}

internal static class ValidationFilterExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body before the handler runs.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
