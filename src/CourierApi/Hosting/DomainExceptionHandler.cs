using System.Text.Json;
using System.Text.RegularExpressions;
using Delivery.Planner.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Delivery.CourierApi.Hosting;

/// <summary>Maps domain exceptions and planner input errors to RFC 9457 problem details; anything else stays a 500.</summary>
internal sealed partial class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainException d => WithExtensions(WithErrors(new ProblemDetails { Status = d.StatusCode, Title = d.Title, Detail = d.Message }, d.Errors), d.Extensions),
            PlanningInputException p => WithErrors(
                new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Invalid planning input", Detail = p.Message },
                p.Errors.GroupBy(e => $"{e.Entity}[{e.Id}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray())),
            BadHttpRequestException b => WithErrors(new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Detail = b.Message }, BadRequestErrors(b)),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object>? extensions)
    {
        foreach (var (key, value) in extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    /// <summary>
    /// The field a request could not be read at: the JSON path of a body that is malformed or holds a wrong type
    /// (<c>$.windows[0].start</c> → <c>windows[0].start</c>; the body as a whole → <c>body</c>), or the parameter that did not bind.
    /// </summary>
    internal static Dictionary<string, string[]>? BadRequestErrors(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path switch
            {
                { Length: > 2 } p when p.StartsWith("$.", StringComparison.Ordinal) => p[2..],
                { Length: > 1 } p when p.StartsWith("$[", StringComparison.Ordinal) => p[1..],
                _ => null,
            };
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            return path is null
                ? new() { ["body"] = ["the body is not valid JSON" + where] }
                : new() { [path] = ["has the wrong type or is not a valid value" + where] };
        }
        return ParameterName().Match(exception.Message) is { Success: true } m
            ? new() { [m.Groups["name"].Value] = [exception.Message] }
            : null;
    }

    /// <summary>The parameter a binding message names: <c>Failed to bind parameter "DateOnly date" from "x".</c> → <c>date</c>.</summary>
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return problem;
    }
}
