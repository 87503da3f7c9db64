using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.Architecture;

/// <summary>
/// The arrows of the architecture picture, checked over the compiled app (see <see cref="TypeReferences"/>): the pure
/// core depends on nothing outside it, infrastructure never depends on Hosting, channels are used only by Hosting, and
/// the neutral ports live outside every channel's namespace.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Lazy<(Type User, Type Used)[]> References = new(() => [.. TypeReferences.Of(typeof(InboundTurn).Assembly)]);

    public static TheoryData<string, string[]> CoreRules => new()
    {
        // The flywheel engine and the playbook: nothing of the app's.
        { "FlywheelBot.Flywheel", ["FlywheelBot.Flywheel"] },

        // The pure conversation: the engine, view models and the neutral turn contract.
        { "FlywheelBot.Advisor.Conversation", ["FlywheelBot.Advisor.Conversation", "FlywheelBot.Flywheel", "FlywheelBot.Views", "FlywheelBot.Conversations"] },

        // The neutral turn contract (ports): view models only.
        { "FlywheelBot.Conversations", ["FlywheelBot.Conversations", "FlywheelBot.Views"] },

        // Storage is infrastructure: it knows documents, not the bot (Settings: validation attributes for options).
        { "FlywheelBot.Storage", ["FlywheelBot.Storage", "FlywheelBot.Settings"] },
    };

    [Theory]
    [MemberData(nameof(CoreRules))]
    public void A_layer_uses_only_what_it_may(string layer, string[] allowed)
    {
        var wrong = References.Value
            .Where(r => In(r.User, layer, exact: layer == "FlywheelBot.Conversations") && !allowed.Any(a => In(r.Used, a, exact: a == "FlywheelBot.Conversations")))
            .Select(Describe)
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, $"{layer} may use only {string.Join(", ", allowed)}, but:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Only_Hosting_and_the_channel_itself_use_a_channel()
    {
        var wrong = References.Value
            .Where(r => Channel(r.Used) is { } used && Channel(r.User) != used && !In(r.User, "FlywheelBot.Hosting") && r.User != typeof(Program)
                && !IsGeneratedEndpoint(r.User))
            .Select(Describe)
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, $"Channels are composed by Hosting only, but:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void The_channel_rule_still_sees_the_endpoint_handlers_at_their_Map_calls()
    {
        // The request delegate generator's code (exempt above) stands in for a MapPost call; the handler it maps is still
        // referenced where the call is written, in the channel's own folder, so the rule keeps checking who maps it.
        Assert.Contains(References.Value, r => IsGeneratedEndpoint(r.User) && r.Used.Name == "MessagesEndpoint");
        Assert.Contains(References.Value, r => r.Used.Name == "MessagesEndpoint" && Channel(r.User) == "BotFramework" && r.User.Name != "MessagesEndpoint");
    }

    [Fact]
    public void Nothing_but_the_entry_point_uses_Hosting()
    {
        var wrong = References.Value
            .Where(r => In(r.Used, "FlywheelBot.Hosting") && !In(r.User, "FlywheelBot.Hosting") && r.User != typeof(Program))
            .Select(Describe)
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, $"Hosting composes everything and nothing depends on it, but:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void The_neutral_ports_are_in_no_channel_s_namespace()
    {
        Type[] ports = [typeof(ITurnHandler), typeof(InboundTurn), typeof(TurnOutput), typeof(IProactiveMessenger), typeof(IConversationDirectory), typeof(ConversationAddress), typeof(SendOutcome)];

        Assert.All(ports, port => Assert.Equal("FlywheelBot.Conversations", port.Namespace));
        Assert.DoesNotContain(typeof(InboundTurn).Assembly.GetTypes(), t => t.IsInterface && t.Namespace == "FlywheelBot.Channels");
    }

    [Fact]
    public void Only_the_Bot_Framework_channel_uses_the_Adaptive_Card_types()
    {
        const string cards = "FlywheelBot.Channels.BotFramework.Cards";
        Assert.Equal(cards, typeof(FlywheelBot.Channels.BotFramework.Cards.AdaptiveCardRenderer).Namespace);
        Assert.Contains(References.Value, r => In(r.Used, cards) && !In(r.User, cards)); // the channel's own outbound side uses them

        var wrong = References.Value
            .Where(r => In(r.Used, cards) && !In(r.User, "FlywheelBot.Channels.BotFramework"))
            .Select(Describe)
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, $"Adaptive Cards belong to the Bot Framework channel, but:\n{string.Join('\n', wrong)}");
    }

    [Theory]
    [InlineData("FlywheelBot.CheckIns")]
    [InlineData("FlywheelBot.Views")]
    public void Features_and_views_use_no_channel(string layer)
    {
        // Check-ins and the view models contribute views; each channel draws them (cards, blocks, text) itself.
        Assert.Contains(References.Value, r => In(r.User, layer));
        var wrong = References.Value
            .Where(r => In(r.User, layer) && In(r.Used, "FlywheelBot.Channels"))
            .Select(Describe)
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, $"{layer} may not use a channel, but:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void The_checker_sees_a_reference_made_only_inside_a_method_body()
    {
        // ChatSession builds InboundTurns in a method body (never in a signature): the rule checks must see that.
        Assert.Contains(References.Value, r => r.User.Name == "ChatSession" && r.Used == typeof(InboundTurn));
    }

    /// <summary>
    /// The compile-time request delegate generator's interceptors (one type in the app for all endpoints): compiler
    /// output for the <c>Map*</c> calls it replaces, not code of a layer.
    /// </summary>
    // Code generated at compile time for a registration made in Hosting or a channel (endpoint delegates, configuration
    // binding): it stands for the call that asked for it.
    private static bool IsGeneratedEndpoint(Type type) =>
        type.Namespace is "Microsoft.AspNetCore.Http.Generated" or "Microsoft.Extensions.Configuration.Binder.SourceGeneration";

    private static string? Channel(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("FlywheelBot.Channels.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;

    private static bool In(Type type, string ns, bool exact = false) =>
        type.Namespace is { } actual && (actual == ns || (!exact && actual.StartsWith(ns + ".", StringComparison.Ordinal)));

    private static string Describe((Type User, Type Used) reference) => $"  {reference.User.FullName} -> {reference.Used.FullName}";
}
