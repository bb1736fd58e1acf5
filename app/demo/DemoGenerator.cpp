#include "app/demo/DemoGenerator.h"

#include "app/access/AuditLog.h"
#include "app/access/AuthService.h"
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

constexpr qint64 kSubjectsPerTransaction = 20000;
constexpr qint64 kSubjectsPerBatch = 2000; // divides kSubjectsPerTransaction: a transaction holds whole batches

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

/// Requests spread over the six months before `today`, with statuses that fit their age.
Status writeRequests(QSqlDatabase &db, const QDate &today, quint64 seed, qint64 firstSubject, qint64 subjects,
                     int count)
{
    BatchInserter requests(
        db, QStringLiteral("requests"),
        {QStringLiteral("subject_id"),      QStringLiteral("controller_id"),   QStringLiteral("type"),
         QStringLiteral("regime"),          QStringLiteral("status"),          QStringLiteral("channel"),
         QStringLiteral("received_at"),     QStringLiteral("due_date"),        QStringLiteral("requester_name"),
         QStringLiteral("requester_key"),   QStringLiteral("requester_email"), QStringLiteral("what_asked"),
         QStringLiteral("answer_form"),     QStringLiteral("language"),        QStringLiteral("identity_method"),
         QStringLiteral("identity_result"), QStringLiteral("decision"),        QStringLiteral("refusal_ground"),
         QStringLiteral("replied_at"),      QStringLiteral("completed_at"),    QStringLiteral("created_at"),
         QStringLiteral("updated_at")},
        50);
    const QStringList types = allRequestTypes();
    static const QStringList channels = {QStringLiteral("email"), QStringLiteral("web-form"), QStringLiteral("letter"),
                                         QStringLiteral("phone"), QStringLiteral("in-person")};
    QSqlQuery subjectQuery(db);
    subjectQuery.setForwardOnly(true);
    if (!subjectQuery.prepare(QStringLiteral("SELECT display_name, email, controller_id FROM subjects WHERE id = ?"))) {
        return sql::queryError(subjectQuery, "reading a subject");
    }
    for (int i = 0; i < count; ++i) {
        demo::Random random = demo::Random::forItem(seed, RequestStream, std::uint64_t(i));
        const QString type = types.at(i % types.size()); // every type, evenly
        const int regimeRoll = random.below(100);
        const Regime regime = regimeRoll < 45   ? Regime::By99z
                              : regimeRoll < 70 ? Regime::Gdpr
                              : regimeRoll < 75 ? Regime::UkGdpr
                              : regimeRoll < 80 ? Regime::Ccpa
                              : regimeRoll < 95 ? Regime::Ru152fz
                                                : Regime::BrLgpd;
        const int ageDays = random.below(182);
        const QDate receivedDate = today.addDays(-ageDays);
        const QDateTime received(receivedDate, QTime(8 + random.below(10), random.below(60)), Qt::UTC);
        const QDate due = Deadlines::dueDate(regime, *parseRequestType(type), receivedDate);
        const qint64 subject = firstSubject + qint64(random.next() % std::uint64_t(subjects));
        subjectQuery.bindValue(0, subject);
        if (!subjectQuery.exec() || !subjectQuery.next()) {
            return sql::queryError(subjectQuery, "reading a subject");
        }
        const QString name = subjectQuery.value(0).toString();
        const QString email = subjectQuery.value(1).toString();
        const qint64 controller = subjectQuery.value(2).toLongLong();
        subjectQuery.finish();

        // Old requests are mostly answered; recent ones are still open. A few open ones run past their deadline.
        QString status;
        const int roll = random.below(100);
        if (due < today.addDays(-5)) {
            status = roll < 78   ? QStringLiteral("completed")
                     : roll < 90 ? QStringLiteral("refused")
                     : roll < 96 ? QStringLiteral("withdrawn")
                                 : QStringLiteral("in-progress");
        } else {
            status = roll < 25   ? QStringLiteral("new")
                     : roll < 40 ? QStringLiteral("identity-pending")
                     : roll < 75 ? QStringLiteral("in-progress")
                     : roll < 85 ? QStringLiteral("awaiting-approval")
                     : roll < 95 ? QStringLiteral("completed")
                                 : QStringLiteral("refused");
        }
        const bool closed = status == QLatin1String("completed") || status == QLatin1String("refused") ||
                            status == QLatin1String("withdrawn");
        const bool verified = status != QLatin1String("new") && status != QLatin1String("identity-pending");
        QDate closedDate;
        if (closed) {
            const qint64 span = std::max<qint64>(1, receivedDate.daysTo(std::min(due.addDays(3), today)));
            closedDate = receivedDate.addDays(1 + qint64(random.next() % std::uint64_t(span)));
            closedDate = std::min(closedDate, today);
        }
        const QString closedAt = closed ? sql::timestamp(QDateTime(closedDate, QTime(15, 0), Qt::UTC)) : QString();
        Status written = requests.add(
            {subject,
             controller,
             type,
             toString(regime),
             status,
             random.pick(channels),
             sql::timestamp(received),
             due.toString(Qt::ISODate),
             name,
             searchkeys::name(name),
             email,
             QStringLiteral("Request under %1: %2").arg(toString(regime), type),
             random.pick(channels),
             random.percent(60) ? QStringLiteral("ru") : QStringLiteral("en"),
             verified ? QVariant(random.percent(50) ? QStringLiteral("e-mail from the address on file")
                                                    : QStringLiteral("answer to account security question"))
                      : QVariant(QString()),
             verified ? QVariant(QStringLiteral("confirmed")) : QVariant(QString()),
             status == QLatin1String("completed") ? QVariant(QStringLiteral("granted"))
             : status == QLatin1String("refused") ? QVariant(QStringLiteral("refused"))
                                                  : QVariant(QString()),
             status == QLatin1String("refused") ? QVariant(QStringLiteral("identity could not be confirmed"))
                                                : QVariant(QString()),
             status == QLatin1String("completed") ? QVariant(closedAt) : QVariant(QString()),
             closed ? QVariant(closedAt) : QVariant(QString()),
             sql::timestamp(received),
             closed ? closedAt : sql::timestamp(received)});
        if (!written) {
            return written;
        }
    }
    if (Status status = requests.flush(); !status) {
        return status;
    }
    // One "received" event per request, and one for the closing of answered ones.
    QSqlQuery events(db);
    if (!events.exec(QStringLiteral("INSERT INTO request_events (request_id, at, kind, to_status, comment) "
                                    "SELECT id, received_at, 'received', 'new', 'Request registered' FROM requests")) ||
        !events.exec(
            QStringLiteral("INSERT INTO request_events (request_id, at, kind, from_status, to_status, comment) "
                           "SELECT id, completed_at, 'status', 'in-progress', status, 'Closed' "
                           "FROM requests WHERE completed_at IS NOT NULL AND completed_at <> ''"))) {
        return sql::queryError(events, "writing request events");
    }
    return {};
}

/// A few facts of earlier deletions (seed 004 §2.3.2), as the destruction act and event-log extract need them.
Status writeDeletions(QSqlDatabase &db, const DemoIds &ids, const QDate &today, quint64 seed, qint64 count)
{
    BatchInserter deletions(db, QStringLiteral("deletion_log"),
                            {QStringLiteral("subject_ref"), QStringLiteral("controller_id"),
                             QStringLiteral("deleted_at"), QStringLiteral("categories"), QStringLiteral("systems"),
                             QStringLiteral("method"), QStringLiteral("reason"), QStringLiteral("operator_name")},
                            100);
    static const QStringList reasons = {QStringLiteral("Erasure request of the subject"),
                                        QStringLiteral("Retention period expired"),
                                        QStringLiteral("Consent withdrawn")};
    for (qint64 i = 0; i < count; ++i) {
        demo::Random random = demo::Random::forItem(seed, DeletionStream, std::uint64_t(i));
        const QDateTime when(today.addDays(-random.below(182)), QTime(12, 0), Qt::UTC);
        if (Status status = deletions.add({QString(QStringLiteral("del-") + random.hex(16)), ids.operatorController,
                                           sql::timestamp(when), QStringLiteral("account, technical"),
                                           QStringLiteral("Web platform"), QStringLiteral("deletion from the database"),
                                           random.pick(reasons), QStringLiteral("demo")});
            !status) {
            return status;
        }
    }
    return deletions.flush();
}

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

Result<DemoGenerator::Summary> DemoGenerator::generate(Database &database, const Options &options,
                                                       const Progress &progress)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    QSqlDatabase db = database.connection();

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

    Summary summary;
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

    BatchWriter writer(db);
    qint64 done = 0;
    while (done < options.subjects) {
        const qint64 transactionEnd = std::min(options.subjects, done + kSubjectsPerTransaction);
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
        // A sampled ANALYZE: enough statistics for the planner without reading every index page.
        query.exec(QStringLiteral("PRAGMA analysis_limit = 1000"));
    }
    query.exec(QStringLiteral("ANALYZE"));
    if (Status status = database.checkpoint(); !status) {
        return status.error();
    }
    return summary;
}

} // namespace pd
