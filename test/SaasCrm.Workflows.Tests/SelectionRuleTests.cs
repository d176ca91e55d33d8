using SaasCrm.Workflows.Assignment;

namespace SaasCrm.Workflows.Tests;

public sealed class SelectionRuleTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void Round_robin_takes_the_next_candidate_and_wraps()
    {
        Assert.Equal(A, AssignmentRules.NextRoundRobin([C, A, B], null));
        Assert.Equal(B, AssignmentRules.NextRoundRobin([C, A, B], A));
        Assert.Equal(A, AssignmentRules.NextRoundRobin([C, A, B], C));
    }

    [Fact]
    public void Round_robin_skips_an_absent_candidate_without_losing_the_turn_order()
    {
        Assert.Equal(C, AssignmentRules.NextRoundRobin([A, C], A)); // B is absent
        Assert.Equal(B, AssignmentRules.NextRoundRobin([A, B, C], A)); // B back: turn order continues by id
        Assert.Null(AssignmentRules.NextRoundRobin([], A));
    }

    [Fact]
    public void Round_robin_over_many_turns_is_even()
    {
        var counts = new Dictionary<Guid, int>();
        Guid? last = null;
        for (var i = 0; i < 99; i++)
        {
            last = AssignmentRules.NextRoundRobin([A, B, C], last);
            counts[last!.Value] = counts.GetValueOrDefault(last.Value) + 1;
        }
        Assert.All(counts.Values, c => Assert.Equal(33, c));
    }

    [Fact]
    public void Least_loaded_takes_the_fewest_open_items()
    {
        Assert.Equal(B, AssignmentRules.LeastLoaded([new(A, 5, null), new(B, 2, null), new(C, 3, null)], null));
    }

    [Fact]
    public void Least_loaded_respects_the_capacity()
    {
        Assert.Equal(C, AssignmentRules.LeastLoaded([new(A, 10, null), new(B, 12, null), new(C, 9, null)], 10));
        Assert.Null(AssignmentRules.LeastLoaded([new(A, 10, null), new(B, 12, null)], 10));
    }

    [Fact]
    public void Least_loaded_ties_go_to_whoever_waited_longest()
    {
        var now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(C, AssignmentRules.LeastLoaded([new(A, 1, now), new(B, 1, now.AddHours(-1)), new(C, 1, now.AddHours(-2))], null));
        Assert.Equal(B, AssignmentRules.LeastLoaded([new(A, 1, now), new(B, 1, null)], null)); // never assigned waited longest
    }
}
