using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Trygghetsuppfoljning.Functions;
using Trygghetsuppfoljning.Workflows;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddTrygghetsuppfoljning(builder.Configuration);
builder.Build().RefuseDevelopmentSecretsOutsideDevelopment().Run();
