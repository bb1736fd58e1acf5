// privacydesk-cli retention ...
#include "app/cli/CliContext.h"

#include "app/retention/RetentionRun.h"
#include "app/retention/RetentionSweep.h"
#include "app/storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {

QJsonObject toJson(const RetentionSweep::PurposeRetention &purpose)
{
    QJsonObject object;
    object.insert(QStringLiteral("purpose"), purpose.code);
    object.insert(QStringLiteral("title"), purpose.title);
    if (!purpose.category.isEmpty()) {
        object.insert(QStringLiteral("category"), purpose.category);
    }
    object.insert(QStringLiteral("rule"), purpose.ruleText);
    object.insert(QStringLiteral("action"), toString(purpose.rule.action));
    object.insert(QStringLiteral("items"), purpose.items);
    object.insert(QStringLiteral("due"), purpose.due);
    object.insert(QStringLiteral("held_blocked"), purpose.heldBlocked);
    object.insert(QStringLiteral("held_for_request"), purpose.heldForRequest);
    object.insert(QStringLiteral("held_legal_hold"), purpose.heldLegal);
    object.insert(QStringLiteral("to_change"), purpose.toChange());
    object.insert(QStringLiteral("due_within_30_days"), purpose.dueSoon);
    if (!purpose.waitingFor.isEmpty()) {
        object.insert(QStringLiteral("waiting_for"), purpose.waitingFor);
    }
    return object;
}

/// retention run: carries the sweep out and prints its summary; exit 0 when it ran to the end, 1 when it failed or
/// waits for a second officer.
int sweep(CliContext &cli, const QString &command, Database &database, const Session &who, const QDate &today)
{
    const Result<RetentionRun::Summary> summary = RetentionRun::run(database, who, today);
    if (!summary) {
        return cli.fail(summary.error());
    }
    if (cli.json) {
        QJsonArray purposes;
        for (const RetentionRun::PurposeOutcome &purpose : summary->purposes) {
            purposes.append(QJsonObject{{QStringLiteral("purpose"), purpose.code},
                                        {QStringLiteral("category"), purpose.category},
                                        {QStringLiteral("action"), toString(purpose.action)},
                                        {QStringLiteral("due"), purpose.due},
                                        {QStringLiteral("held_blocked"), purpose.heldBlocked},
                                        {QStringLiteral("held_for_request"), purpose.heldForRequest},
                                        {QStringLiteral("held_legal_hold"), purpose.heldLegal}});
        }
        QJsonObject object{{QStringLiteral("today"), today.toString(Qt::ISODate)},
                           {QStringLiteral("purposes"), purposes},
                           {QStringLiteral("subjects_deleted"), summary->subjectsDeleted},
                           {QStringLiteral("subjects_anonymized"), summary->subjectsAnonymized},
                           {QStringLiteral("subjects_trimmed"), summary->subjectsTrimmed},
                           {QStringLiteral("items_deleted"), summary->itemsDeleted},
                           {QStringLiteral("items_anonymized"), summary->itemsAnonymized},
                           {QStringLiteral("scheduled_erasures_done"), summary->scheduledDone},
                           {QStringLiteral("scheduled_erasures_held"), summary->scheduledHeld},
                           {QStringLiteral("skipped"), summary->skipped},
                           {QStringLiteral("backups_clear_by"), summary->backupsClearBy.toString(Qt::ISODate)}};
        if (summary->pendingApproval > 0) {
            object.insert(QStringLiteral("pending_approval"), summary->pendingApproval);
        }
        cli.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else if (summary->pendingApproval > 0) {
        cli.out << CliText::tr("Retention on %1: %2 subjects would change, more than one officer may change alone. "
                               "Nothing was done: approval #%3 waits for a second officer "
                               "(privacydesk-cli approval approve %3).")
                       .arg(today.toString(Qt::ISODate))
                       .arg(summary->planned)
                       .arg(summary->pendingApproval)
                << '\n';
    } else {
        cli.out << CliText::tr("Retention on %1:").arg(today.toString(Qt::ISODate)) << '\n';
        for (const RetentionRun::PurposeOutcome &purpose : summary->purposes) {
            if (purpose.due == 0) {
                continue;
            }
            cli.out << "  " << purpose.code << ": "
                    << CliText::tr("%1 items due; held back: %2 blocked, %3 under an open request, %4 under a legal "
                                   "hold")
                           .arg(purpose.due)
                           .arg(purpose.heldBlocked)
                           .arg(purpose.heldForRequest)
                           .arg(purpose.heldLegal)
                    << '\n';
        }
        cli.out << CliText::tr("Subjects deleted: %1, anonymized: %2; subjects that keep other data: %3 (items "
                               "deleted: %4, anonymized: %5)")
                       .arg(summary->subjectsDeleted)
                       .arg(summary->subjectsAnonymized)
                       .arg(summary->subjectsTrimmed)
                       .arg(summary->itemsDeleted)
                       .arg(summary->itemsAnonymized)
                << '\n';
        cli.out << CliText::tr("Scheduled erasures carried out: %1, held back: %2; subjects changed by someone else "
                               "meanwhile and left: %3")
                       .arg(summary->scheduledDone)
                       .arg(summary->scheduledHeld)
                       .arg(summary->skipped)
                << '\n';
        cli.out << CliText::tr("Copies of what was erased stay in the backups until %1 (backups are kept %2 days: "
                               "settings backup_keep_days).")
                       .arg(summary->backupsClearBy.toString(Qt::ISODate))
                       .arg(summary->backupsClearBy.toJulianDay() - QDate::currentDate().toJulianDay())
                << '\n';
    }
    if (summary->pendingApproval > 0) {
        cli.err
            << CliText::tr("%1: waits for a second officer (approval #%2)").arg(command).arg(summary->pendingApproval)
            << '\n';
        return CliContext::Failure;
    }
    return CliContext::Success;
}

/// retention run [--dry-run] [--today DATE] [--json]: what the sweep would delete or anonymize, per purpose, or the
/// sweep carried out.
int retentionRun(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("retention run");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("today")}, {QStringLiteral("dry-run")}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    QDate today = QDate::currentDate();
    if (args.has(QStringLiteral("today"))) {
        today = QDate::fromString(args.value(QStringLiteral("today")), Qt::ISODate);
        if (!today.isValid()) {
            return cli.usage(CliText::tr("%1: --today: expected a date as YYYY-MM-DD").arg(command));
        }
        if (!args.has(QStringLiteral("dry-run")) && today > QDate::currentDate()) {
            // Data is never removed before its time.
            return cli.usage(CliText::tr("%1: --today: a sweep cannot run for a day after today; a later day is for "
                                         "--dry-run")
                                 .arg(command));
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (!args.has(QStringLiteral("dry-run"))) {
        return sweep(cli, command, *database, who, today);
    }
    const Result<RetentionSweep::Preview> preview = RetentionSweep::preview(*database, who, today);
    if (!preview) {
        return cli.fail(preview.error());
    }
    if (cli.json) {
        QJsonArray purposes;
        for (const RetentionSweep::PurposeRetention &purpose : preview->purposes) {
            purposes.append(toJson(purpose));
        }
        QJsonObject object;
        object.insert(QStringLiteral("today"), today.toString(Qt::ISODate));
        object.insert(QStringLiteral("purposes"), purposes);
        object.insert(QStringLiteral("scheduled_erasures_due"), preview->scheduledErasuresDue);
        cli.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return CliContext::Success;
    }
    cli.out << CliText::tr("Retention on %1 (nothing is changed: --dry-run)").arg(today.toString(Qt::ISODate)) << '\n';
    for (const RetentionSweep::PurposeRetention &purpose : preview->purposes) {
        cli.out << "  " << purpose.code << ": " << purpose.title;
        if (!purpose.category.isEmpty()) {
            cli.out << " (" << CliText::tr("category %1").arg(purpose.category) << ')';
        }
        cli.out << '\n';
        if (!purpose.waitingFor.isEmpty()) {
            cli.out << "    "
                    << CliText::tr("%Ln item(s), kept: no date can be computed yet, waiting for %1", nullptr,
                                   int(purpose.items))
                           .arg(purpose.waitingFor)
                    << '\n';
            continue;
        }
        cli.out << "    "
                << CliText::tr("%1 of %2 items due: %3 to %4; held back: %5 blocked, %6 under an open request, %7 "
                               "under a legal hold; %8 more due within 30 days")
                       .arg(purpose.due)
                       .arg(purpose.items)
                       .arg(purpose.toChange())
                       .arg(purpose.rule.action == RetentionAction::Anonymize ? CliText::tr("anonymize")
                                                                              : CliText::tr("delete"))
                       .arg(purpose.heldBlocked)
                       .arg(purpose.heldForRequest)
                       .arg(purpose.heldLegal)
                       .arg(purpose.dueSoon)
                << '\n';
    }
    cli.out << CliText::tr("Erasures scheduled by withdrawals of consent, due: %1").arg(preview->scheduledErasuresDue)
            << '\n';
    return CliContext::Success;
}

} // namespace

int runRetention(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("retention"), words, {{"run", retentionRun}});
}

} // namespace pd
