#include "app/breaches/BreachRegister.h"

#include "app/access/AuditLog.h"
#include "app/domain/BreachDeadlines.h"
#include "app/domain/Deadlines.h"
#include "app/domain/Permissions.h"
#include "app/requests/CalendarService.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::BreachRegister)
};
} // namespace

namespace pd {

namespace {

/// Clocks of two machines disagree a little: a discovery "now" on a workstation may be seconds ahead of this one.
constexpr int kClockSkewSeconds = 300;

QVariant optionalTime(const std::optional<QDateTime> &when)
{
    return when ? QVariant(sql::timestamp(*when)) : QVariant(QString());
}

std::optional<QDateTime> readTime(const QVariant &value)
{
    const QString text = value.toString();
    if (value.isNull() || text.isEmpty()) {
        return std::nullopt;
    }
    return sql::parseTimestamp(text);
}

QVariant optionalCount(const std::optional<qint64> &count)
{
    return count ? QVariant(*count) : QVariant(QString()); // a null QString binds as NULL
}

/// `when` as a moment that has come already (give or take a workstation's clock); `field` names it in the message.
Status pastMoment(const QDateTime &when, const char *field)
{
    if (!when.isValid()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("%1: a date and time is required").arg(QLatin1String(field)));
    }
    if (when.toUTC() > QDateTime::currentDateTimeUtc().addSecs(kClockSkewSeconds)) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("%1: lies in the future").arg(QLatin1String(field)));
    }
    return {};
}

Status checkInput(const BreachRegister::Input &input)
{
    if (Status when = pastMoment(input.discovered, "discovered"); !when) {
        return when;
    }
    if (input.regimes.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("regime: at least one regime applies to a breach"));
    }
    if (QSet<Regime>(input.regimes.cbegin(), input.regimes.cend()).size() != input.regimes.size()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("regime: a regime is named twice"));
    }
    if (input.nature.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("nature: describe what happened"));
    }
    const std::pair<const char *, const QString *> texts[] = {
        {"nature", &input.nature},
        {"consequences", &input.consequences},
        {"measures_taken", &input.measuresTaken},
        {"measures_proposed", &input.measuresProposed},
        {"dpo_contact", &input.dpoContact},
    };
    for (const auto &[field, text] : texts) {
        if (text->size() > BreachRegister::kMaxText) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("%1: longer than %2 characters").arg(QLatin1String(field)).arg(BreachRegister::kMaxText));
        }
    }
    static const QRegularExpression categoryKey(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    for (const QString &category : input.categories) {
        if (!categoryKey.match(category).hasMatch()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("categories: '%1' is not a category key (lower-case letters, digits, - and _)")
                                 .arg(category.left(64)));
        }
    }
    if ((input.subjects && *input.subjects < 0) || (input.records && *input.records < 0)) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("subjects, records: a number of 0 or more"));
    }
    return {};
}

/// The breaches `where` selects (alias b) with their notices, newest discovery first.
Result<QList<BreachRegister::Breach>> readBreaches(QSqlDatabase &db, const QString &where, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT b.id, b.discovered_at, b.recorded_at, b.recorded_by, b.nature, "
                                     "b.categories, b.subjects_count, b.records_count, b.consequences, "
                                     "b.measures_taken, b.measures_proposed, b.dpo_contact, b.high_risk, "
                                     "b.subjects_told_at FROM breaches b ") +
                          where + QStringLiteral(" ORDER BY b.discovered_at DESC, b.id DESC"),
                      values, "reading the breach register");
        !status) {
        return status.error();
    }
    QList<BreachRegister::Breach> breaches;
    QHash<qint64, qsizetype> at;
    while (query.next()) {
        BreachRegister::Breach breach;
        breach.id = query.value(0).toLongLong();
        breach.recorded = sql::parseTimestamp(query.value(2).toString());
        breach.recordedBy = query.value(3).toString();
        breach.details.discovered = sql::parseTimestamp(query.value(1).toString());
        breach.details.nature = query.value(4).toString();
        breach.details.categories = query.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (!query.value(6).isNull()) {
            breach.details.subjects = query.value(6).toLongLong();
        }
        if (!query.value(7).isNull()) {
            breach.details.records = query.value(7).toLongLong();
        }
        breach.details.consequences = query.value(8).toString();
        breach.details.measuresTaken = query.value(9).toString();
        breach.details.measuresProposed = query.value(10).toString();
        breach.details.dpoContact = query.value(11).toString();
        breach.details.highRisk = query.value(12).toInt() != 0;
        breach.subjectsTold = readTime(query.value(13));
        at.insert(breach.id, breaches.size());
        breaches.append(breach);
    }
    query.finish();
    if (breaches.isEmpty()) {
        return breaches;
    }
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT n.breach_id, n.regime, n.notify_by, n.follow_up_by, "
                                     "n.notified_at, n.late_reason FROM breach_notifications n JOIN "
                                     "breaches b ON b.id = n.breach_id ") +
                          where + QStringLiteral(" ORDER BY n.breach_id, (n.notify_by IS NULL), n.notify_by, n.regime"),
                      values, "reading the breach register");
        !status) {
        return status.error();
    }
    while (query.next()) {
        const auto index = at.constFind(query.value(0).toLongLong());
        const std::optional<Regime> regime = parseRegime(query.value(1).toString());
        if (index == at.constEnd() || !regime) {
            continue;
        }
        BreachRegister::Breach &breach = breaches[*index];
        BreachRegister::Notification notice;
        notice.regime = *regime;
        notice.notifyBy = readTime(query.value(2));
        notice.followUpBy = readTime(query.value(3));
        notice.notifiedAt = readTime(query.value(4));
        notice.lateReason = query.value(5).toString();
        notice.source = BreachDeadlines::source(*regime);
        breach.notifications.append(notice);
        breach.details.regimes.append(*regime);
    }
    return breaches;
}

Result<BreachRegister::Breach> readOne(QSqlDatabase &db, qint64 id)
{
    Result<QList<BreachRegister::Breach>> found = readBreaches(db, QStringLiteral("WHERE b.id = ?"), QVariantList{id});
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return makeError(ErrorCode::NotFound, Tr::tr("breach #%1 does not exist").arg(id));
    }
    return found->first();
}

/// The deadline of `regime` for a breach known since `aware`, on the office's calendar of its country.
Result<BreachDeadline> deadlineOn(QSqlDatabase &tx, Regime regime, const QDateTime &aware)
{
    if (!BreachDeadlines::countsWorkingDays(regime)) {
        return BreachDeadlines::deadline(regime, aware, WorkingCalendar());
    }
    const int year = aware.toUTC().date().year();
    Result<WorkingCalendar> calendar = CalendarService::calendar(tx, Deadlines::country(regime), year, year + 1);
    if (!calendar) {
        return calendar.error();
    }
    return BreachDeadlines::deadline(regime, aware, calendar.value());
}

QString regimeList(const QList<Regime> &regimes)
{
    QStringList codes;
    for (Regime regime : regimes) {
        codes << toString(regime);
    }
    return codes.join(QLatin1Char(','));
}

} // namespace

std::optional<QDateTime> BreachRegister::Breach::nextDeadline() const
{
    std::optional<QDateTime> next;
    for (const Notification &notice : notifications) {
        if (notice.isDue() && (!next || *notice.notifyBy < *next)) {
            next = notice.notifyBy;
        }
    }
    return next;
}

Result<qint64> BreachRegister::record(Database &database, const Session &who, const Input &input)
{
    if (Status allowed = Permissions::check(who, Action::ManageBreaches); !allowed) {
        return allowed.error();
    }
    if (Status valid = checkInput(input); !valid) {
        return valid.error();
    }
    qint64 id = 0;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        QString dpo = input.dpoContact.trimmed();
        if (dpo.isEmpty()) {
            Result<QVariant> own = sql::scalar(tx,
                                               QStringLiteral("SELECT COALESCE(MIN(dpo_contact), '') FROM "
                                                              "controllers WHERE kind = 'own' AND dpo_contact <> ''"),
                                               {}, "reading the DPO's contact");
            if (!own) {
                return own.error();
            }
            dpo = own->toString();
        }
        QStringList categories = input.categories;
        categories.removeDuplicates();
        Result<QVariant> inserted = sql::scalar(
            tx,
            QStringLiteral("INSERT INTO breaches (discovered_at, recorded_at, recorded_by, nature, categories, "
                           "subjects_count, records_count, consequences, measures_taken, measures_proposed, "
                           "dpo_contact, high_risk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {sql::timestamp(input.discovered), sql::nowTimestamp(), who.name, input.nature.trimmed(),
             categories.isEmpty() ? QStringLiteral("")
                                  : QLatin1Char(',') + categories.join(QLatin1Char(',')) + QLatin1Char(','),
             optionalCount(input.subjects), optionalCount(input.records), sql::text(input.consequences.trimmed()),
             sql::text(input.measuresTaken.trimmed()), sql::text(input.measuresProposed.trimmed()), sql::text(dpo),
             input.highRisk ? 1 : 0},
            "recording the breach");
        if (!inserted) {
            return inserted.error();
        }
        id = inserted->toLongLong();
        QSqlQuery query(tx);
        for (Regime regime : input.regimes) {
            Result<BreachDeadline> deadline = deadlineOn(tx, regime, input.discovered);
            if (!deadline) {
                return deadline.error();
            }
            if (Status stored = sql::exec(
                    query,
                    QStringLiteral("INSERT INTO breach_notifications (breach_id, regime, "
                                   "notify_by, follow_up_by) VALUES (?, ?, NULLIF(?, ''), "
                                   "NULLIF(?, ''))"),
                    {id, toString(regime), optionalTime(deadline->notifyBy), optionalTime(deadline->followUpBy)},
                    "recording the breach");
                !stored) {
                return stored;
            }
        }
        AuditEntry entry;
        entry.action = QStringLiteral("breach.add");
        entry.objectType = QStringLiteral("breach");
        entry.objectId = QString::number(id);
        entry.fields = {QStringLiteral("nature"), QStringLiteral("categories"), QStringLiteral("subjects_count"),
                        QStringLiteral("records_count")};
        entry.details = QStringLiteral("regimes=%1 discovered=%2 high_risk=%3")
                            .arg(regimeList(input.regimes), sql::timestamp(input.discovered),
                                 input.highRisk ? QStringLiteral("yes") : QStringLiteral("no"));
        ChangeNotifier::notify(tx, QStringLiteral("breaches"));
        return AuditLog::append(tx, who, entry);
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Status BreachRegister::notify(Database &database, const Session &who, qint64 id, const QDateTime &at,
                              const QString &reason, const std::optional<Regime> &regime)
{
    if (Status allowed = Permissions::check(who, Action::ManageBreaches); !allowed) {
        return allowed;
    }
    if (Status when = pastMoment(at, "at"); !when) {
        return when;
    }
    if (reason.size() > kMaxText) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("reason: longer than %1 characters").arg(kMaxText));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Breach> breach = readOne(tx, id);
        if (!breach) {
            return breach.error();
        }
        if (at.toUTC() < breach->details.discovered) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("at: before the breach was discovered (%1)").arg(sql::timestamp(breach->details.discovered)));
        }
        QList<Notification> toNotify;
        QList<Regime> regimes;
        for (const Notification &notice : std::as_const(breach->notifications)) {
            if ((!regime || notice.regime == *regime) && !notice.notifiedAt) {
                toNotify << notice;
                regimes << notice.regime;
            }
        }
        if (toNotify.isEmpty()) {
            return makeError(ErrorCode::Conflict,
                             regime && !breach->details.regimes.contains(*regime)
                                 ? Tr::tr("breach #%1 is not recorded under %2").arg(id).arg(toString(*regime))
                                 : Tr::tr("breach #%1 was notified already").arg(id));
        }
        QStringList late;
        for (const Notification &notice : std::as_const(toNotify)) {
            if (notice.notifyBy && at.toUTC() > *notice.notifyBy) {
                late << QStringLiteral("%1 (%2)").arg(toString(notice.regime), sql::timestamp(*notice.notifyBy));
            }
        }
        if (!late.isEmpty() && reason.trimmed().isEmpty()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("reason: the notice is late for %1; the reasons for the delay are required "
                                    "(GDPR art. 33(1))")
                                 .arg(late.join(QStringLiteral(", "))));
        }
        QSqlQuery query(tx);
        for (const Notification &notice : std::as_const(toNotify)) {
            if (Status stored =
                    sql::exec(query,
                              QStringLiteral("UPDATE breach_notifications SET notified_at = ?, "
                                             "late_reason = ? WHERE breach_id = ? AND regime = ?"),
                              {sql::timestamp(at), sql::text(reason.trimmed()), id, toString(notice.regime)},
                              "recording the notice");
                !stored) {
                return stored;
            }
        }
        if (Status bumped = sql::exec(query, QStringLiteral("UPDATE breaches SET version = version + 1 WHERE id = ?"),
                                      {id}, "recording the notice");
            !bumped) {
            return bumped;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("breach.notify");
        entry.objectType = QStringLiteral("breach");
        entry.objectId = QString::number(id);
        entry.reason = reason.trimmed();
        entry.details = QStringLiteral("regimes=%1 at=%2 late=%3")
                            .arg(regimeList(regimes), sql::timestamp(at),
                                 late.isEmpty() ? QStringLiteral("no") : QStringLiteral("yes"));
        ChangeNotifier::notify(tx, QStringLiteral("breaches"));
        return AuditLog::append(tx, who, entry);
    });
}

Status BreachRegister::subjectsTold(Database &database, const Session &who, qint64 id, const QDateTime &at)
{
    if (Status allowed = Permissions::check(who, Action::ManageBreaches); !allowed) {
        return allowed;
    }
    if (Status when = pastMoment(at, "at"); !when) {
        return when;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Breach> breach = readOne(tx, id);
        if (!breach) {
            return breach.error();
        }
        if (breach->subjectsTold) {
            return makeError(ErrorCode::Conflict, Tr::tr("breach #%1: the subjects were told already").arg(id));
        }
        if (at.toUTC() < breach->details.discovered) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("at: before the breach was discovered (%1)").arg(sql::timestamp(breach->details.discovered)));
        }
        QSqlQuery query(tx);
        if (Status stored = sql::exec(query,
                                      QStringLiteral("UPDATE breaches SET subjects_told_at = ?, version = version + 1 "
                                                     "WHERE id = ?"),
                                      {sql::timestamp(at), id}, "recording the notice to the subjects");
            !stored) {
            return stored;
        }
        AuditEntry entry;
        entry.action = QStringLiteral("breach.subjects-told");
        entry.objectType = QStringLiteral("breach");
        entry.objectId = QString::number(id);
        entry.details = QStringLiteral("at=%1").arg(sql::timestamp(at));
        ChangeNotifier::notify(tx, QStringLiteral("breaches"));
        return AuditLog::append(tx, who, entry);
    });
}

Result<BreachRegister::Breach> BreachRegister::get(Database &database, const Session &who, qint64 id)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    return readOne(db, id);
}

Result<QList<BreachRegister::Breach>> BreachRegister::list(Database &database, const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    return readBreaches(db, QString(), {});
}

Result<QList<BreachRegister::Breach>> BreachRegister::awaitingNotice(Database &database, const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    Result<QList<Breach>> due = readBreaches(db,
                                             QStringLiteral("WHERE b.id IN (SELECT breach_id FROM "
                                                            "breach_notifications WHERE notified_at IS NULL AND "
                                                            "notify_by IS NOT NULL)"),
                                             {});
    if (!due) {
        return due;
    }
    QList<Breach> breaches = due.value();
    std::sort(breaches.begin(), breaches.end(),
              [](const Breach &a, const Breach &b) { return a.nextDeadline() < b.nextDeadline(); });
    return breaches;
}

} // namespace pd
