using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class ValueFlattenerTests
{
    [Fact]
    public void Execute_reads_the_inputs_where_the_client_left_them_and_the_verb()
    {
        var value = Json("""
            {"action":{"type":"Action.Execute","verb":"save-metrics","data":{"stage":"awareness"}},
             "trigger":"manual","visitors":"1200","inputs":{"signups":"35"}}
            """);

        var values = ValueFlattener.FromExecute(value);

        Assert.Equal("save-metrics", values["verb"]);
        Assert.Equal("awareness", values["stage"]);
        Assert.Equal("1200", values["visitors"]);
        Assert.Equal("35", values["signups"]);
        Assert.False(values.ContainsKey("trigger"));
        Assert.False(values.ContainsKey("action"));
    }

    [Fact]
    public void Execute_data_wins_over_a_stray_value_of_the_same_name_and_verb_wins_over_data()
    {
        var value = Json("""{"action":{"verb":"go","data":{"stage":"data","verb":"spoofed"}},"stage":"elsewhere"}""");

        var values = ValueFlattener.FromExecute(value);

        Assert.Equal("data", values["stage"]);
        Assert.Equal("go", values["verb"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"action\":\"not an object\"}")]
    public void Odd_execute_values_give_no_values_rather_than_an_error(string json) => Assert.Empty(ValueFlattener.FromExecute(Json(json)));

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("[1,2]")]
    public void A_submit_value_that_is_not_an_object_gives_no_values(string json) => Assert.Empty(ValueFlattener.FromSubmit(Json(json)));

    [Fact]
    public void Submit_flattens_scalars_nested_objects_and_arrays()
    {
        var values = ValueFlattener.FromSubmit(Json("""{"a":"x","n":1.5,"b":false,"o":{"p":{"q":"deep"}},"list":["s","t"],"none":null,"msteams":{"type":"imBack"}}"""));

        Assert.Equal(
            new Dictionary<string, string> { ["a"] = "x", ["n"] = "1.5", ["b"] = "false", ["o.p.q"] = "deep", ["list"] = "[\"s\",\"t\"]" },
            values);
    }

    [Fact]
    public void An_execute_that_names_its_command_only_as_the_verb_reaches_the_core_as_the_command()
    {
        var activity = new Activity
        {
            Type = "invoke",
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "c1" },
            Value = Json("""{"action":{"type":"Action.Execute","verb":"skip","data":{"q":"leads"}}}"""),
        };

        var turn = ActivityMapper.ToTurn(activity, TurnKind.AnswerInPlace);

        Assert.Equal("skip", turn.Values[ViewData.Command]);
        Assert.Equal("leads", turn.Values[ViewData.Question]);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
