using System.Text.Json;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.OpenApi;

namespace Delivery.CourierApi.Tests.Hosting
{
    /// <summary>Two types with one short name must not share one schema in the document (the typed client would read the wrong shape).</summary>
    public sealed class OpenApiSchemaNameTests
    {
        [Fact]
        public void A_second_type_with_a_schema_name_already_taken_fails_naming_both()
        {
            var options = new OpenApiOptions().UniqueSchemaNames();
            var json = JsonSerializerOptions.Default;
            Assert.Equal("Shape", options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Live.Shape))));
            Assert.Equal("Shape", options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Live.Shape)))); // the same type again is fine

            var e = Assert.Throws<InvalidOperationException>(() => options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Insights.Shape))));
            Assert.Contains("'Shape'", e.Message);
            Assert.Contains(typeof(Live.Shape).FullName!, e.Message);
            Assert.Contains(typeof(Insights.Shape).FullName!, e.Message);
        }
    }
}

namespace Delivery.CourierApi.Tests.Hosting.Live
{
    public sealed record Shape(string Name);
}

namespace Delivery.CourierApi.Tests.Hosting.Insights
{
    public sealed record Shape(int Minutes);
}
