// privacydesk-cli purpose ...
#include "app/cli/CliContext.h"

#include "app/policy/ProfileExport.h"
#include "app/policy/PurposeRegister.h"
#include "app/storage/Database.h"
#include "app/storage/PrivateFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pd {

namespace {

/// purpose list [--json]: every purpose of the register, own controllers first.
int purposeList(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("purpose list");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (!args.positionals.isEmpty()) {
        return cli.usage(CliText::tr("%1: unexpected argument '%2'").arg(command, args.positionals.first()));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(*database);
    if (!rows) {
        return cli.fail(rows.error());
    }
    if (cli.json) {
        QJsonArray array;
        for (const PurposeRegister::Row &row : rows.value()) {
            array.append(QJsonObject{{QStringLiteral("code"), row.code},
                                     {QStringLiteral("title"), row.title},
                                     {QStringLiteral("controller"), row.controller},
                                     {QStringLiteral("controller_kind"), row.controllerKind},
                                     {QStringLiteral("legal_ground"), row.legalGround},
                                     {QStringLiteral("data_categories"), row.dataCategories},
                                     {QStringLiteral("retention"), row.retentionText},
                                     {QStringLiteral("countries"), row.countries},
                                     {QStringLiteral("recipients"), row.recipients}});
        }
        cli.printJson(array);
        return CliContext::Success;
    }
    for (const PurposeRegister::Row &row : rows.value()) {
        cli.out << CliContext::printable(row.code) << "  " << CliContext::printable(row.title) << "  ("
                << CliContext::printable(row.controller) << ", " << row.legalGround << ")\n";
    }
    cli.out << CliText::tr("%1 purposes").arg(rows->size()) << '\n';
    return CliContext::Success;
}

/// purpose show CODE [--json]: everything the register holds of one purpose.
int purposeShow(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("purpose show");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one purpose CODE").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<QJsonObject> record = PurposeRegister::record(*database, args.positionals.first());
    if (!record) {
        return cli.fail(record.error());
    }
    if (cli.json) {
        cli.printJson(record.value());
        return CliContext::Success;
    }
    for (auto it = record->constBegin(); it != record->constEnd(); ++it) {
        if (it.key() == QLatin1String("recipients")) {
            continue;
        }
        const QString value = it.value().isDouble() ? QString::number(it.value().toInteger()) : it.value().toString();
        if (!value.isEmpty()) {
            cli.out << it.key() << ": " << CliContext::printable(value) << '\n';
        }
    }
    for (const QJsonValue &value : record->value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject recipient = value.toObject();
        cli.out << "recipient: " << CliContext::printable(recipient.value(QStringLiteral("name")).toString()) << " ("
                << recipient.value(QStringLiteral("role")).toString() << ", "
                << CliContext::printable(recipient.value(QStringLiteral("country")).toString()) << ", "
                << CliContext::printable(recipient.value(QStringLiteral("safeguards")).toString()) << ")\n";
    }
    return CliContext::Success;
}

/// profile export FILE: the register of purposes in the profile format (init --profile FILE loads it again).
int profileExport(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("profile export");
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one FILE").arg(command));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    const Result<QString> text = ProfileExport::exportRegister(*database, who);
    if (!text) {
        return cli.fail(text.error());
    }
    const QString path = args.positionals.first();
    if (Status written = PrivateFile::write(path, text->toUtf8()); !written) {
        return cli.fail(makeError(ErrorCode::InvalidArgument,
                                  CliText::tr("%1: cannot write %2: %3").arg(command, path, written.error().message)));
    }
    cli.out << CliText::tr("The register of purposes was written to %1.").arg(path) << '\n';
    return CliContext::Success;
}

} // namespace

int runProfile(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("profile"), words, {{"export", profileExport}});
}

int runPurpose(CliContext &cli, const QStringList &words)
{
    return dispatch(cli, QStringLiteral("purpose"), words, {{"list", purposeList}, {"show", purposeShow}});
}

} // namespace pd
