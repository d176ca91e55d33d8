using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Release;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Customers.Records;
using SaasCrm.Customers.Reminders;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Seeding;
using SaasCrm.Search;

namespace SaasCrm.Customers.Demo;

/// <summary>
/// Sample customers for the demo tenant: the two sales reps' customers with contacts, follow-ups (one with a
/// visit check-in) and upcoming reminders, a few customers waiting in the East team's public pool.
/// </summary>
internal sealed class CustomersDemoData(
    PlatformDbContext db,
    CustomerKeyWriter keys,
    ISearchIndexQueue search,
    IReminderScheduler reminders,
    PoolReleaseScheduler poolRuns,
    TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (string Name, string Level, string Industry, string City, string Phone, string Contact, string Mobile, double Lat, double Lon)[] Samples =
    [
        ("上海东方电气有限公司", "a", "manufacturing", "上海", "021-6288 1001", "陈明", "13916001001", 31.2304, 121.4737),
        ("杭州云栖科技有限公司", "a", "it", "杭州", "0571-8802 2002", "周婷", "13806002002", 30.2741, 120.1551),
        ("苏州华美零售连锁", "b", "retail", "苏州", "0512-6511 3003", "吴磊", "13962003003", 31.2989, 120.5853),
        ("南京金陵教育集团", "b", "education", "南京", "025-8470 4004", "郑洁", "13851004004", 32.0603, 118.7969),
        ("Shanghai Bright Logistics Co., Ltd.", "b", "other", "上海", "021-5030 5005", "David Lee", "13701005005", 31.2200, 121.5400),
        ("宁波港湾医疗器械有限公司", "c", "healthcare", "宁波", "0574-8730 6006", "孙强", "13857006006", 29.8683, 121.5440),
        ("广州南方制造股份有限公司", "a", "manufacturing", "广州", "020-3888 7007", "林芳", "13802007007", 23.1291, 113.2644),
        ("深圳华为技术服务中心", "a", "it", "深圳", "0755-2888 8008", "黄伟", "13902008008", 22.5431, 114.0579),
        ("Foshan Pearl Home Furnishing", "b", "retail", "佛山", "0757-8333 9009", "Emily Chen", "13709009009", 23.0215, 113.1214),
        ("厦门海西金融服务有限公司", "b", "finance", "厦门", "0592-5100 1010", "何静", "13906010010", 24.4798, 118.0894),
        ("东莞精工模具厂", "c", "manufacturing", "东莞", "0769-2266 1111", "罗军", "13829011011", 23.0207, 113.7518),
        ("珠海横琴教育科技", "c", "education", "珠海", "0756-8100 1212", "许敏", "13726012012", 22.2710, 113.5767),
    ];

    public int Order => 200;

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "zhangwei" || u.UserName == "lina" || u.UserName == "liuyang")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        if (users.Count < 3) return;
        var east = await db.Departments.AsNoTracking().Where(d => d.Name.Contains("East")).Select(d => d.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var pool = new CustomerPool { Name = "华东公海 East pool", Description = "Customers the East team has not followed up for 30 days", WarnDaysBefore = 3, MaxCustomersPerRep = 50, MaxClaimsPerDay = 5, ReclaimCooldownDays = 7 };
        db.Add(pool);
        if (east != Guid.Empty) db.Add(new CustomerPoolMember { PoolId = pool.Id, DepartmentId = east });
        db.Add(new CustomerPoolRule { PoolId = pool.Id, DaysWithoutFollowUp = 30 });
        db.Add(new CustomerPoolRule { PoolId = pool.Id, LevelCode = "a", DaysWithoutFollowUp = 60, DaysWithoutDeal = 180 });

        for (var i = 0; i < Samples.Length; i++)
        {
            var s = Samples[i];
            var inPool = i is 4 or 5;
            var owner = inPool ? (Guid?)null : i < 6 ? users["zhangwei"] : users["lina"];
            var customer = new Customer
            {
                Kind = CustomerKind.Company, Name = s.Name, LevelCode = s.Level, IndustryCode = s.Industry, SourceCode = i % 3 == 0 ? "exhibition" : "web",
                City = s.City, Province = s.City is "广州" or "深圳" or "佛山" or "东莞" or "珠海" ? "广东" : null, Phones = [s.Phone],
                Emails = [$"info{i + 1}@example.com"], Tags = i % 4 == 0 ? ["重点", "vip"] : i % 3 == 0 ? ["展会"] : [], Latitude = s.Lat, Longitude = s.Lon,
                OwnerId = owner, OwnedSince = owner is null ? null : now.AddDays(-40 + i), PoolId = inPool ? pool.Id : null, PooledAt = inPool ? now.AddDays(-2) : null,
                ServiceRepId = i % 5 == 0 ? users["liuyang"] : null,
            };
            db.Add(customer);
            keys.AddFor(customer);
            var contact = new Contact { CustomerId = customer.Id, Name = s.Contact, Mobile = s.Mobile, Title = i % 2 == 0 ? "采购经理" : "总经理", IsPrimary = true };
            db.Add(contact);
            db.Add(new OwnershipRecord { CustomerId = customer.Id, Action = OwnershipAction.Created, ToUserId = owner ?? users["zhangwei"], At = now.AddDays(-40 + i), ByUserId = owner ?? users["zhangwei"] });
            if (inPool)
            {
                db.Add(new OwnershipRecord { CustomerId = customer.Id, Action = OwnershipAction.Released, FromUserId = users["zhangwei"], PoolId = pool.Id, At = now.AddDays(-2), Reason = "30 days without follow-up" });
            }
            else
            {
                var at = now.AddDays(-(i % 7) - 1);
                db.Add(new FollowUp
                {
                    CustomerId = customer.Id, ContactId = contact.Id, OwnerId = owner!.Value, MethodCode = i % 3 == 0 ? "visit" : "phone", At = at,
                    Content = i % 3 == 0 ? "上门拜访，介绍新产品方案" : "电话沟通需求，客户对报价感兴趣", Result = "约定下次沟通",
                    CheckIn = i % 3 == 0 ? new CheckIn { Latitude = s.Lat + 0.001, Longitude = s.Lon + 0.001, AccuracyMeters = 20, Address = s.City, At = at, DistanceMeters = 142 } : null,
                });
                customer.LastFollowUpAt = at;
                if (i % 2 == 0)
                {
                    var reminder = new Reminder { OwnerId = owner.Value, CustomerId = customer.Id, Subject = $"回访 {s.Name}", DueAt = now.Date.AddDays(i % 5 + 1).AddHours(2), Channels = ReminderChannels.InApp };
                    db.Add(reminder);
                    await reminders.ScheduleAsync(reminder, ct);
                    customer.NextFollowUpAt = reminder.DueAt;
                }
            }
            search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
            search.Enqueue(SearchDocumentTypes.Contact, [contact.Id]);
        }
        await poolRuns.EnsureNextRunAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
