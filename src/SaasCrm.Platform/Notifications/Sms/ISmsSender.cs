namespace SaasCrm.Platform.Notifications.Sms;

/// <param name="IdempotencyKey">Stable per notification: a provider that supports it must not send the same key twice.</param>
public sealed record SmsRequest(Guid? UserId, string PhoneNumber, string Text, string IdempotencyKey);

/// <summary>An SMS provider (Aliyun, Tencent Cloud, Twilio ...). The default records messages to a table instead of sending.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsRequest request, CancellationToken cancellationToken);
}
