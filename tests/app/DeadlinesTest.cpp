#include "domain/Deadlines.h"

#include <gtest/gtest.h>

using namespace pd;

namespace {

QDate date(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

TEST(Deadlines, RulesPerRegimeAndRight)
{
    struct Case
    {
        Regime regime;
        RequestType type;
        const char *received;
        const char *due;
    };
    const Case cases[] = {
        // GDPR month: same date next month, or that month's last day.
        {Regime::Gdpr, RequestType::Access, "2026-03-10", "2026-04-10"},
        {Regime::Gdpr, RequestType::Erasure, "2026-01-31", "2026-02-28"},
        {Regime::UkGdpr, RequestType::Access, "2028-01-31", "2028-02-29"},
        // Belarus: information about processing in 5 working days (Fri -> next Fri), other rights 15 days.
        {Regime::By99z, RequestType::Access, "2026-11-20", "2026-11-27"},
        {Regime::By99z, RequestType::ConsentWithdrawal, "2026-11-20", "2026-12-05"},
        // CCPA 45 days.
        {Regime::Ccpa, RequestType::Access, "2026-11-01", "2026-12-16"},
        // Russia: 10 working days for access, 7 for correction.
        {Regime::Ru152fz, RequestType::Access, "2026-11-23", "2026-12-07"},
        {Regime::Ru152fz, RequestType::Rectification, "2026-11-23", "2026-12-02"},
        // Brazil 15 days.
        {Regime::BrLgpd, RequestType::Access, "2026-11-23", "2026-12-08"},
    };
    for (const Case &c : cases) {
        EXPECT_EQ(Deadlines::dueDate(c.regime, c.type, date(c.received)), date(c.due))
            << toString(c.regime).toStdString() << " " << toString(c.type).toStdString() << " " << c.received;
    }
}
