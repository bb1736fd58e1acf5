#include "app/demo/DemoGenerator.h"

#include "app/access/AuditLog.h"
#include "app/access/AuthService.h"
#include "app/demo/DemoRecords_p.h"
#include "app/demo/DemoVocabulary.h"
#include "app/demo/SubjectMaker.h"
#include "app/domain/Deadlines.h"
#include "app/domain/SearchKeys.h"
#include "app/policy/ProfileInstaller.h"
#include "app/policy/ProfileLoader.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/BulkLoad.h"
#include "app/storage/Database.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSqlQuery>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::DemoGenerator)
};
} // namespace

namespace pd {

namespace {

using namespace demo;

constexpr qint64 kSubjectsPerBatch = 2000; // a transaction holds whole batches

Result<DemoIds> loadIds(QSqlDatabase &db)
{
    DemoIds ids;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT code, id FROM purposes"))) {
        return sql::queryError(query, "reading purposes");
    }
    while (query.next()) {
        ids.purposes.insert(query.value(0).toString(), query.value(1).toLongLong());
    }
    if (!query.exec(QStringLiteral("SELECT code, id FROM controllers WHERE code IN ('operator', 'client-retail')"))) {
        return sql::queryError(query, "reading controllers");
    }
    while (query.next()) {
        (query.value(0).toString() == QLatin1String("operator") ? ids.operatorController : ids.clientController) =
            query.value(1).toLongLong();
    }
    static const char *const required[] = {"registration",  "security",        "card-payment",  "appeals",
                                           "info-projects", "site-statistics", "client-mailing"};
    for (const char *code : required) {
        if (!ids.purposes.contains(QLatin1String(code))) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("the demo profile has no purpose '%1'").arg(QLatin1String(code)));
        }
    }
    if (ids.operatorController == 0 || ids.clientController == 0) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("the demo profile lacks the controllers 'operator' and 'client-retail'"));
    }
    if (!query.prepare(QStringLiteral("SELECT r.name, r.country, p.code FROM recipients r "
                                      "JOIN purposes p ON p.id = r.purpose_id ORDER BY r.id")) ||
        !query.exec()) {
        return sql::queryError(query, "reading recipients");
    }
    while (query.next()) {
        const QString purpose = query.value(2).toString();
        if (purpose == QLatin1String("card-payment")) {
            ids.paymentRecipients.append(query.value(0).toString());
        } else if (purpose == QLatin1String("client-mailing")) {
            ids.mailingRecipients.append(query.value(0).toString());
            ids.mailingRecipientCountry = query.value(1).toString();
        }
    }
    if (ids.paymentRecipients.isEmpty()) {
        ids.paymentRecipients.append(QStringLiteral("Payment service provider"));
    }
    if (ids.mailingRecipients.isEmpty()) {
        ids.mailingRecipients.append(QStringLiteral("E-mail delivery provider"));
    }
    return ids;
}

/// A bounded hand-over between the generator thread and the database thread, so that making up values and
/// writing them run on both cores at once.
class BatchQueue
{
public:
    /// Blocks while the queue is full; false once the consumer stopped.
    bool push(std::unique_ptr<GeneratedBatch> batch)
    {
        QMutexLocker locker(&m_mutex);
        while (m_queue.size() >= kCapacity && !m_stopped) {
            m_notFull.wait(&m_mutex);
        }
        if (m_stopped) {
            return false;
        }
        m_queue.push_back(std::move(batch));
        m_notEmpty.wakeOne();
        return true;
    }
    /// Blocks until a batch is there; null when the producer finished and nothing is left.
    std::unique_ptr<GeneratedBatch> pop()
    {
        QMutexLocker locker(&m_mutex);
        while (m_queue.empty() && !m_finished) {
            m_notEmpty.wait(&m_mutex);
        }
        if (m_queue.empty()) {
            return nullptr;
        }
        std::unique_ptr<GeneratedBatch> batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_notFull.wakeOne();
        return batch;
    }
    void finish()
    {
        QMutexLocker locker(&m_mutex);
        m_finished = true;
        m_notEmpty.wakeAll();
    }
    void stop()
    {
        QMutexLocker locker(&m_mutex);
        m_stopped = true;
        m_notFull.wakeAll();
    }

private:
    static constexpr std::size_t kCapacity = 4;
    QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    std::deque<std::unique_ptr<GeneratedBatch>> m_queue;
    bool m_finished = false;
    bool m_stopped = false;
};

/// Writes generated batches with multi-row inserts; the caller owns the transaction.
class BatchWriter
{
public:
    explicit BatchWriter(const QSqlDatabase &db)
        : m_subjects(db, QStringLiteral("subjects"), SubjectMaker::subjectColumns(), 60),
          m_items(db, QStringLiteral("pd_items"),
                  {QStringLiteral("subject_id"), QStringLiteral("purpose_id"), QStringLiteral("category"),
                   QStringLiteral("field"), QStringLiteral("value"), QStringLiteral("source"),
                   QStringLiteral("collected_at"), QStringLiteral("state")},
                  120),
          m_consents(db, QStringLiteral("consents"),
                     {QStringLiteral("subject_id"), QStringLiteral("purpose_id"), QStringLiteral("policy_version"),
                      QStringLiteral("given_at"), QStringLiteral("withdrawn_at"), QStringLiteral("channel")},
                     100),
          m_disclosures(db, QStringLiteral("disclosures"),
                        {QStringLiteral("subject_id"), QStringLiteral("purpose_id"), QStringLiteral("recipient"),
                         QStringLiteral("recipient_country"), QStringLiteral("data_categories"),
                         QStringLiteral("legal_basis"), QStringLiteral("disclosed_at")},
                        100),
          m_terms(db, QStringLiteral("subject_terms"), {QStringLiteral("term"), QStringLiteral("subject_id")}, 200)
    {
        m_items.setParent(&m_subjects);
        m_consents.setParent(&m_subjects);
        m_disclosures.setParent(&m_subjects);
        m_terms.setParent(&m_subjects);
    }

    Status write(const GeneratedBatch &batch)
    {
        Status status = m_subjects.addAll(batch.subjects.values);
        if (status) {
            status = m_items.addAll(batch.items.values);
        }
        if (status) {
            status = m_consents.addAll(batch.consents.values);
        }
        if (status) {
            status = m_disclosures.addAll(batch.disclosures.values);
        }
        if (status) {
            status = m_terms.addAll(batch.terms.values);
        }
        return status;
    }
    Status flush()
    {
        for (BatchInserter *inserter : {&m_subjects, &m_items, &m_consents, &m_disclosures, &m_terms}) {
            if (Status status = inserter->flush(); !status) {
                return status;
            }
        }
        return {};
    }
    qint64 items() const { return m_items.written(); }
    qint64 consents() const { return m_consents.written(); }
    qint64 disclosures() const { return m_disclosures.written(); }

private:
    BatchInserter m_subjects;
    BatchInserter m_items;
    BatchInserter m_consents;
    BatchInserter m_disclosures;
    BatchInserter m_terms;
};

/// One operator per role (and a second officer for the four-eyes rule), passwords as README.md states them.
Status addDemoOperators(Database &database)
{
    Result<bool> existing = AuthService::hasOperators(database);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        return {};
    }
    Session admin;
    for (const DemoGenerator::DemoOperator &demo : DemoGenerator::demoOperators()) {
        Result<Session> added =
            AuthService::addOperator(database, admin, demo.name, demo.role, demo.password, demo.displayName);
        if (!added) {
            return added.error();
        }
        if (demo.role == Role::Admin) {
            admin = added.value();
        }
    }
    return {};
}

} // namespace

QList<DemoGenerator::DemoOperator> DemoGenerator::demoOperators()
{
    // The administrator comes first: it adds the others.
    return {
        {QStringLiteral("admin"), Role::Admin, QStringLiteral("admin-demo-2026"), QStringLiteral("Demo Administrator")},
        {QStringLiteral("officer"), Role::Officer, QStringLiteral("officer-demo-2026"),
         QStringLiteral("Demo Privacy Officer")},
        {QStringLiteral("officer2"), Role::Officer, QStringLiteral("officer2-demo-2026"),
         QStringLiteral("Demo Second Officer")},
        {QStringLiteral("agent"), Role::Agent, QStringLiteral("agent-demo-2026"), QStringLiteral("Demo Support Agent")},
        {QStringLiteral("auditor"), Role::Auditor, QStringLiteral("auditor-demo-2026"),
         QStringLiteral("Demo Auditor")}};
}

namespace {

/// pd_meta key of a demo run: "running" from its first subject to its end.
const QString kRunKey = QStringLiteral("demo.run");

Status setRunState(Database &database, const QString &state)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (state.isEmpty()) {
            return sql::exec(query, QStringLiteral("DELETE FROM pd_meta WHERE key = ?"), {kRunKey},
                             "recording the end of the demo run");
        }
        return sql::exec(query,
                         QStringLiteral("INSERT INTO pd_meta (key, value) VALUES (?, ?) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                         {kRunKey, state}, "recording the demo run");
    });
}

/// Removes what an interrupted demo run wrote (it ran only on a database without subjects): subjects with all that
/// hangs off them, requests and the facts of deletion it made up. Operators and the profile stay.
Status removeUnfinishedRun(Database &database)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        for (const char *statement :
             {"DELETE FROM request_documents", "DELETE FROM request_events", "DELETE FROM scheduled_erasures",
              "DELETE FROM requests", "DELETE FROM deletion_log", "DELETE FROM subjects"}) {
            if (!query.exec(QLatin1String(statement))) {
                return sql::queryError(query, "removing an interrupted demo run");
            }
        }
        return {};
    });
}

} // namespace

Result<DemoGenerator::Summary> DemoGenerator::generate(Database &database, const Options &options,
                                                       const Progress &progress)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    QSqlDatabase db = database.connection();

    // A demo run that was killed leaves its mark: what it wrote is demo data, and goes before the run starts again.
    Result<QVariant> unfinished =
        sql::scalar(db, QStringLiteral("SELECT value FROM pd_meta WHERE key = ?"), {kRunKey}, "reading the demo run");
    if (!unfinished) {
        return unfinished.error();
    }
    Summary summary;
    if (unfinished.value().toString() == QLatin1String("running")) {
        if (Status removed = removeUnfinishedRun(database); !removed) {
            return removed.error();
        }
        summary.restarted = true;
    }
    Result<QVariant> existing =
        sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM subjects"), {}, "counting subjects");
    if (!existing) {
        return existing.error();
    }
    if (existing.value().toLongLong() > 0) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("the database already holds %1 subjects; demo data goes only into an empty database")
                             .arg(existing.value().toLongLong()));
    }

    Result<Profile> profile = ProfileLoader::load(ProfileLoader::defaultProfilePath());
    if (!profile) {
        return profile.error();
    }
    if (Result<ProfileInstaller::Summary> installed = ProfileInstaller::install(database, profile.value());
        !installed) {
        return installed.error();
    }
    if (Status status = addDemoOperators(database); !status) {
        return status.error();
    }
    Result<DemoIds> ids = loadIds(db);
    if (!ids) {
        return ids.error();
    }
    ids.value().policyVersion = profile->policyVersion;
    Result<QVariant> maxId =
        sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM subjects"), {}, "reading subject ids");
    if (!maxId) {
        return maxId.error();
    }
    const qint64 firstId = maxId.value().toLongLong() + 1;
    if (Status marked = setRunState(database, QStringLiteral("running")); !marked) {
        return marked.error();
    }

    if (dialectOf(database) == Dialect::SQLite) {
        // A bigger page cache keeps the search-key indexes in memory while a million rows go in.
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA cache_size = -262144"));
    }

    // The subjects table is empty (checked above): build its search indexes once at the end instead of keeping
    // them ordered through a million random inserts. They come back on every path out of here.
    if (Status status = BulkLoad::suspendSubjectIndexes(db); !status) {
        return status.error();
    }
    struct IndexRestorer
    {
        QSqlDatabase &db;
        ~IndexRestorer() { static_cast<void>(BulkLoad::restoreSubjectIndexes(db)); }
    } restorer{db};

    BatchQueue queue;
    const DemoIds &demoIds = ids.value();
    std::unique_ptr<QThread> generator(QThread::create([&queue, &demoIds, today, &options, firstId] {
        SubjectMaker maker(demoIds, today, options.seed);
        for (qint64 start = 0; start < options.subjects; start += kSubjectsPerBatch) {
            auto batch = std::make_unique<GeneratedBatch>();
            batch->end = std::min(options.subjects, start + kSubjectsPerBatch);
            for (qint64 index = start; index < batch->end; ++index) {
                // Making rows cannot fail: RowBuffer::add only appends.
                static_cast<void>(maker.write(*batch, firstId + index, index));
            }
            if (!queue.push(std::move(batch))) {
                return;
            }
        }
        queue.finish();
    }));
    generator->start();
    auto stopGenerator = [&] {
        queue.stop();
        generator->wait();
    };

    // Whole batches of the generator per transaction.
    const qint64 perTransaction =
        std::max<qint64>(kSubjectsPerBatch, options.subjectsPerTransaction / kSubjectsPerBatch * kSubjectsPerBatch);
    BatchWriter writer(db);
    qint64 done = 0;
    while (done < options.subjects) {
        const qint64 transactionEnd = std::min(options.subjects, done + perTransaction);
        Status batch = database.transaction([&](QSqlDatabase &) -> Status {
            while (done < transactionEnd) {
                std::unique_ptr<GeneratedBatch> generated = queue.pop();
                if (!generated) {
                    return makeError(ErrorCode::Storage, Tr::tr("the demo generator stopped early"));
                }
                if (Status status = writer.write(*generated); !status) {
                    return status;
                }
                done = generated->end;
            }
            return writer.flush();
        });
        if (!batch) {
            stopGenerator();
            return batch.error();
        }
        summary.subjects = done;
        if (progress && !progress(done, options.subjects)) {
            stopGenerator();
            return makeError(ErrorCode::Cancelled,
                             Tr::tr("demo data generation cancelled after %1 subjects").arg(done));
        }
    }
    generator->wait();
    summary.items = writer.items();
    summary.consents = writer.consents();
    summary.disclosures = writer.disclosures();

    const int requestCount =
        options.requests >= 0 ? options.requests : int(std::max<qint64>(60, options.subjects / 200));
    Status rest = database.transaction([&](QSqlDatabase &tx) -> Status {
        if (dialectOf(database) == Dialect::PostgreSQL) {
            // Ids were given explicitly; move the identity sequence past them.
            QSqlQuery query(tx);
            if (!query.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('subjects', 'id'), "
                                           "(SELECT MAX(id) FROM subjects))"))) {
                return sql::queryError(query, "advancing the subject id sequence");
            }
        }
        if (requestCount > 0) {
            if (Status status = writeRequests(tx, today, options.seed, firstId, options.subjects, requestCount);
                !status) {
                return status;
            }
        }
        if (Status status =
                writeDeletions(tx, ids.value(), today, options.seed, std::max<qint64>(5, options.subjects / 1000));
            !status) {
            return status;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("subject.import");
        entry.objectType = QStringLiteral("demo");
        entry.objectId = QStringLiteral("seed %1").arg(options.seed);
        entry.details = QStringLiteral("demo data: subjects=%1 requests=%2").arg(options.subjects).arg(requestCount);
        return AuditLog::append(tx, options.who, entry);
    });
    if (!rest) {
        return rest.error();
    }
    summary.requests = requestCount;
    if (Status status = BulkLoad::restoreSubjectIndexes(db); !status) {
        return status.error();
    }
    QSqlQuery query(db);
    if (dialectOf(database) == Dialect::SQLite) {
        // A full ANALYZE (about 2 s at a million subjects): a sampled one extrapolates the index sizes to several
        // times the table's, and the planner then sorts the whole table instead of stepping through an index.
        query.exec(QStringLiteral("PRAGMA analysis_limit = 0"));
    }
    query.exec(QStringLiteral("ANALYZE"));
    if (Status status = setRunState(database, QString()); !status) {
        return status.error();
    }
    if (Status status = database.checkpoint(); !status) {
        return status.error();
    }
    return summary;
}

} // namespace pd
