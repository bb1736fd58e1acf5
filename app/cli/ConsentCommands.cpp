// privacydesk-cli consent ...
#include "app/cli/CliContext.h"

#include "app/storage/Database.h"
#include "app/subjects/ConsentReview.h"
#include "app/subjects/ConsentService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pd {

namespace {

/// How a consent may have been given (seed 004: the web form, a paper form, e-mail, phone).
const QStringList kChannels = {QStringLiteral("web-form"), QStringLiteral("paper"), QStringLiteral("e-mail"),
                               QStringLiteral("phone")};

bool positiveId(CliContext &cli, const QString &text, const QString &what, qint64 *id, int *code)
{
    if (!CliContext::positiveId(text, id)) {
        *code = cli.usage(CliText::tr("%1: expected a number, got '%2'").arg(what, text));
        return false;
    }
    return true;
}

/// consent give SUBJECT PURPOSE --version V --channel CHANNEL
int give(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("consent give");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("version"), QStringLiteral("channel")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 2) {
        return cli.usage(CliText::tr("%1: expected SUBJECT-ID PURPOSE").arg(command));
    }
    int code = 0;
    qint64 subject = 0;
    if (!positiveId(cli, args.positionals.first(), command + QStringLiteral(": SUBJECT-ID"), &subject, &code)) {
        return code;
    }
    if (args.value(QStringLiteral("version")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --version V (the policy version agreed to) is required").arg(command));
    }
    if (!kChannels.contains(args.value(QStringLiteral("channel")))) {
        return cli.usage(
            CliText::tr("%1: --channel: expected one of %2").arg(command, kChannels.join(QStringLiteral(", "))));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<qint64> id =
        ConsentService::give(*database, who,
                             {subject, args.positionals.at(1), args.value(QStringLiteral("version")),
                              args.value(QStringLiteral("channel")), std::nullopt});
    if (!id) {
        return cli.fail(id.error());
    }
    cli.out << CliText::tr("Consent #%1 recorded.").arg(id.value()) << '\n';
    return CliContext::Success;
}

/// consent withdraw CONSENT-ID --reason TEXT
int withdraw(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("consent withdraw");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("reason")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one CONSENT-ID").arg(command));
    }
    int code = 0;
    qint64 consent = 0;
    if (!positiveId(cli, args.positionals.first(), command + QStringLiteral(": CONSENT-ID"), &consent, &code)) {
        return code;
    }
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        return cli.usage(CliText::tr("%1: --reason TEXT is required").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (Status status =
            ConsentService::withdraw(*database, who, consent, args.value(QStringLiteral("reason")), std::nullopt);
        !status) {
        return cli.fail(status.error());
    }
    cli.out
        << CliText::tr("Consent #%1 withdrawn; the data held for its purpose is scheduled for erasure.").arg(consent)
        << '\n';
    return CliContext::Success;
}

/// consent policy-version VERSION [--note TEXT]
int policyVersion(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("consent policy-version");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("note")}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one VERSION").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    if (Status status =
            ConsentReview::recordVersion(*database, who, args.positionals.first(), args.value(QStringLiteral("note")));
        !status) {
        return cli.fail(status.error());
    }
    cli.out << CliText::tr("Policy version %1 is in force.").arg(CliContext::printable(args.positionals.first()))
            << '\n';
    return CliContext::Success;
}

/// consent outdated [--purpose CODE] [--version V] [--limit K] [--json]
int outdated(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("consent outdated");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("purpose"), QStringLiteral("version"), QStringLiteral("limit")}, {},
                           &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    bool ok = true;
    const int limit = args.has(QStringLiteral("limit")) ? args.value(QStringLiteral("limit")).toInt(&ok) : 100;
    if (!ok || limit < 1) {
        return cli.usage(CliText::tr("%1: --limit: expected a number above 0").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    qint64 total = 0;
    const Result<QList<ConsentReview::Outdated>> found = ConsentReview::outdated(
        *database, who, args.value(QStringLiteral("version")), args.value(QStringLiteral("purpose")), limit, &total);
    if (!found) {
        return cli.fail(found.error());
    }
    if (cli.json) {
        QJsonArray consents;
        for (const ConsentReview::Outdated &consent : found.value()) {
            consents.append(QJsonObject{{QStringLiteral("consent"), consent.consentId},
                                        {QStringLiteral("subject"), consent.subjectId},
                                        {QStringLiteral("purpose"), consent.purposeCode},
                                        {QStringLiteral("policy_version"), consent.policyVersion},
                                        {QStringLiteral("given_at"), consent.givenAt}});
        }
        cli.printJson(QJsonObject{{QStringLiteral("total"), total}, {QStringLiteral("consents"), consents}});
        return CliContext::Success;
    }
    for (const ConsentReview::Outdated &consent : found.value()) {
        cli.out << CliText::tr("subject #%1: consent #%2 for %3, version %4 (given %5)")
                       .arg(consent.subjectId)
                       .arg(consent.consentId)
                       .arg(consent.purposeCode, CliContext::printable(consent.policyVersion), consent.givenAt)
                << '\n';
    }
    cli.out << CliText::tr("%1 consents need re-consent (%2 shown).").arg(total).arg(found->size()) << '\n';
    return CliContext::Success;
}

} // namespace

int runConsent(CliContext &cli, const QStringList &words)
{
    return dispatch(
        cli, QStringLiteral("consent"), words,
        {{"give", give}, {"withdraw", withdraw}, {"policy-version", policyVersion}, {"outdated", outdated}});
}

} // namespace pd
