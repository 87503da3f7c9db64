using System.Reflection;
using FlywheelBot.Views.Images;

namespace FlywheelBot.Tests.Views.Images;

public sealed class PictureShapeTests
{
    [Fact]
    public void A_picture_is_bytes_and_alt_text_with_no_address_a_channel_would_have_to_follow()
    {
        var properties = typeof(RenderedImage).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.Equal(["Png", "Width", "Height", "AltText"], properties.Select(p => p.Name));
        Assert.DoesNotContain(typeof(RenderedImage).Assembly.GetTypes().Where(t => t.Namespace == typeof(RenderedImage).Namespace).SelectMany(t => t.GetProperties()),
            p => p.PropertyType == typeof(Uri) || p.Name.Contains("Uri", StringComparison.Ordinal) || p.Name.Contains("Url", StringComparison.Ordinal));
    }
}
