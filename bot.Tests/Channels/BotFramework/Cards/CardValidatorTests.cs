using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

/// <summary>
/// Every card the suite renders goes through the reference Adaptive Cards JS SDK and the Teams card types.
/// The corpus is rebuilt here (samples, hostile text, every card of the scripted conversations) so the check
/// never depends on test order; cards other tests rendered before this one are included too.
/// </summary>
public sealed class CardValidatorTests
{
    [NodePeersFact]
    public async Task Every_card_passes_the_Adaptive_Cards_SDK_and_the_Teams_card_types()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        CardSamples.RenderAll();
        var (folder, count) = CardCorpus.WriteAll();

        var sdk = await NodePeers.RunAsync("validate-cards.mjs", folder);
        var types = await NodePeers.RunAsync("typecheck-cards.mjs", folder);

        // On failure the folder stays for a look at the failing cards (its path is in the message).
        Assert.True(sdk.ExitCode == 0, $"adaptivecards SDK rejected cards in {folder}:\n{sdk.Output}");
        Assert.True(types.ExitCode == 0, $"Teams card types rejected cards in {folder}:\n{types.Output}");
        Assert.Contains($"{count} card(s), 0 problem(s)", sdk.Output, StringComparison.Ordinal);
        Assert.Contains($"{count} card(s), 0 problem(s)", types.Output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
