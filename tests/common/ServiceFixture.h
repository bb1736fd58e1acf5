#pragma once

#include "TestDatabase.h"

#include "app/demo/DemoGenerator.h"
#include "app/domain/Session.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace pd::test {

/// A backend test with a small demo database: subjects, purposes and the demo operators (admin, officer, officer2,
/// agent, auditor).
class ServiceFixture : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        DemoGenerator::Options options;
        options.subjects = subjects();
        options.requests = 20;
        options.seed = 11;
        options.today = QDate(2026, 11, 23);
        Result<DemoGenerator::Summary> made = DemoGenerator::generate(db(), options);
        ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    }

    virtual qint64 subjects() const { return 40; }

    /// The demo operator `name` as a signed-in session (without spending a password check).
    Session as(const char *name)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.prepare(QStringLiteral("SELECT id, role FROM operators WHERE name = ?"));
        query.addBindValue(QLatin1String(name));
        EXPECT_TRUE(query.exec() && query.next()) << name;
        return Session{query.value(0).toLongLong(), QLatin1String(name),
                       parseRole(query.value(1).toString()).value_or(Role::Auditor)};
    }

    /// Runs a statement straight on the database, as another program (or an intruder) would. Without values it is
    /// not prepared: PostgreSQL prepares no DDL.
    void exec(const QString &statement, const QVariantList &values = {})
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        if (values.isEmpty()) {
            ASSERT_TRUE(query.exec(statement))
                << statement.toStdString() << ": " << query.lastError().text().toStdString();
            return;
        }
        ASSERT_TRUE(query.prepare(statement)) << statement.toStdString();
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        ASSERT_TRUE(query.exec()) << statement.toStdString() << ": " << query.lastError().text().toStdString();
    }

    /// Lets the test play the intruder: removes the audit trail's append-only triggers, as an owner of the file or the
    /// server could.
    void disableAuditProtection()
    {
        if (GetParam() == Backend::SQLite) {
            exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
            exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
        } else {
            exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"));
        }
    }

    QVariant scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        EXPECT_TRUE(query.prepare(statement)) << statement.toStdString();
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        EXPECT_TRUE(query.exec()) << statement.toStdString();
        return query.next() ? query.value(0) : QVariant();
    }

    /// An active subject with an account e-mail item: {subject id, version, e-mail item id, e-mail}.
    struct Target
    {
        qint64 subject = 0;
        int version = 0;
        qint64 emailItem = 0;
        QString email;
    };
    Target activeSubject(int skip = 0)
    {
        Target target;
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.prepare(QStringLiteral(
            "SELECT s.id, s.version, i.id, i.value FROM subjects s JOIN pd_items i ON i.subject_id = s.id "
            "WHERE s.state = 'active' AND i.field = 'email' AND i.category = 'account' ORDER BY s.id LIMIT 1 OFFSET "
            "?"));
        query.addBindValue(skip);
        EXPECT_TRUE(query.exec() && query.next());
        target.subject = query.value(0).toLongLong();
        target.version = query.value(1).toInt();
        target.emailItem = query.value(2).toLongLong();
        target.email = query.value(3).toString();
        return target;
    }
};

} // namespace pd::test
