namespace SaasCrm.Customers;

/// <summary>
/// Published (through the outbox) when customers change owner in a handover. Later modules move their
/// open records (opportunities, tickets) of these customers from <see cref="FromUserId"/> to <see cref="ToUserId"/>.
/// </summary>
public sealed record CustomersHandedOver(Guid HandoverId, Guid FromUserId, Guid ToUserId, IReadOnlyList<Guid> CustomerIds, bool IncludeOpenRecords);

/// <summary>
/// Published when customers are merged. Later modules move their records of the losers to the survivor and
/// record, under <see cref="MergeId"/>, which ones they moved, so <see cref="CustomerMergeReverted"/> can move exactly those back.
/// </summary>
public sealed record CustomersMerged(Guid MergeId, Guid SurvivorId, IReadOnlyList<Guid> LoserIds);

/// <summary>Published when a merge is undone: records moved under <see cref="MergeId"/> go back to the customers they came from.</summary>
public sealed record CustomerMergeReverted(Guid MergeId, Guid SurvivorId, IReadOnlyList<Guid> LoserIds);
