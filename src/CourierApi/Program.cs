using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features;
using Delivery.CourierApi.Features.Calibration;
using Delivery.CourierApi.Features.Courier;
using Delivery.CourierApi.Features.CustomerPage;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Notifications;
using Delivery.CourierApi.Features.Orders;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.CourierApi.Features.Routes;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using Serilog;

// `import-osm FILE [--schema NAME]` imports a road network and exits without starting the web server.
if (ImportOsmCommand.IsInvoked(args))
{
    Environment.ExitCode = await ImportOsmCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}

// `--demo` seeds a demo depot and evening (run.sh); `--simulate` also plays today's delivery day with simulated couriers
// (run.sh --simulate); everything else is ordinary ASP.NET Core configuration.
var simulate = args.Contains("--simulate");
var demo = simulate || args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a is not ("--demo" or "--simulate")).ToArray());
if (demo)
{
    builder.Configuration["Demo:Enabled"] = "true";
}
if (simulate)
{
    builder.Configuration["Demo:Simulate"] = "true";
}
// The build writes the OpenAPI document (the web client's contract) by starting this host with no server: nothing may
// connect then (no hosted service runs), but the registrations want connection strings.
var documentOnly = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
if (documentOnly)
{
    builder.Configuration["ConnectionStrings:Delivery"] ??= "Host=127.0.0.1;Database=openapi";
    builder.Configuration["ConnectionStrings:Redis"] ??= "127.0.0.1,abortConnect=false";
}

builder.AddDeliveryInfrastructure();  // Serilog, TimeProvider, options, PostgreSQL, Redis, health, problem details, migrations
builder.AddDeliveryAuth();            // cookies (browsers), bearer tokens (scripts), courier device tokens; roles; sign-in rate limit
builder.AddDeliveryFeatures();        // OpenAPI, fleet, orders, planning jobs, plan review and edits, publishing
builder.AddDeliveryWiring();          // road network (background load), tracking over published routes, manifests and paper outcomes
builder.AddBoardApi();                // street tiles and map style, CSV preview and shop mappings, what moved, tablet pairing
builder.AddCalibration();             // calibration versions learned from the tracks (on demand, nightly), used by planning and ETAs
builder.AddCustomerPage();            // the customer's tracking page API (rate limited), choices when at risk, ratings, callback queue
if (documentOnly)
{
    builder.Services.RemoveAll<IHostedService>();
}

var app = builder.Build();

app.UseForwardedHeaders();      // the client's address from X-Forwarded-For, only when the peer is a trusted proxy (Auth:TrustedProxies)
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSerilogRequestLogging(o => RequestLogRedaction.Configure(o, app.Services)); // tracking tokens redacted
app.UseDeliveryStaticFiles();   // the web pages' built assets (ClientApp → wwwroot), before authentication: they are public
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapGet("/", () => TypedResults.Redirect("/board")).ExcludeFromDescription().AllowAnonymous(); // the evening board is the front page
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

app.MapAuth();
app.MapUserAdmin();
app.MapFleet();
app.MapOrders();
app.MapPlans();
app.MapRoutes();
app.MapCourier();
app.MapCourierPhotos();
app.MapNotifications();
app.MapHub<PlanningHub>(PlanningHub.Path);
app.MapDeliveryWiring();
app.MapBoardApi();
app.MapCalibration();
app.MapCustomerPage();
app.MapPages();                 // /board, /signin (and later /courier, /t/{token}, /insights): each page's index.html

app.Run();
