using System.Net;
using System.Text;
using System.Text.Json;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

/// <summary>The local API checks the key before it reads a body, and reads bodies as the Functions app does.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LocalApiKeyFirstTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_the_key_any_body_gets_401_and_with_it_a_malformed_body_gets_400_with_a_reason()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        using var intruder = new CoordinatorApi(engine.BaseUrl, null);
        using var coordinator = new CoordinatorApi(engine.BaseUrl, "test-coordinator-key");
        var routes = new[] { "api/cycles", "api/cycles/hoganas/2025/extend", "api/cycles/hoganas/2025/owners/anna-berg/replace" };
        var bodies = new (string Body, string ContentType)[] { ("{", "application/json"), ("inte json", "text/plain"), ("", "application/json") };

        foreach (var route in routes)
        {
            foreach (var (body, contentType) in bodies)
            {
                using var refused = await intruder.Http.PostAsync(route, new StringContent(body, Encoding.UTF8, contentType));
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{route} with '{body}' ({contentType}) answered {(int)refused.StatusCode}.");
            }

            using var malformed = await coordinator.Http.PostAsync(route, new StringContent("{", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            var message = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
            Assert.False(string.IsNullOrWhiteSpace(message));
        }
    }
}
