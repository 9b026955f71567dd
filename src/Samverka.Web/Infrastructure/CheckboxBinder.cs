using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Binds a yes/no field. A browser sends "true" (with the hidden "false"); anything else is refused with a message, and
/// the form is shown again unticked: the framework would otherwise fail with a 500 re-drawing the box from the raw text.
/// </summary>
public sealed class CheckboxBinderProvider(IStringLocalizer t) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(bool) ? new CheckboxBinder(t) : null;

    private sealed class CheckboxBinder(IStringLocalizer t) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var text = result.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text) && Nullable.GetUnderlyingType(bindingContext.ModelType) is not null)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
                bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            if (bool.TryParse(text, out var value))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
                bindingContext.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["The value is not valid here."]);
            return Task.CompletedTask;
        }
    }
}
