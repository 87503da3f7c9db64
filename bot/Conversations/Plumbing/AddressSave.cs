using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// How a turn's address rides in the batch of its claim (<see cref="DocumentConversationDirectory.PlanSave"/>): a known
/// address that changed is written (<see cref="Write"/>); an address this process does not know is inserted if absent
/// (<see cref="Ensure"/>) and read back (<see cref="Read"/>) to merge with what was stored; a known unchanged one: nothing.
/// </summary>
internal sealed record AddressSave(ConversationAddress Address, ConversationAddress Merged, DocumentWrite? Write, DocumentWrite? Ensure, DocumentKey? Read);
