using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.FollowUps;

public sealed record CheckInDto(double Latitude, double Longitude, double? AccuracyMeters, string? Address, DateTime At, string? PhotoNote, double? DistanceMeters, bool IsFar);

public sealed record FollowUpFileDto(Guid FileId, string FileName, long Size);

public sealed record FollowUpDto(Guid Id, Guid CustomerId, Guid? ContactId, string? ContactName, Guid OwnerId, string? OwnerName,
    string MethodCode, string Content, string? Result, DateTime At, CheckInDto? CheckIn, Guid? ReminderId, string ConcurrencyStamp,
    IReadOnlyList<FollowUpFileDto> Attachments);

public sealed record CheckInInput(double Latitude, double Longitude, double? AccuracyMeters = null, string? Address = null, string? PhotoNote = null);

/// <summary>The next follow-up, scheduled in the same form (C3 → C4).</summary>
public sealed record NextFollowUpInput(DateTime DueAt, string? Subject = null, ReminderChannels Channels = ReminderChannels.InApp);

/// <param name="AttachmentFileIds">The caller's uploads (POST /api/follow-ups/attachments) to keep with the follow-up.</param>
public sealed record CreateFollowUpRequest(string MethodCode, string Content, DateTime At, string? Result = null, Guid? ContactId = null,
    CheckInInput? CheckIn = null, NextFollowUpInput? NextFollowUp = null, IReadOnlyList<Guid>? AttachmentFileIds = null);

/// <param name="AttachmentFileIds">The files the follow-up keeps: those left out are removed, new ones must be the caller's uploads; null leaves them as they are.</param>
public sealed record UpdateFollowUpRequest(string MethodCode, string Content, DateTime At, string ConcurrencyStamp, string? Result = null, Guid? ContactId = null,
    IReadOnlyList<Guid>? AttachmentFileIds = null);

public sealed record CheckInPoint(Guid FollowUpId, Guid CustomerId, string CustomerName, Guid UserId, string? UserName,
    double Latitude, double Longitude, string? Address, DateTime At, bool IsFar, double? DistanceMeters);

public sealed record FollowUpPage(IReadOnlyList<FollowUpDto> Items, string? NextCursor);
