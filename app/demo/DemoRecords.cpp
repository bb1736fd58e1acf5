#include "app/demo/DemoRecords_p.h"

#include "app/demo/DemoVocabulary.h"
#include "app/demo/Random.h"
#include "app/demo/SubjectMaker.h"
#include "app/domain/Deadlines.h"
#include "app/domain/SearchKeys.h"
#include "app/requests/EventMessage.h"
#include "app/storage/BatchInserter.h"
#include "app/storage/Sql.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

namespace pd::demo {

/// What a requester of this type writes, in the requester's words (demo requests are in English).
namespace {

QString whatAsked(const QString &type)
{
    static const QHash<QString, QString> asked = {
        {QStringLiteral("access"), QStringLiteral("Please send me a copy of the personal data you hold about me.")},
        {QStringLiteral("disclosures"), QStringLiteral("To whom have you passed my personal data?")},
        {QStringLiteral("rectification"), QStringLiteral("My address has changed; please correct it in your records.")},
        {QStringLiteral("erasure"), QStringLiteral("Please delete all my personal data.")},
        {QStringLiteral("restriction"), QStringLiteral("Please stop using my data until my complaint is settled.")},
        {QStringLiteral("objection"), QStringLiteral("I object to my data being used for marketing.")},
        {QStringLiteral("consent-withdrawal"), QStringLiteral("I withdraw my consent to the newsletter.")},
        {QStringLiteral("portability"), QStringLiteral("Please send my data in a machine-readable file.")},
        {QStringLiteral("complaint"), QStringLiteral("I was not told why my data were collected.")},
    };
    return asked.value(type, QStringLiteral("Please answer my request about my personal data."));
}

} // namespace

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
             whatAsked(type),
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
    // Their lines are the program's own (EventMessage), so that a Russian window shows them in Russian.
    const QString registered =
        EventMessage("pd::RequestService", QT_TRANSLATE_NOOP("pd::RequestService", "Request registered")).toJson();
    const QString closed =
        EventMessage("pd::RequestClosing", QT_TRANSLATE_NOOP("pd::RequestClosing", "Closed")).toJson();
    if (!events.prepare(QStringLiteral("INSERT INTO request_events (request_id, at, kind, to_status, comment, message) "
                                       "SELECT id, received_at, 'received', 'new', 'Request registered', ? "
                                       "FROM requests"))) {
        return sql::queryError(events, "writing request events");
    }
    events.addBindValue(registered);
    if (!events.exec() ||
        !events.prepare(QStringLiteral(
            "INSERT INTO request_events (request_id, at, kind, from_status, to_status, comment, message) "
            "SELECT id, completed_at, 'status', 'in-progress', status, 'Closed', ? "
            "FROM requests WHERE completed_at IS NOT NULL AND completed_at <> ''"))) {
        return sql::queryError(events, "writing request events");
    }
    events.addBindValue(closed);
    if (!events.exec()) {
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

} // namespace pd::demo
