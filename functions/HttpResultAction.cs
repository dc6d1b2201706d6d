using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Trygghetsuppfoljning.Functions;

/// <summary>An <see cref="IResult"/> (what <see cref="Workflows.Security.StaffGate"/> refuses with) where a trigger returns an <see cref="IActionResult"/>.</summary>
internal sealed class HttpResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
