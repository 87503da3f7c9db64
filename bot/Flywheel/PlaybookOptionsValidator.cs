using Microsoft.Extensions.Options;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Loads the playbook while options are validated at start-up, so a broken playbook stops the host with the
/// playbook's own message (file, JSON path, problem) instead of failing on the first conversation.
/// </summary>
internal sealed class PlaybookOptionsValidator(PlaybookProvider provider) : IValidateOptions<FlywheelOptions>
{
    public ValidateOptionsResult Validate(string? name, FlywheelOptions options)
    {
        try
        {
            _ = provider.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (PlaybookException ex)
        {
            return ValidateOptionsResult.Fail($"{FlywheelOptions.Section}:PlaybookPath: {ex.Message}");
        }
    }
}
