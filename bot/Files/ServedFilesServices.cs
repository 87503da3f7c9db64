using System.Net.Mime;
using Microsoft.Net.Http.Headers;

namespace FlywheelBot.Files;

/// <summary>The served-files feature: <see cref="IServedFiles"/> and <c>GET /api/files/{token}</c>.</summary>
internal static class ServedFilesServices
{
    public static IServiceCollection AddServedFiles(this IServiceCollection services)
    {
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<IServedFiles, DocumentServedFiles>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET /api/files/{token}</c>: the bytes with their content type (images inline, anything else as an
    /// attachment with its file name), <c>nosniff</c>, cacheable privately until the link expires; 404 for an unknown,
    /// malformed or expired token (the same answer for all three).
    /// </summary>
    public static IEndpointRouteBuilder MapServedFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/files/{token}", async (string token, HttpContext context, IServedFiles files, CancellationToken cancellationToken) =>
        {
            var file = await files.FindAsync(token, cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "private, max-age=300";
            var disposition = new ContentDispositionHeaderValue(file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
            disposition.SetHttpFileName(file.FileName);
            headers[HeaderNames.ContentDisposition] = disposition.ToString();
            return Results.Bytes(file.Content, file.ContentType);
        });
        return endpoints;
    }
}
