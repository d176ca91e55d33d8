using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Platform.Notifications.Sms;

/// <summary>
/// The default SMS provider: records each message once (by idempotency key) in SmsMessages, in the delivery
/// job's unit of work, so the record and the delivery stamp commit together.
/// </summary>
internal sealed class RecordingSmsSender(PlatformDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries<SmsMessage>().Any(e => e.Entity.IdempotencyKey == request.IdempotencyKey)) return;
        if (await db.Set<SmsMessage>().AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, cancellationToken)) return;
        db.Add(new SmsMessage
        {
            UserId = request.UserId,
            PhoneNumber = request.PhoneNumber,
            Text = request.Text.Length > 1000 ? request.Text[..1000] : request.Text,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }
}
