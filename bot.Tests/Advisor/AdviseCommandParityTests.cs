using System.Globalization;
using System.Text.Json;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Cli;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdviseCommandParityTests
{
    [Theory]
    [InlineData("sdm", "emerging", "no")]
    [InlineData("sdm", "new", "no")]
    [InlineData("end-user", "established", "yes")]
    [InlineData("end-user", "emerging", "no")]
    public void The_interview_ends_with_exactly_what_advise_prints_for_the_same_inputs(string audience, string awareness, string community)
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.AnswerAll(id => id == "inbound_conversations" ? "3" : Answers.Profile(audience, awareness, community)(id));
        var interview = chat.LastResult.Completed!;

        var args = new List<string> { "--audience", audience, "--awareness", awareness, "--json" };
        if (audience == "end-user")
        {
            args.AddRange(["--community", community]);
        }

        // The numbers the team gave; the rates worked out from them are worked out again by the command.
        foreach (var (id, value) in interview.Input.Metrics.Where(m => !interview.Derived.Contains(m.Key)))
        {
            args.AddRange(["--metric", $"{id}={value.ToString(CultureInfo.InvariantCulture)}"]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, AdviseCommand.Run([.. args], output, error));

        var expected = JsonSerializer.Serialize(DiagnosisDocument.From(interview), FlywheelJsonContext.Readable.DiagnosisDocument);
        Assert.Equal(expected.Trim(), output.ToString().Trim());
    }
}
