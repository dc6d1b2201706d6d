using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Trygghetsuppfoljning.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddTrygghetsuppfoljningFunctions();
builder.Build().CheckBeforeStart().Run();
