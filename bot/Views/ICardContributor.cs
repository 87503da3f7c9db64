using System.Text.Json.Nodes;

namespace FlywheelBot.Views;

/// <summary>
/// Lets another feature render its own views (e.g. check-ins) through the one <see cref="ICardRenderer"/>:
/// the Adaptive Card renderer asks every registered contributor about views it does not know itself.
/// </summary>
public interface ICardContributor
{
    bool TryRender(ViewModel view, out JsonObject card);
}
