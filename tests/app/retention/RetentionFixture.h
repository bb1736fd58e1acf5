#pragma once

// The fixture of the retention tests: a small demo database (both backends) and the rules under test added to it.
#include "ServiceFixture.h"

#include "app/retention/RetentionSweep.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pd::test {

/// The fixed clock of the retention tests (the demo data is made for this day).
inline const QDate kToday(2026, 11, 23);

/// A small demo database with the retention rules under test added to it.
class RetentionFixture : public ServiceFixture
{
protected:
    void SetUp() override
    {
        ServiceFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.exec(QStringLiteral(
            "SELECT id FROM subjects s WHERE state = 'active' AND NOT EXISTS (SELECT 1 FROM requests r WHERE "
            "r.subject_id = s.id) AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id) ORDER BY id")));
        while (query.next()) {
            m_quiet << query.value(0).toLongLong();
        }
        ASSERT_GE(m_quiet.size(), 5) << "the demo data has subjects without requests or consents";
        m_controller = scalar(QStringLiteral("SELECT MIN(id) FROM controllers")).toLongLong();
    }

    /// Ids are given, not drawn: the demo writes ids of its own ahead of PostgreSQL's identity sequences.
    qint64 nextId(const char *table)
    {
        return scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM %1").arg(QLatin1String(table))).toLongLong();
    }

    qint64 addPurpose(const char *code, const char *kind, int months = 0, const char *event = nullptr,
                      const char *action = "delete")
    {
        const qint64 id = nextId("purposes");
        exec(QStringLiteral("INSERT INTO purposes (id, code, controller_id, title, legal_ground, retention_kind, "
                            "retention_months, retention_event, retention_text, retention_action) VALUES (?, ?, ?, ?, "
                            "'contract', ?, ?, ?, ?, ?)"),
             {id, QLatin1String(code), m_controller, QStringLiteral("Test purpose %1").arg(QLatin1String(code)),
              QLatin1String(kind), months > 0 ? QVariant(months) : QVariant(QMetaType::fromType<int>()),
              event ? QVariant(QLatin1String(event)) : QVariant(QMetaType::fromType<QString>()),
              QStringLiteral("as the policy says"), QLatin1String(action)});
        return id;
    }

    qint64 addItem(qint64 subject, qint64 purpose, const char *collected, const char *field = "email",
                   const char *value = "x@example.org")
    {
        const qint64 id = nextId("pd_items");
        exec(QStringLiteral("INSERT INTO pd_items (id, subject_id, purpose_id, category, field, value, collected_at) "
                            "VALUES (?, ?, ?, 'account', ?, ?, ?)"),
             {id, subject, purpose, QLatin1String(field), QLatin1String(value),
              QStringLiteral("%1T10:00:00Z").arg(QLatin1String(collected))});
        return id;
    }

    /// A subject of its own, without items: {id}. Its listing shows `email`.
    qint64 addSubject(const char *email)
    {
        const qint64 id = nextId("subjects");
        const QString at = QStringLiteral("2020-01-01T08:00:00Z");
        exec(QStringLiteral("INSERT INTO subjects (id, controller_id, display_name, email, phone, name_key, email_key, "
                            "phone_key, created_at, updated_at) VALUES (?, ?, 'Test Subject', ?, '', 'test subject', "
                            "?, '', ?, ?)"),
             {id, m_controller, QLatin1String(email), QLatin1String(email), at, at});
        return id;
    }

    qint64 items(qint64 purpose)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE purpose_id = ?"), {purpose}).toLongLong();
    }

    void openRequestFor(qint64 subject)
    {
        const QString at = QStringLiteral("2026-11-01T09:00:00Z");
        exec(QStringLiteral("INSERT INTO requests (id, subject_id, type, regime, status, received_at, due_date, "
                            "created_at, updated_at) VALUES (?, ?, 'erasure', 'gdpr', 'in-progress', ?, '2026-12-01', "
                            "?, ?)"),
             {nextId("requests"), subject, at, at, at});
    }

    RetentionSweep::PurposeRetention preview(const char *code, const QDate &today = kToday)
    {
        const Result<RetentionSweep::Preview> result = RetentionSweep::preview(db(), as("officer"), today);
        EXPECT_TRUE(result.ok()) << result.error().message.toStdString();
        if (result.ok()) {
            for (const RetentionSweep::PurposeRetention &purpose : result->purposes) {
                if (purpose.code == QLatin1String(code)) {
                    return purpose;
                }
            }
        }
        ADD_FAILURE() << "no purpose " << code << " in the preview";
        return {};
    }

    QList<qint64> m_quiet; ///< active subjects without requests or consents
    qint64 m_controller = 0;
};

} // namespace pd::test
