using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Samverka.Web.Infrastructure;

/// <summary>Binds decimal and int form fields through <see cref="SwedishNumber"/>, so "1 400 000" and "12,5" are accepted.</summary>
public sealed class SwedishNumberBinderProvider(IStringLocalizer t) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(decimal) || type == typeof(int) ? new SwedishNumberBinder(t) : null;
    }

    private sealed class SwedishNumberBinder(IStringLocalizer t) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            var text = result.FirstValue;
            var type = bindingContext.ModelMetadata.ModelType;
            var underlying = Nullable.GetUnderlyingType(type);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (underlying is null)
                {
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["Enter a number."]);
                }
                else
                {
                    bindingContext.Result = ModelBindingResult.Success(null);
                }
                return Task.CompletedTask;
            }
            if (!SwedishNumber.TryParse(text, out var value))
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["Enter a number, e.g. 1 400 000 or 12,5."]);
                return Task.CompletedTask;
            }
            if ((underlying ?? type) == typeof(int))
            {
                if (value % 1 != 0 || value is > int.MaxValue or < int.MinValue)
                {
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["Enter a whole number."]);
                    return Task.CompletedTask;
                }
                bindingContext.Result = ModelBindingResult.Success((int)value);
            }
            else
            {
                bindingContext.Result = ModelBindingResult.Success(value);
            }
            return Task.CompletedTask;
        }
    }
}
