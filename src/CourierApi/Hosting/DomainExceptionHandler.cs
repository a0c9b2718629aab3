using Delivery.Planner.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Delivery.CourierApi.Hosting;

/// <summary>Maps domain exceptions and planner input errors to RFC 9457 problem details; anything else stays a 500.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainException d => WithExtensions(WithErrors(new ProblemDetails { Status = d.StatusCode, Title = d.Title, Detail = d.Message }, d.Errors), d.Extensions),
            PlanningInputException p => WithErrors(
                new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Invalid planning input", Detail = p.Message },
                p.Errors.GroupBy(e => $"{e.Entity}[{e.Id}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray())),
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Detail = b.Message },
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

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return problem;
    }
}
