#pragma once

#include "app/domain/Result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <cstdint>

namespace pd::demo {

// Streams of the random generator: each kind of thing draws from its own stream so that, for example, changing
// how requests are made does not change the subjects.
enum Stream : std::uint64_t { SubjectStream = 1, RequestStream = 2, DeletionStream = 3 };

/// Purpose and controller ids of the demo profile, looked up by code.
struct DemoIds
{
    QHash<QString, qint64> purposes;
    qint64 operatorController = 0;
    qint64 clientController = 0;
    QStringList paymentRecipients;
    QStringList mailingRecipients;
    QString mailingRecipientCountry;
    QString policyVersion; ///< the version of the policy that consents were given to
};

/// Rows of one table, made on the generator thread and written on the database thread.
struct RowBuffer
{
    QVector<QVariant> values;

    Status add(std::initializer_list<QVariant> row)
    {
        for (const QVariant &value : row) {
            values.append(value);
        }
        return {};
    }
};

/// What the generator hands to the writer: the rows of subjects [.., end).
struct GeneratedBatch
{
    qint64 end = 0;
    RowBuffer subjects;
    RowBuffer items;
    RowBuffer consents;
    RowBuffer disclosures;
    RowBuffer terms;
};

/// Makes up the rows of one subject and of what hangs off it. Pure: touches no database, so it runs on its own
/// thread.
class SubjectMaker
{
public:
    SubjectMaker(const DemoIds &ids, const QDate &today, quint64 seed) : m_ids(ids), m_today(today), m_seed(seed) {}

    /// Adds subject `index` (stored with `id`) to `batch`, with its items, search terms and category and purpose
    /// lists.
    Status write(GeneratedBatch &batch, qint64 id, qint64 index);

    /// Columns of a subject row, in the order write() fills them.
    static QStringList subjectColumns();

private:
    Status writeRows(qint64 id, qint64 index);
    Status item(qint64 subject, const QString &purpose, const char *category, const char *field, const QString &value,
                const char *source, const QString &collectedAt, const QString &state);

    const DemoIds &m_ids;
    QDate m_today;
    quint64 m_seed;
    GeneratedBatch *m_batch = nullptr;
    QStringList m_categories; ///< of the subject being written
    QStringList m_purposes;
    QStringList m_ips;
};

} // namespace pd::demo
