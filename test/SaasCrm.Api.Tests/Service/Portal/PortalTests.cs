using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.Portal;

public abstract class PortalTests(ApiFixture api)
{
    private const string PortalPassword = "Portal#2026x";

    private static Guid Id(JsonNode node, string field = "id") => node[field]!.GetValue<Guid>();

    /// <summary>A customer with one contact that has an e-mail address.</summary>
    private static async Task<(Guid Customer, Guid Contact)> CustomerWithContactAsync(ServiceDesk desk, string name, string email)
    {
        var c = await desk.Admin.PostOk("/api/customers", new
        {
            kind = "Company", name = name + " " + desk.Tenant.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>(),
            contacts = new[] { new { name = "联系人 " + name, email, mobile = "13800000000", isPrimary = true } },
        }, HttpStatusCode.Created);
        var contacts = await desk.Admin.GetOk($"/api/customers/{Id(c)}/contacts");
        var list = contacts is JsonArray a ? a : contacts["items"]!.AsArray();
        return (Id(c), Id(list[0]!));
    }

    private static string TokenOf(JsonNode invitation) =>
        Uri.UnescapeDataString(invitation["acceptUrl"]!.GetValue<string>().Split("token=")[1]);

    /// <summary>Invites the contact, accepts the invitation and signs in as the new portal account.</summary>
    private async Task<(ApiClient Client, Guid AccountId)> PortalCustomerAsync(ServiceDesk desk, Guid customer, Guid contact, string email)
    {
        var invitation = await desk.Admin.PostOk("/api/portal-admin/accounts/invitations", new { customerId = customer, contactId = contact });
        var accepted = await api.Anonymous().PostOk("/api/portal/invitations/accept", new { token = TokenOf(invitation), password = PortalPassword });
        Assert.Equal(email, accepted["userName"]!.GetValue<string>());
        var client = await ServiceTestHost.LoginAsync(api, desk.Tenant, email, PortalPassword);
        return (client, Id(invitation["account"]!));
    }

    private static Task<JsonNode> SubmitAsync(ApiClient portal, string title) =>
        portal.PostOk("/api/portal/tickets", new { title, categoryCode = "repair", description = "空调不制冷" }, HttpStatusCode.Created);

    [Fact]
    public async Task Invited_customer_submits_a_request_follows_public_replies_replies_and_rates()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var email = $"chen.{Guid.NewGuid():N}@example.com";
        var (customer, contact) = await CustomerWithContactAsync(desk, "东方电气", email);
        var (portal, _) = await PortalCustomerAsync(desk, customer, contact, email);

        await ServiceTestHost.RunJobsAsync(api);
        var mail = Assert.Single(api.Factory.Smtp.To(email));
        Assert.Contains("/portal/accept?token=", mail.Parse().TextBody);

        var me = await portal.GetOk("/api/portal/me");
        Assert.Equal("customer", me["kind"]!.GetValue<string>());
        Assert.Equal(customer, Id(me, "customerId"));

        var ticket = await SubmitAsync(portal, "Air conditioner broken");
        var id = Id(ticket);
        Assert.StartsWith("T-", ticket["number"]!.GetValue<string>());
        Assert.Equal("New", ticket["status"]!.GetValue<string>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "created" && s.RecordType == "ticket");

        // Staff see it as any ticket of the customer, and work on it.
        var staffView = await desk.Admin.GetOk($"/api/tickets/{id}");
        Assert.Equal(customer, Id(staffView, "customerId"));
        await desk.Admin.PostOk($"/api/tickets/{id}/assign", new { assigneeId = desk.Agent1Id });
        var agent = await desk.LoginAsync(api, "agent1");
        await agent.PostOk($"/api/tickets/{id}/accept");
        await agent.PostOk($"/api/tickets/{id}/comments", new { content = "INTERNAL: check the warranty first", isInternal = true }, HttpStatusCode.Created);
        await agent.PostOk($"/api/tickets/{id}/comments", new { content = "We will visit tomorrow at 9.", isInternal = false }, HttpStatusCode.Created);

        var seen = await portal.GetOk($"/api/portal/tickets/{id}");
        var comments = seen["comments"]!.AsArray();
        Assert.Equal(["We will visit tomorrow at 9."], comments.Select(c => c!["content"]!.GetValue<string>()));
        Assert.True(comments[0]!["fromStaff"]!.GetValue<bool>());
        Assert.DoesNotContain("INTERNAL", seen.ToJsonString());
        Assert.False(seen["canRate"]!.GetValue<bool>());
        await ApiClient.ExpectProblem(await portal.PostAsync($"/api/portal/tickets/{id}/rating", new { rating = 5 }), HttpStatusCode.Conflict, "ticket.not_resolved");

        var replied = await portal.PostOk($"/api/portal/tickets/{id}/replies", new { content = "Thanks, I will be home." });
        Assert.Equal(2, replied["comments"]!.AsArray().Count);
        Assert.True(replied["comments"]![1]!["mine"]!.GetValue<bool>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == "CustomerReplied");
        var staffComments = (await agent.GetOk($"/api/tickets/{id}"))["comments"]!.AsArray();
        Assert.Contains(staffComments, c => c!["fromCustomer"]!.GetValue<bool>() && c["content"]!.GetValue<string>() == "Thanks, I will be home.");

        await agent.PostOk($"/api/tickets/{id}/status", new { status = "Resolved" });
        var rated = await portal.PostOk($"/api/portal/tickets/{id}/rating", new { rating = 4, comment = "快" });
        Assert.Equal(4, rated["satisfactionRating"]!.GetValue<int>());
        Assert.Equal(4, (await agent.GetOk($"/api/tickets/{id}"))["satisfactionRating"]!.GetValue<int>());
        await ApiClient.ExpectProblem(await portal.PostAsync($"/api/portal/tickets/{id}/rating", new { rating = 9 }), HttpStatusCode.BadRequest, "validation_failed");

        var list = await portal.GetOk("/api/portal/tickets");
        Assert.Equal([id], list.AsArray().Select(t => Id(t!)));
    }

    [Fact]
    public async Task A_customer_account_never_reaches_another_customers_tickets_nor_staff_endpoints()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var emailA = $"a.{Guid.NewGuid():N}@example.com";
        var emailB = $"b.{Guid.NewGuid():N}@example.com";
        var (customerA, contactA) = await CustomerWithContactAsync(desk, "甲公司", emailA);
        var (customerB, contactB) = await CustomerWithContactAsync(desk, "乙公司", emailB);
        var (portalA, _) = await PortalCustomerAsync(desk, customerA, contactA, emailA);
        var (portalB, _) = await PortalCustomerAsync(desk, customerB, contactB, emailB);
        var ticketB = Id(await SubmitAsync(portalB, "B's problem"));
        var staffTicketB = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = customerB, title = "B by staff", categoryCode = "repair", priorityCode = "normal" }, HttpStatusCode.Created));
        await SubmitAsync(portalA, "A's problem");

        var listA = await portalA.GetOk("/api/portal/tickets");
        Assert.Equal(["A's problem"], listA.AsArray().Select(t => t!["title"]!.GetValue<string>()));
        foreach (var t in new[] { ticketB, staffTicketB })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await portalA.GetAsync($"/api/portal/tickets/{t}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await portalA.PostAsync($"/api/portal/tickets/{t}/replies", new { content = "hi" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await portalA.PostAsync($"/api/portal/tickets/{t}/rating", new { rating = 1 })).StatusCode);
        }
        Assert.Equal(2, (await portalB.GetOk("/api/portal/tickets")).AsArray().Count);

        foreach (var url in new[] { "/api/customers", "/api/tickets", $"/api/tickets/{ticketB}", "/api/users", "/api/portal-admin/accounts", "/api/portal/partner/customers" })
            Assert.Equal(HttpStatusCode.Forbidden, (await portalA.GetAsync(url)).StatusCode); // no permission, or the kind boundary
        Assert.Equal(HttpStatusCode.Forbidden, (await portalA.PostAsync("/api/tickets", new { customerId = customerB, title = "x", categoryCode = "repair", priorityCode = "normal" })).StatusCode);

        // Another tenant's portal account: 404 on this tenant's tickets, and its own list is its own.
        var other = await ServiceDesk.CreateAsync(api);
        var emailC = $"c.{Guid.NewGuid():N}@example.com";
        var (customerC, contactC) = await CustomerWithContactAsync(other, "丙公司", emailC);
        var (portalC, _) = await PortalCustomerAsync(other, customerC, contactC, emailC);
        Assert.Equal(HttpStatusCode.NotFound, (await portalC.GetAsync($"/api/portal/tickets/{ticketB}")).StatusCode);
        Assert.Empty((await portalC.GetOk("/api/portal/tickets")).AsArray());
        Assert.Equal([emailC], (await other.Admin.GetOk("/api/portal-admin/accounts")).AsArray().Select(a => a!["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Staff_cannot_call_portal_endpoints_and_admin_endpoints_need_permissions()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        foreach (var url in new[] { "/api/portal/me", "/api/portal/tickets", "/api/portal/partner/customers" })
            await ApiClient.ExpectProblem(await desk.Admin.GetAsync(url), HttpStatusCode.Forbidden, "account_kind_forbidden");

        var rep = await desk.LoginAsync(api, "rep"); // sales: no portal permissions
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/portal-admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/portal-admin/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutAsync("/api/portal-admin/settings", new { allowSelfSignUp = true })).StatusCode);
        var agent = await desk.LoginAsync(api, "agent1"); // service: accounts, but not settings or partners
        await agent.GetOk("/api/portal-admin/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsync("/api/portal-admin/settings", new { allowSelfSignUp = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/portal-admin/partners")).StatusCode);
        var head = await desk.LoginAsync(api, "head"); // manager: all of it
        await head.GetOk("/api/portal-admin/partners");
        await head.PutOk("/api/portal-admin/settings", new { allowSelfSignUp = false });
    }

    [Fact]
    public async Task An_invitation_works_once_and_expires()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var email = $"once.{Guid.NewGuid():N}@example.com";
        var (customer, contact) = await CustomerWithContactAsync(desk, "单次", email);
        var first = await desk.Admin.PostOk("/api/portal-admin/accounts/invitations", new { customerId = customer, contactId = contact });

        // Expired after seven days.
        api.Factory.Clock.Advance(TimeSpan.FromDays(8));
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/portal/invitations/accept", new { token = TokenOf(first), password = PortalPassword }),
            HttpStatusCode.BadRequest, "portal.invalid_invitation");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().PostAsync("/api/account/login", new { tenant = desk.Tenant.Name, userName = email, password = PortalPassword })).StatusCode);

        // A new invitation supersedes the old one; it works exactly once.
        var admin = await desk.LoginAsync(api, "admin"); // the admin's own access token expired with the clock
        var second = await admin.PostOk("/api/portal-admin/accounts/invitations", new { customerId = customer, contactId = contact });
        Assert.Equal(Id(first["account"]!), Id(second["account"]!));
        var weak = await api.Anonymous().PostAsync("/api/portal/invitations/accept", new { token = TokenOf(second), password = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        await api.Anonymous().PostOk("/api/portal/invitations/accept", new { token = TokenOf(second), password = PortalPassword });
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/portal/invitations/accept", new { token = TokenOf(second), password = "Another#2026x" }),
            HttpStatusCode.BadRequest, "portal.invalid_invitation");
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/portal/invitations/accept", new { token = TokenOf(first), password = PortalPassword }),
            HttpStatusCode.BadRequest, "portal.invalid_invitation");
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/portal/invitations/accept", new { token = "garbage", password = PortalPassword }),
            HttpStatusCode.BadRequest, "portal.invalid_invitation");
        await ServiceTestHost.LoginAsync(api, desk.Tenant, email, PortalPassword);
        await ApiClient.ExpectProblem(await admin.PostAsync("/api/portal-admin/accounts/invitations", new { customerId = customer, contactId = contact }),
            HttpStatusCode.Conflict, "portal.already_active");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_session_ends()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var email = $"off.{Guid.NewGuid():N}@example.com";
        var (customer, contact) = await CustomerWithContactAsync(desk, "停用", email);
        var (portal, accountId) = await PortalCustomerAsync(desk, customer, contact, email);
        await portal.GetOk("/api/portal/tickets");

        var disabled = await desk.Admin.PostOk($"/api/portal-admin/accounts/{accountId}/disable");
        Assert.Equal("Disabled", disabled["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/portal/tickets")).StatusCode);
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/account/login", new { tenant = desk.Tenant.Name, userName = email, password = PortalPassword }),
            HttpStatusCode.Forbidden, "account.disabled");

        await desk.Admin.PostOk($"/api/portal-admin/accounts/{accountId}/enable");
        var again = await ServiceTestHost.LoginAsync(api, desk.Tenant, email, PortalPassword);
        await again.GetOk("/api/portal/tickets");
    }

    [Fact]
    public async Task Self_sign_up_is_refused_until_allowed_then_waits_for_staff_approval()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var email = $"self.{Guid.NewGuid():N}@example.com";
        var (customer, _) = await CustomerWithContactAsync(desk, "自助", email);
        object SignUp(string mail) => new { tenant = desk.Tenant.Name, name = "王芳", email = mail, phone = "13900000000", company = "自助公司", password = PortalPassword };

        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/portal/sign-up", SignUp(email)), HttpStatusCode.Forbidden, "portal.sign_up_disabled");
        Assert.Empty((await desk.Admin.GetOk("/api/portal-admin/accounts")).AsArray());

        var settings = await desk.Admin.GetOk("/api/portal-admin/settings");
        Assert.False(settings["allowSelfSignUp"]!.GetValue<bool>());
        await desk.Admin.PutOk("/api/portal-admin/settings", new { allowSelfSignUp = true, concurrencyStamp = settings["concurrencyStamp"]!.GetValue<string>() });

        var received = await ApiClient.Expect(await api.Anonymous().PostAsync("/api/portal/sign-up", SignUp(email)), HttpStatusCode.Accepted);
        // Signing up again with the same address answers the same, and creates nothing (no enumeration).
        var repeat = await ApiClient.Expect(await api.Anonymous().PostAsync("/api/portal/sign-up", SignUp(email)), HttpStatusCode.Accepted);
        Assert.Equal(received.ToJsonString(), repeat.ToJsonString());
        var pending = Assert.Single((await desk.Admin.GetOk("/api/portal-admin/accounts?status=PendingApproval")).AsArray())!;
        Assert.Equal(customer, Id(pending, "suggestedCustomerId"));
        Assert.Null(pending["customerId"]);

        // Waiting for approval: cannot sign in, even with the right password.
        await ApiClient.ExpectProblem(await api.Anonymous().PostAsync("/api/account/login", new { tenant = desk.Tenant.Name, userName = email, password = PortalPassword }),
            HttpStatusCode.Forbidden, "account.disabled");
        await desk.Admin.PostOk($"/api/portal-admin/accounts/{Id(pending)}/approve", new { customerId = customer });
        var portal = await ServiceTestHost.LoginAsync(api, desk.Tenant, email, PortalPassword);
        Assert.Equal(customer, Id(await portal.GetOk("/api/portal/me"), "customerId"));
    }

    [Fact]
    public async Task Partners_see_only_assigned_customers_and_granted_modules()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var (assigned, _) = await CustomerWithContactAsync(desk, "经销客户", $"p1.{Guid.NewGuid():N}@example.com");
        var (other, _) = await CustomerWithContactAsync(desk, "其他客户", $"p2.{Guid.NewGuid():N}@example.com");
        var otherTicket = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = other, title = "Not yours", categoryCode = "repair", priorityCode = "normal" }, HttpStatusCode.Created));

        await ApiClient.ExpectProblem(await desk.Admin.PostAsync("/api/portal-admin/partners", new { name = "x", type = "Dealer", modules = new[] { "leads" } }),
            HttpStatusCode.BadRequest, "validation_failed");
        var partner = await desk.Admin.PostOk("/api/portal-admin/partners", new { name = "华东经销商", type = "Dealer", modules = new[] { "tickets" } }, HttpStatusCode.Created);
        var pid = Id(partner);
        await desk.Admin.PutOk($"/api/portal-admin/partners/{pid}/customers", new { customerIds = new[] { assigned } });
        var userName = $"dealer{Guid.NewGuid():N}"[..20];
        await desk.Admin.PostOk($"/api/portal-admin/partners/{pid}/users", new { userName, name = "赵经理", password = PortalPassword }, HttpStatusCode.Created);
        var dealer = await ServiceTestHost.LoginAsync(api, desk.Tenant, userName, PortalPassword);

        var customers = await dealer.GetOk("/api/portal/partner/customers");
        Assert.Equal([assigned], customers.AsArray().Select(c => Id(c!)));
        var created = await dealer.PostOk("/api/portal/partner/tickets", new { customerId = assigned, title = "Install for customer", categoryCode = "installation" }, HttpStatusCode.Created);
        var refused = await ApiClient.Expect(await dealer.PostAsync("/api/portal/partner/tickets", new { customerId = other, title = "x", categoryCode = "repair" }), HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["customerId"]);
        Assert.Single((await desk.Admin.GetOk($"/api/tickets?customerId={other}"))["items"]!.AsArray());
        var tickets = await dealer.GetOk("/api/portal/partner/tickets");
        Assert.Equal([Id(created)], tickets.AsArray().Select(t => Id(t!)));
        Assert.Equal(HttpStatusCode.NotFound, (await dealer.GetAsync($"/api/portal/partner/tickets/{otherTicket}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dealer.PostAsync($"/api/portal/partner/tickets/{otherTicket}/replies", new { content = "x" })).StatusCode);
        await dealer.PostOk($"/api/portal/partner/tickets/{Id(created)}/replies", new { content = "Customer home after 6pm" });
        foreach (var url in new[] { "/api/customers", "/api/tickets", "/api/portal/tickets" })
            Assert.Equal(HttpStatusCode.Forbidden, (await dealer.GetAsync(url)).StatusCode);

        // Taking the tickets module away closes the ticket endpoints; unassigning a customer hides it.
        var current = await desk.Admin.GetOk($"/api/portal-admin/partners/{pid}");
        await desk.Admin.PutOk($"/api/portal-admin/partners/{pid}", new { name = "华东经销商", type = "Dealer", modules = new[] { "knowledge" }, concurrencyStamp = current["concurrencyStamp"]!.GetValue<string>() });
        await ApiClient.ExpectProblem(await dealer.GetAsync("/api/portal/partner/tickets"), HttpStatusCode.Forbidden, "portal.module_not_granted");
        await desk.Admin.PutOk($"/api/portal-admin/partners/{pid}/customers", new { customerIds = Array.Empty<Guid>() });
        Assert.Empty((await dealer.GetOk("/api/portal/partner/customers")).AsArray());

        // Another tenant's admin does not find the partner.
        var otherTenant = await ServiceDesk.CreateAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.Admin.GetAsync($"/api/portal-admin/partners/{pid}")).StatusCode);
        Assert.Empty((await otherTenant.Admin.GetOk("/api/portal-admin/partners")).AsArray());
    }
}

public sealed class PortalTestsSqlite(SqliteApi api) : PortalTests(api), IClassFixture<SqliteApi>;

public sealed class PortalTestsMariaDb(MariaDbApi api) : PortalTests(api), IClassFixture<MariaDbApi>;
