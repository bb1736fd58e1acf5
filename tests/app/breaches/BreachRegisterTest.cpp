// The breach register on both backends: a breach is recorded with each regime's deadline and an audit entry, a late
// notice needs its reasons, bad input names its field and stores nothing, only officers record, and the office's
// working-day calendar counts for the regimes that count working days.
#include "ServiceFixture.h"

#include "app/breaches/BreachRegister.h"
#include "app/requests/CalendarService.h"

using namespace pd;
using namespace pd::test;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

BreachRegister::Input stolenLaptop()
{
    BreachRegister::Input input;
    input.discovered = at("2026-10-30T16:00:00+03:00"); // a Friday in Minsk (every time here is in the past)
    input.regimes = {Regime::Gdpr, Regime::By99z};
    input.nature = QStringLiteral("A laptop with an export of the mailing list was stolen");
    input.categories = {QStringLiteral("account"), QStringLiteral("contact")};
    input.subjects = 1200;
    input.records = 3600;
    input.highRisk = true;
    return input;
}

} // namespace

class BreachRegisterTest : public ServiceFixture
{
protected:
    qint64 audited(const char *action)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {QLatin1String(action)})
            .toLongLong();
    }

    const BreachRegister::Notification *notice(const BreachRegister::Breach &breach, Regime regime)
    {
        for (const BreachRegister::Notification &notification : breach.notifications) {
            if (notification.regime == regime) {
                return &notification;
            }
        }
        ADD_FAILURE() << "no notice for " << toString(regime).toStdString();
        return nullptr;
    }
};

TEST_P(BreachRegisterTest, AnOfficerRecordsABreachWithADeadlinePerRegimeAndAnAuditEntry)
{
    const Result<qint64> id = BreachRegister::record(db(), as("officer"), stolenLaptop());
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    EXPECT_EQ(audited("breach.add"), 1);

    const Result<BreachRegister::Breach> breach = BreachRegister::get(db(), as("auditor"), id.value());
    ASSERT_TRUE(breach.ok()) << breach.error().message.toStdString();
    EXPECT_EQ(breach->details.discovered, at("2026-10-30T13:00:00Z"));
    EXPECT_EQ(breach->recordedBy, QStringLiteral("officer"));
    EXPECT_EQ(breach->details.categories, (QStringList{QStringLiteral("account"), QStringLiteral("contact")}));
    EXPECT_EQ(breach->details.subjects, 1200);
    EXPECT_EQ(breach->details.records, 3600);
    EXPECT_TRUE(breach->details.highRisk);
    EXPECT_FALSE(breach->details.dpoContact.isEmpty()) << "the own controller's DPO, from the register";
    ASSERT_EQ(breach->notifications.size(), 2);
    EXPECT_EQ(breach->notifications.first().regime, Regime::Gdpr) << "the nearest deadline first";
    EXPECT_EQ(*notice(breach.value(), Regime::Gdpr)->notifyBy, at("2026-11-02T13:00:00Z"));
    EXPECT_EQ(breach->nextDeadline(), at("2026-11-02T13:00:00Z"));

    const Result<QList<BreachRegister::Breach>> due = BreachRegister::awaitingNotice(db(), as("officer"));
    ASSERT_TRUE(due.ok());
    ASSERT_EQ(due->size(), 1);
    EXPECT_EQ(due->first().id, id.value());
}

TEST_P(BreachRegisterTest, ALateNoticeNeedsItsReasonsAndAnOnTimeOneDoesNot)
{
    const qint64 id = BreachRegister::record(db(), as("officer"), stolenLaptop()).value();
    ASSERT_TRUE(
        BreachRegister::notify(db(), as("officer"), id, at("2026-11-01T10:00:00Z"), QString(), Regime::Gdpr).ok());

    // Belarus's three working days ended on Wednesday 4 November in Minsk.
    const Status late =
        BreachRegister::notify(db(), as("officer"), id, at("2026-11-05T09:00:00+03:00"), QString(), Regime::By99z);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(late.error().message.startsWith(QLatin1String("reason:"))) << late.error().message.toStdString();
    EXPECT_TRUE(late.error().message.contains(QLatin1String("by-99z")));
    EXPECT_EQ(audited("breach.notify"), 1) << "the refused notice stored nothing";

    ASSERT_TRUE(BreachRegister::notify(db(), as("officer"), id, at("2026-11-05T09:00:00+03:00"),
                                       QStringLiteral("the scope was known only from the forensic report"))
                    .ok());
    const BreachRegister::Breach breach = BreachRegister::get(db(), as("officer"), id).value();
    EXPECT_FALSE(notice(breach, Regime::Gdpr)->isLate());
    EXPECT_TRUE(notice(breach, Regime::By99z)->isLate());
    EXPECT_EQ(notice(breach, Regime::By99z)->lateReason,
              QStringLiteral("the scope was known only from the forensic report"));
    EXPECT_FALSE(breach.nextDeadline().has_value());
    EXPECT_TRUE(BreachRegister::awaitingNotice(db(), as("officer"))->isEmpty());

    const Status again = BreachRegister::notify(db(), as("officer"), id, at("2026-11-06T09:00:00Z"), QString());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    const Status tooEarly = BreachRegister::subjectsTold(db(), as("officer"), id, at("2026-10-29T09:00:00Z"));
    ASSERT_FALSE(tooEarly.ok()) << "told before the breach was known";
    EXPECT_TRUE(tooEarly.error().message.startsWith(QLatin1String("at:"))) << tooEarly.error().message.toStdString();
    const Status told = BreachRegister::subjectsTold(db(), as("officer"), id, at("2026-11-06T09:00:00Z"));
    EXPECT_TRUE(told.ok());
    EXPECT_EQ(BreachRegister::get(db(), as("officer"), id)->subjectsTold, at("2026-11-06T09:00:00Z"));
    EXPECT_EQ(audited("breach.subjects-told"), 1);
}

TEST_P(BreachRegisterTest, OnlyOfficersRecordAndNotifyAndAuditorsRead)
{
    EXPECT_EQ(BreachRegister::record(db(), as("agent"), stolenLaptop()).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(BreachRegister::record(db(), as("auditor"), stolenLaptop()).error().code, ErrorCode::PermissionDenied);
    const qint64 id = BreachRegister::record(db(), as("officer2"), stolenLaptop()).value();
    EXPECT_EQ(BreachRegister::notify(db(), as("auditor"), id, at("2026-10-31T09:00:00Z"), QString()).error().code,
              ErrorCode::PermissionDenied);
    EXPECT_TRUE(BreachRegister::list(db(), as("auditor")).ok());
    EXPECT_EQ(BreachRegister::list(db(), as("agent")).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(BreachRegister::list(db(), as("admin")).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM breaches")).toInt(), 1);
}

TEST_P(BreachRegisterTest, BadInputIsRefusedNamingTheFieldAndNothingIsStored)
{
    const auto refused = [this](const BreachRegister::Input &input, const char *field) {
        const Result<qint64> id = BreachRegister::record(db(), as("officer"), input);
        ASSERT_FALSE(id.ok()) << field;
        EXPECT_EQ(id.error().code, ErrorCode::InvalidArgument) << field;
        EXPECT_TRUE(id.error().message.startsWith(QLatin1String(field))) << id.error().message.toStdString();
    };
    BreachRegister::Input input = stolenLaptop();
    input.discovered = QDateTime::currentDateTimeUtc().addDays(1);
    refused(input, "discovered:");
    input = stolenLaptop();
    input.regimes.clear();
    refused(input, "regime:");
    input.regimes = {Regime::Gdpr, Regime::Gdpr};
    refused(input, "regime:");
    input = stolenLaptop();
    input.nature = QStringLiteral("   ");
    refused(input, "nature:");
    input = stolenLaptop();
    input.categories = {QStringLiteral("Account Data")};
    refused(input, "categories:");
    input = stolenLaptop();
    input.records = -1;
    refused(input, "subjects, records:");
    input = stolenLaptop();
    input.consequences = QString(BreachRegister::kMaxText + 1, QLatin1Char('x'));
    refused(input, "consequences:");
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM breaches")).toInt(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM breach_notifications")).toInt(), 0);
    EXPECT_EQ(audited("breach.add"), 0);

    const qint64 id = BreachRegister::record(db(), as("officer"), stolenLaptop()).value();
    const Status early = BreachRegister::notify(db(), as("officer"), id, at("2026-10-30T12:00:00Z"), QString());
    ASSERT_FALSE(early.ok());
    EXPECT_TRUE(early.error().message.startsWith(QLatin1String("at:"))) << "before the discovery";
    EXPECT_EQ(BreachRegister::notify(db(), as("officer"), id + 100, at("2026-10-31T12:00:00Z"), QString()).error().code,
              ErrorCode::NotFound);
}

TEST_P(BreachRegisterTest, TheOfficesCalendarOfBelarusCounts)
{
    // The office declares Monday 2 November a day off: the three working days end on Thursday.
    ASSERT_TRUE(CalendarService::setDay(db(), as("officer"),
                                        {QStringLiteral("BY"), QDate(2026, 11, 2), true, QStringLiteral("transfer")})
                    .ok());
    const qint64 id = BreachRegister::record(db(), as("officer"), stolenLaptop()).value();
    const BreachRegister::Breach breach = BreachRegister::get(db(), as("officer"), id).value();
    EXPECT_EQ(*notice(breach, Regime::By99z)->notifyBy, at("2026-11-05T20:59:59Z"));
    EXPECT_EQ(*notice(breach, Regime::Gdpr)->notifyBy, at("2026-11-02T13:00:00Z")) << "hours ignore calendars";
}

PD_INSTANTIATE_FOR_BACKENDS(BreachRegisterTest);
