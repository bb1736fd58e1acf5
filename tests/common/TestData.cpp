#include "TestData.h"

#include "app/access/AuthService.h"
#include "app/domain/SearchKeys.h"
#include "app/storage/Database.h"
#include "app/storage/SubjectIndex.h"

#include <gtest/gtest.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <iterator>

namespace pd::test {

namespace {

const char *const kFirstNames[] = {"Anna",  "Алесь", "Maria", "Дзмітрый", "John",  "Ольга",
                                   "Peter", "Ірына", "Lucas", "Наталья",  "Sofia", "Якуб"};
const char *const kLastNames[] = {"Kowalski",  "Петрович", "Schmidt",  "Іваноўскі", "Smith",     "Соколова", "Novak",
                                  "Лукашэвіч", "Dubois",   "Кузнецов", "Rossi",     "Шыманская", "Müller"};

/// A null QString binds as NULL; the columns are NOT NULL with '' for "nothing".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QLatin1String("")) : QVariant(value);
}

QString at(const char *const *list, std::size_t size, int index)
{
    return QString::fromUtf8(list[std::size_t(index) % size]);
}

} // namespace

QList<int> SeededSubjects::indexesInState(const QString &state) const
{
    QList<int> result;
    for (int i = 0; i < states.size(); ++i) {
        if (states.at(i) == state) {
            result.append(i);
        }
    }
    return result;
}

SeededSubjects seedSubjects(Database &database, int count)
{
    SeededSubjects seeded;
    const Status written = database.transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery controller(db);
        controller.prepare(QStringLiteral("INSERT INTO controllers (code, name, kind) VALUES (?, ?, ?)"));
        controller.addBindValue(QStringLiteral("own"));
        controller.addBindValue(QStringLiteral("Example Ltd"));
        controller.addBindValue(QStringLiteral("own"));
        if (!controller.exec()) {
            return makeError(ErrorCode::Storage, controller.lastError().text());
        }
        const QVariant controllerId = controller.lastInsertId();

        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO subjects (controller_id, display_name, email, phone, name_key, email_key, phone_key, "
            "external_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QDateTime start(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < count; ++i) {
            QString state = QStringLiteral("active");
            if (i % 97 == 96) {
                state = QStringLiteral("anonymized");
            } else if (i % 7 == 3) {
                state = QStringLiteral("blocked");
            }
            const bool anonymized = state == QLatin1String("anonymized");
            const int firstCount = int(std::size(kFirstNames));
            const QString name = anonymized ? QString()
                                            : at(kFirstNames, std::size(kFirstNames), i) + QLatin1Char(' ') +
                                                  at(kLastNames, std::size(kLastNames), i / firstCount + i);
            const QString email =
                anonymized ? QString() : QStringLiteral("user%1@example.org").arg(i + 1, 5, 10, QLatin1Char('0'));
            const QString phone =
                anonymized ? QString() : QStringLiteral("+375 29 %1").arg(1000000 + i * 13, 7, 10, QLatin1Char('0'));
            const QString created = start.addSecs(qint64(i) * 60).toString(Qt::ISODate);
            insert.addBindValue(controllerId);
            insert.addBindValue(text(name));
            insert.addBindValue(text(email));
            insert.addBindValue(text(phone));
            insert.addBindValue(text(searchkeys::name(name)));
            insert.addBindValue(text(searchkeys::email(email)));
            insert.addBindValue(text(searchkeys::phone(phone)));
            insert.addBindValue(anonymized ? QVariant() : QVariant(QStringLiteral("EXT-%1").arg(i + 1)));
            insert.addBindValue(state);
            insert.addBindValue(created);
            insert.addBindValue(created);
            if (!insert.exec()) {
                return makeError(ErrorCode::Storage, insert.lastError().text());
            }
            // Names are found through the search terms (migration 3), as the services keep them.
            if (Status indexed = SubjectIndex::refresh(db, insert.lastInsertId().toLongLong()); !indexed) {
                return indexed;
            }
            seeded.names.append(name);
            seeded.emails.append(email);
            seeded.states.append(state);
        }
        return {};
    });
    EXPECT_TRUE(written.ok()) << written.error().message.toStdString();
    return seeded;
}

Session makeOperator(Database &database, const QString &name, Role role)
{
    const Result<bool> has = AuthService::hasOperators(database);
    EXPECT_TRUE(has.ok()) << has.error().message.toStdString();
    if (has.ok() && !has.value()) {
        const Result<Session> admin =
            AuthService::addOperator(database, Session(), QStringLiteral("admin"), Role::Admin, kTestPassword);
        EXPECT_TRUE(admin.ok()) << admin.error().message.toStdString();
        if (name == QLatin1String("admin")) {
            return admin.ok() ? admin.value() : Session();
        }
    }
    const Result<Session> admin = AuthService::signIn(database, QStringLiteral("admin"), kTestPassword);
    EXPECT_TRUE(admin.ok()) << admin.error().message.toStdString();
    if (!admin.ok()) {
        return {};
    }
    const Result<Session> created = AuthService::addOperator(database, admin.value(), name, role, kTestPassword);
    EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
    return created.ok() ? created.value() : Session();
}

} // namespace pd::test
