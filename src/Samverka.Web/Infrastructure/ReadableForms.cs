namespace Samverka.Web.Infrastructure;

/// <summary>
/// A form the framework cannot read because a value holds a NUL character (browsers send one only from pasted text) is
/// refused here, before anything reads it, with the message every text field gives for control characters; otherwise
/// the antiforgery check would fail on it first and the user would see only "the request could not be handled".
/// </summary>
public static class ReadableForms
{
    public const string UnreadableKey = "samverka:form-has-control-characters";

    public static IApplicationBuilder UseReadableForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Only URL-encoded forms (small, limited by FormOptions): a multipart upload is read under its page's own size limit.
        // Not again when the error page is shown for it (the body is read by then).
        if (HttpMethods.IsPost(context.Request.Method) && !ErrorResponses.IsApi(context) && !context.Items.ContainsKey(UnreadableKey)
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
            {
                context.Items[UnreadableKey] = true;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        await next();
    });
}
