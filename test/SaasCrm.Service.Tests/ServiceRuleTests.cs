using SaasCrm.Service.Complaints;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Workflow;

namespace SaasCrm.Service.Tests;

public class TicketTransitionTests
{
    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Assigned, true)]
    [InlineData(TicketStatus.Assigned, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.InProgress, TicketStatus.WaitingForCustomer, true)]
    [InlineData(TicketStatus.WaitingForCustomer, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.Closed, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.New, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Closed, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.WaitingForCustomer, TicketStatus.Closed, false)]
    [InlineData(TicketStatus.InProgress, TicketStatus.New, false)]
    public void Transitions(TicketStatus from, TicketStatus to, bool allowed) => Assert.Equal(allowed, TicketTransitions.IsAllowed(from, to));

    [Fact]
    public void Only_resolved_and_closed_are_not_open() =>
        Assert.Equal([TicketStatus.Resolved, TicketStatus.Closed], Enum.GetValues<TicketStatus>().Where(s => !TicketTransitions.IsOpen(s)));
}

public class ComplaintRuleTests
{
    [Fact]
    public void Unsatisfied_visit_reopens_and_counts_the_next_round() =>
        Assert.Equal((ComplaintStatus.Reopened, 3), ComplaintTransitions.AfterReturnVisit(2, satisfied: false));

    [Fact]
    public void Satisfied_visit_closes_in_the_same_round() =>
        Assert.Equal((ComplaintStatus.Closed, 2), ComplaintTransitions.AfterReturnVisit(2, satisfied: true));

    [Theory]
    [InlineData(ComplaintStatus.Transferred, true)]
    [InlineData(ComplaintStatus.Reopened, true)]
    [InlineData(ComplaintStatus.Replied, false)]
    [InlineData(ComplaintStatus.Closed, false)]
    public void Replies_only_while_waiting_for_the_department(ComplaintStatus status, bool canReply) => Assert.Equal(canReply, ComplaintTransitions.CanReply(status));

    [Fact]
    public void Closed_can_only_be_reopened() =>
        Assert.Equal([ComplaintStatus.Reopened], Enum.GetValues<ComplaintStatus>().Where(s => ComplaintTransitions.IsAllowed(ComplaintStatus.Closed, s)));
}

public class StatisticsMathTests
{
    private static readonly DateTime Deadline = new(2025, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void On_time_means_no_later_than_the_deadline()
    {
        Assert.True(ComplaintStatisticsMath.IsOnTime(Deadline, Deadline));
        Assert.False(ComplaintStatisticsMath.IsOnTime(Deadline.AddSeconds(1), Deadline));
        Assert.True(ComplaintStatisticsMath.IsOnTime(Deadline.AddDays(9), null));
    }

    [Fact]
    public void Row_rates_and_averages()
    {
        var facts = new[]
        {
            new ComplaintFacts("quality", "high", null, true, [true, false, true], [(true, 5), (false, 2)]),
            new ComplaintFacts("quality", "low", null, false, [], [(false, 1)]),
        };
        var row = ComplaintStatisticsMath.Row("quality", null, facts);
        Assert.Equal(2, row.Count);
        Assert.Equal(1, row.Closed);
        Assert.Equal(1, row.Open);
        Assert.Equal(0.6667m, row.OnTimeRate);
        Assert.Equal(2.67m, row.AverageRating);
        Assert.Equal(0.3333m, row.SatisfiedRate);
    }

    [Fact]
    public void Nothing_to_measure_gives_null_rates()
    {
        var row = ComplaintStatisticsMath.Row("x", null, [new ComplaintFacts("x", "y", null, false, [], [])]);
        Assert.Null(row.OnTimeRate);
        Assert.Null(row.AverageRating);
        Assert.Null(row.SatisfiedRate);
    }

    [Fact]
    public void Groups_are_ordered_by_count()
    {
        var facts = new[] { new ComplaintFacts("a", "s", null, false, [], []), new ComplaintFacts("b", "s", null, false, [], []), new ComplaintFacts("b", "s", null, false, [], []) };
        Assert.Equal(["b", "a"], ComplaintStatisticsMath.GroupBy(facts, f => f.Type, _ => null).Select(r => r.Key));
    }
}

public class TemplateTests
{
    [Fact]
    public void Templates_parse_and_every_branch_points_at_a_step()
    {
        foreach (var template in new ServiceWorkflowTemplates().Templates)
        {
            var steps = template.Definition.Steps.Select(s => s.Id).ToHashSet();
            Assert.Contains(template.Definition.StartStepId, steps);
            foreach (var step in template.Definition.Steps)
            {
                if (step.Next is { } next) Assert.Contains(next, steps);
                foreach (var target in step.Branches?.Values.ToList() ?? []) Assert.Contains(target, steps);
            }
            Assert.True(template.Publish);
        }
    }
}
