using FlywheelBot.Channels.Console;
using FlywheelBot.Hosting;

namespace FlywheelBot.Tests.Channels.Console;

public sealed class ChatCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(string script, params string[] args)
    {
        using var input = new StringReader(script);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ChatCommand.RunAsync(args, input, output, error, (request, writer) => ChatHost.Build(request, writer, TimeProvider.System));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Numbered_choices_answer_and_a_new_market_gets_awareness_advice_without_funnel_questions()
    {
        var (code, output, error) = await RunAsync("1\n1\nnot sure\nquit\n");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("1) Senior decision-makers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[Stage", output.Split("Do this next:")[0], StringComparison.Ordinal);
        Assert.Contains("Bottleneck: Awareness (stage 1 of 5)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_answers_walk_the_stages_and_why_shows_the_walk()
    {
        var (code, output, _) = await RunAsync("senior people\nemerging\nabout 2k\n20%\n1\nnot sure\nwhy\n");

        Assert.Equal(0, code);
        Assert.Contains("[Stage 2 of 5: Engagement]", output, StringComparison.Ordinal);
        Assert.Contains("Bottleneck: Engagement (stage 2 of 5)", output, StringComparison.Ordinal);
        Assert.Contains("> 2. Engagement: weak (the bottleneck)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_of_input_exits_zero()
    {
        var (code, output, _) = await RunAsync(string.Empty);

        Assert.Equal(0, code);
        Assert.Contains("Who does your marketing speak to?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quit_exits_zero_before_the_end_of_the_script()
    {
        var (code, output, _) = await RunAsync("quit\n1\n");

        Assert.Equal(0, code);
        Assert.DoesNotContain("How well does your market know you?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_answers_are_reasked_and_help_keeps_the_place()
    {
        var (_, output, _) = await RunAsync("1\n2\nlots\nhelp\n1200\n");

        Assert.Contains("I could not read \"lots\" as a number.", output, StringComparison.Ordinal);
        Assert.Contains("We are on: How many people visit your website in a month?", output, StringComparison.Ordinal);
        Assert.Contains("share of voice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_flag_answers_what_should_we_do_next_after_an_interview()
    {
        var (code, output, _) = await RunAsync("1\n1\nnot sure\nwhat should we do next\nvisitors are 5,400 now\n", "--team");

        Assert.Equal(0, code);
        Assert.Contains("From this chat's saved profile, updated today", output, StringComparison.Ordinal);
        Assert.Contains("Updated Website visitors per month: 5,400.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tour_runs_in_the_terminal()
    {
        var (_, output, _) = await RunAsync("learn conversion\n1\n");

        Assert.Contains("[Flywheel tour: stage 3 of 5] Conversion", output, StringComparison.Ordinal);
        Assert.Contains("Right.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--playbook")]
    public async Task Bad_arguments_exit_two_with_a_message(string argument)
    {
        var (code, _, error) = await RunAsync(string.Empty, argument);

        Assert.Equal(2, code);
        Assert.Contains("chat:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_playbook_file_exits_one_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-playbook-{Guid.NewGuid():N}.json");
        var (code, _, error) = await RunAsync(string.Empty, "--playbook", path);

        Assert.Equal(1, code);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }
}
