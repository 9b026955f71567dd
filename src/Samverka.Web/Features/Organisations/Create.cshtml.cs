using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverka.Web.Features.Organisations;

/// <summary>Registering is the edit page without an id; this keeps the usual /Organisations/Create address.</summary>
public sealed class CreateModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Edit");
}
