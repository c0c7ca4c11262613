namespace CaseBot.Engine.Messages;

/// <summary>
/// The channel refused a message for good (the user blocked the bot, the number is not on WhatsApp, outside the
/// 24-hour window without a template): trying again cannot help. <see cref="Reason"/> is shown to admins, in Indonesian.
/// </summary>
public sealed class PermanentDeliveryException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}
