// privacydesk-cli retention ...
#include "app/cli/CliContext.h"

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
    object.insert(QStringLiteral("rule"), purpose.ruleText);
    object.insert(QStringLiteral("action"), toString(purpose.rule.action));
    object.insert(QStringLiteral("items"), purpose.items);
    object.insert(QStringLiteral("due"), purpose.due);
    object.insert(QStringLiteral("held_blocked"), purpose.heldBlocked);
    object.insert(QStringLiteral("held_for_request"), purpose.heldForRequest);
    object.insert(QStringLiteral("to_change"), purpose.toChange());
    object.insert(QStringLiteral("due_within_30_days"), purpose.dueSoon);
    if (!purpose.waitingFor.isEmpty()) {
        object.insert(QStringLiteral("waiting_for"), purpose.waitingFor);
    }
    return object;
}

/// retention run --dry-run [--today DATE] [--json]: what the sweep would delete or anonymize, per purpose.
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
    if (!args.has(QStringLiteral("dry-run"))) {
        // Carrying the sweep out (deleting and anonymizing through the records services) is not built yet.
        return cli.usage(CliText::tr("%1: only --dry-run is available so far: it lists what would be deleted or "
                                     "anonymized and what is held back")
                             .arg(command));
    }
    QDate today = QDate::currentDate();
    if (args.has(QStringLiteral("today"))) {
        today = QDate::fromString(args.value(QStringLiteral("today")), Qt::ISODate);
        if (!today.isValid()) {
            return cli.usage(CliText::tr("%1: --today: expected a date as YYYY-MM-DD").arg(command));
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
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
        cli.out << "  " << purpose.code << ": " << purpose.title << '\n';
        if (!purpose.waitingFor.isEmpty()) {
            cli.out << "    "
                    << CliText::tr("%Ln item(s), kept: no date can be computed yet, waiting for %1", nullptr,
                                   int(purpose.items))
                           .arg(purpose.waitingFor)
                    << '\n';
            continue;
        }
        cli.out << "    "
                << CliText::tr("%1 of %2 items due: %3 to %4; held back: %5 blocked, %6 under an open request; %7 "
                               "more due within 30 days")
                       .arg(purpose.due)
                       .arg(purpose.items)
                       .arg(purpose.toChange())
                       .arg(purpose.rule.action == RetentionAction::Anonymize ? CliText::tr("anonymize")
                                                                              : CliText::tr("delete"))
                       .arg(purpose.heldBlocked)
                       .arg(purpose.heldForRequest)
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
