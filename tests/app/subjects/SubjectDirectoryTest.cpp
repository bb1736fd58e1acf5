#include "TestDatabase.h"

#include "app/domain/SearchKeys.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"
#include "app/subjects/SubjectDirectory.h"

#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

namespace {

struct Person
{
    const char *name;
    const char *email;
    const char *phone;
    const char *state;
};

const Person kPeople[] = {
    {"Ivan Petrov", "ivan.petrov@mail.ru", "+375 (29) 111-22-33", "active"},
    {"Иван Петров", "i.petrov@yandex.by", "+375 (33) 444-55-66", "active"},
    {"Алесь Навіцкі", "ales.navitski@tut.by", "+375 (44) 777-88-99", "blocked"},
    {"Anna Müller", "anna.mueller@gmx.de", "+49 151 2345678", "active"},
    {"Ганна Жук", "hanna.zhuk@gmail.com", "+375 (25) 123-45-67", "blocked"},
    {"", "", "", "anonymized"},
};

SubjectFilter matching(const QString &text)
{
    SubjectFilter filter;
    filter.text = text;
    return filter;
}

class SubjectDirectoryTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(
            query.exec(QStringLiteral("INSERT INTO controllers (code, name, kind) VALUES ('own', 'Own', 'own')")));
        int n = 0;
        for (const Person &p : kPeople) {
            const QString name = QString::fromUtf8(p.name);
            const QString email = QString::fromUtf8(p.email);
            const QString phone = QString::fromUtf8(p.phone);
            Status status =
                sql::exec(query,
                          QStringLiteral(
                              "INSERT INTO subjects (external_id, controller_id, display_name, email, phone, name_key, "
                              "email_key, phone_key, state, created_at, updated_at) "
                              "VALUES (?, (SELECT id FROM controllers WHERE code = 'own'), ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {QStringLiteral("U-%1").arg(100 + n), name, email, phone, searchkeys::nameSortKey(name),
                           searchkeys::email(email), searchkeys::phone(phone), QLatin1String(p.state),
                           QStringLiteral("2026-0%1-01T10:00:00Z").arg(n + 1), QStringLiteral("2026-01-01T10:00:00Z")},
                          "insert subject");
            ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
            ++n;
        }
        // Items: an IP for the first two, a payment item for the fourth, all under one purpose.
        ASSERT_TRUE(
            query.exec(QStringLiteral("INSERT INTO purposes (code, controller_id, title, legal_ground, retention_kind) "
                                      "VALUES ('reg', (SELECT id FROM controllers WHERE code = 'own'), 'Registration', "
                                      "'contract', 'contract-term')")));
        const char *items[][3] = {{"U-100", "ip", "178.120.4.7"},
                                  {"U-101", "ip", "93.84.12.9"},
                                  {"U-103", "card_masked", "427683******1234"}};
        for (const auto &item : items) {
            Status status = sql::exec(
                query,
                QStringLiteral(
                    "INSERT INTO pd_items (subject_id, purpose_id, category, field, value, collected_at) "
                    "VALUES ((SELECT id FROM subjects WHERE external_id = ?), (SELECT id FROM purposes), ?, ?, ?, "
                    "'2026-01-01T00:00:00Z')"),
                {QLatin1String(item[0]), QLatin1String(item[1][0] == 'i' ? "technical" : "payment"),
                 QLatin1String(item[1]), QLatin1String(item[2])},
                "insert item");
            ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
        }
        // The services keep terms and lists in step; a test that writes rows itself refreshes them the same way.
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT id FROM subjects")));
        QList<qint64> ids;
        while (query.next()) {
            ids << query.value(0).toLongLong();
        }
        for (qint64 id : ids) {
            ASSERT_TRUE(SubjectIndex::refresh(connection, id).ok());
        }
    }

    QStringList names(const SubjectFilter &filter, SubjectDirectory::Sort sort = SubjectDirectory::Sort::Id,
                      bool descending = false, qint64 offset = 0, int limit = 100)
    {
        Result<QList<SubjectRow>> rows =
            SubjectDirectory::page(db(), m_officer, filter, sort, descending, offset, limit);
        EXPECT_TRUE(rows.ok()) << rows.error().message.toStdString();
        QStringList result;
        if (rows) {
            for (const SubjectRow &row : rows.value()) {
                result << row.displayName;
            }
        }
        return result;
    }

    Session m_officer{1, QStringLiteral("officer"), Role::Officer};

    qint64 scalarId(const QString &statement)
    {
        QSqlDatabase connection = db().connection();
        return sql::scalar(connection, statement, {}, "test").value().toLongLong();
    }

    qint64 count(const SubjectFilter &filter)
    {
        Result<qint64> n = SubjectDirectory::count(db(), m_officer, filter);
        EXPECT_TRUE(n.ok()) << n.error().message.toStdString();
        return n ? n.value() : -1;
    }
};

} // namespace

TEST_P(SubjectDirectoryTest, CountsAndPagesEverything)
{
    EXPECT_EQ(count({}), 6);
    EXPECT_EQ(names({}, SubjectDirectory::Sort::Id, false, 0, 2),
              QStringList({QStringLiteral("Ivan Petrov"), QStringLiteral("Иван Петров")}));
    EXPECT_EQ(names({}, SubjectDirectory::Sort::Id, false, 5, 10), QStringList({QString()}));
}

TEST_P(SubjectDirectoryTest, FindsByNameInAnyScriptAndCase)
{
    EXPECT_EQ(names(matching(QStringLiteral("иван"))), QStringList({QStringLiteral("Иван Петров")}));
    EXPECT_EQ(names(matching(QStringLiteral("ИВАН П"))), QStringList({QStringLiteral("Иван Петров")}));
    EXPECT_EQ(names(matching(QStringLiteral("ivan"))), QStringList({QStringLiteral("Ivan Petrov")}));
    EXPECT_EQ(names(matching(QStringLiteral("алесь"))), QStringList({QStringLiteral("Алесь Навіцкі")}));
    EXPECT_EQ(count(matching(QStringLiteral("nobody"))), 0);
}

TEST_P(SubjectDirectoryTest, FindsByEmailPhoneAndExternalId)
{
    EXPECT_EQ(names(matching(QStringLiteral("Anna.Mueller@"))), QStringList({QStringLiteral("Anna Müller")}));
    EXPECT_EQ(names(matching(QStringLiteral("hanna.zhuk"))), QStringList({QStringLiteral("Ганна Жук")}));
    EXPECT_EQ(names(matching(QStringLiteral("+375 33 444"))), QStringList({QStringLiteral("Иван Петров")}));
    EXPECT_EQ(names(matching(QStringLiteral("37544777"))), QStringList({QStringLiteral("Алесь Навіцкі")}));
    EXPECT_EQ(names(matching(QStringLiteral("U-103"))), QStringList({QStringLiteral("Anna Müller")}));
}

TEST_P(SubjectDirectoryTest, FindsByAnyWordOfTheNameAndByIp)
{
    EXPECT_EQ(names(matching(QStringLiteral("петров"))), QStringList({QStringLiteral("Иван Петров")}));
    EXPECT_EQ(names(matching(QStringLiteral("Müll"))), QStringList({QStringLiteral("Anna Müller")}));
    EXPECT_EQ(names(matching(QStringLiteral("петров иван"))), QStringList({QStringLiteral("Иван Петров")}));
    EXPECT_EQ(count(matching(QStringLiteral("петров анна"))), 0);
    EXPECT_EQ(names(matching(QStringLiteral("178.120"))), QStringList({QStringLiteral("Ivan Petrov")}));
    EXPECT_EQ(names(matching(QStringLiteral("93.84.12.9"))), QStringList({QStringLiteral("Иван Петров")}));
}

TEST_P(SubjectDirectoryTest, AnIpSearchSaysWhichAddressMatched)
{
    EXPECT_TRUE(SubjectDirectory::isIpSearch(QStringLiteral(" 178.120")));
    EXPECT_TRUE(SubjectDirectory::isIpSearch(QStringLiteral("2a02:")));
    EXPECT_FALSE(SubjectDirectory::isIpSearch(QStringLiteral("ivan")));
    EXPECT_FALSE(SubjectDirectory::isIpSearch(QStringLiteral("+375 29 123")));
    Result<QList<SubjectRow>> rows = SubjectDirectory::page(db(), m_officer, matching(QStringLiteral("178.1")),
                                                            SubjectDirectory::Sort::Name, false, 0, 10);
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    ASSERT_EQ(rows->size(), 1);
    EXPECT_EQ(rows->first().matchedIp, QStringLiteral("178.120.4.7"));
    rows = SubjectDirectory::page(db(), m_officer, matching(QStringLiteral("ivan")), SubjectDirectory::Sort::Name,
                                  false, 0, 10);
    ASSERT_TRUE(rows.ok());
    ASSERT_FALSE(rows->isEmpty());
    EXPECT_TRUE(rows->first().matchedIp.isEmpty()) << "a name search matched no address";
}

TEST_P(SubjectDirectoryTest, FiltersByControllerPurposeAndCategory)
{
    SubjectFilter payment;
    payment.category = QStringLiteral("payment");
    EXPECT_EQ(names(payment), QStringList({QStringLiteral("Anna Müller")}));
    SubjectFilter purpose;
    purpose.purposeId = scalarId(QStringLiteral("SELECT id FROM purposes"));
    EXPECT_EQ(count(purpose), 3);
    SubjectFilter controller;
    controller.controllerId = scalarId(QStringLiteral("SELECT id FROM controllers"));
    EXPECT_EQ(count(controller), 6);
    controller.controllerId = controller.controllerId.value() + 100;
    EXPECT_EQ(count(controller), 0);
}

TEST_P(SubjectDirectoryTest, FiltersByState)
{
    SubjectFilter blocked;
    blocked.state = DataState::Blocked;
    EXPECT_EQ(count(blocked), 2);
    EXPECT_EQ(names(blocked), QStringList({QStringLiteral("Алесь Навіцкі"), QStringLiteral("Ганна Жук")}));
    blocked.text = QStringLiteral("ганна");
    EXPECT_EQ(count(blocked), 1);
}

TEST_P(SubjectDirectoryTest, SortsByNameEmailAndDate)
{
    SubjectFilter active;
    active.state = DataState::Active;
    EXPECT_EQ(
        names(active, SubjectDirectory::Sort::Name),
        QStringList({QStringLiteral("Anna Müller"), QStringLiteral("Ivan Petrov"), QStringLiteral("Иван Петров")}));
    EXPECT_EQ(
        names(active, SubjectDirectory::Sort::Email, true),
        QStringList({QStringLiteral("Ivan Petrov"), QStringLiteral("Иван Петров"), QStringLiteral("Anna Müller")}));
    EXPECT_EQ(names(active, SubjectDirectory::Sort::Created, true).first(), QStringLiteral("Anna Müller"));
}

TEST_P(SubjectDirectoryTest, DeepPagesHoldTheSameRowsAsOneLongPage)
{
    // Ties on every sort column: five more subjects with one name, one e-mail and one creation time.
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(sql::exec(query,
                              QStringLiteral("INSERT INTO subjects (controller_id, display_name, email, name_key, "
                                             "email_key, state, created_at, updated_at) VALUES ((SELECT id FROM "
                                             "controllers WHERE code = 'own'), 'Ivan Petrov', 'same@example.com', "
                                             "'ivan petrov', 'same@example.com', ?, '2026-03-01T10:00:00Z', "
                                             "'2026-03-01T10:00:00Z')"),
                              {i % 2 ? QStringLiteral("blocked") : QStringLiteral("active")}, "insert subject")
                        .ok());
    }
    const auto idsOf = [&](const SubjectFilter &filter, SubjectDirectory::Sort sort, bool descending, qint64 offset,
                           int limit) {
        Result<QList<SubjectRow>> rows =
            SubjectDirectory::page(db(), m_officer, filter, sort, descending, offset, limit);
        EXPECT_TRUE(rows.ok()) << rows.error().message.toStdString();
        QList<qint64> ids;
        for (const SubjectRow &row : rows.value()) {
            ids << row.id;
        }
        return ids;
    };
    SubjectFilter active;
    active.state = DataState::Active;
    for (const SubjectFilter &filter : {SubjectFilter(), active}) {
        for (SubjectDirectory::Sort sort : {SubjectDirectory::Sort::Id, SubjectDirectory::Sort::Name,
                                            SubjectDirectory::Sort::Email, SubjectDirectory::Sort::Created}) {
            for (bool descending : {false, true}) {
                const QList<qint64> all = idsOf(filter, sort, descending, 0, 100);
                ASSERT_EQ(all.size(), count(filter));
                for (int size : {1, 2, 3}) {
                    QList<qint64> paged;
                    for (qint64 offset = 0; offset < all.size(); offset += size) {
                        paged << idsOf(filter, sort, descending, offset, size);
                    }
                    EXPECT_EQ(paged, all)
                        << "sort " << int(sort) << (descending ? " descending" : "") << ", pages of " << size;
                }
                EXPECT_TRUE(idsOf(filter, sort, descending, all.size(), 10).isEmpty());
            }
        }
    }
}

TEST_P(SubjectDirectoryTest, AdministratorsAndAnonymousCallersSeeNoPersonalData)
{
    for (const Session &who : {Session{7, QStringLiteral("root"), Role::Admin}, Session{}}) {
        Result<qint64> counted = SubjectDirectory::count(db(), who, {});
        ASSERT_FALSE(counted.ok());
        EXPECT_EQ(counted.error().code, ErrorCode::PermissionDenied);
        Result<QList<SubjectRow>> rows =
            SubjectDirectory::page(db(), who, {}, SubjectDirectory::Sort::Id, false, 0, 10);
        ASSERT_FALSE(rows.ok());
        EXPECT_EQ(rows.error().code, ErrorCode::PermissionDenied);
    }
    for (Role role : {Role::Agent, Role::Auditor}) {
        EXPECT_TRUE(SubjectDirectory::count(db(), Session{3, QStringLiteral("x"), role}, {}).ok());
    }
}

PD_INSTANTIATE_FOR_BACKENDS(SubjectDirectoryTest);
