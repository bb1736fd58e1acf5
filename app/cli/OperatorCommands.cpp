// privacydesk-cli operator ... and settings ...
#include "app/cli/CliContext.h"

#include "app/access/AuthService.h"
#include "app/access/Settings.h"
#include "app/storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {

int operatorAdd(CliContext &cli, const QStringList &words)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {QStringLiteral("role"), QStringLiteral("display-name")}, {}, &args, &error)) {
        return cli.usage(QStringLiteral("operator add: ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("operator add: expected one NAME, got %1").arg(args.positionals.size()));
    }
    const QString name = args.positionals.first();
    if (const QString problem = AuthService::nameProblem(name); !problem.isEmpty()) {
        return cli.usage(QStringLiteral("operator add: NAME: ") + problem);
    }
    if (!args.has(QStringLiteral("role"))) {
        return cli.usage(
            CliText::tr("operator add: --role is required (%1)").arg(allRoles().join(QStringLiteral(" | "))));
    }
    const std::optional<Role> role = parseRole(args.value(QStringLiteral("role")));
    if (!role) {
        return cli.usage(CliText::tr("operator add: --role: expected %1, got '%2'")
                             .arg(allRoles().join(QStringLiteral(" | ")), args.value(QStringLiteral("role"))));
    }
    const QString password = qEnvironmentVariable("PRIVACYDESK_NEW_PASSWORD");
    if (password.isEmpty()) {
        return cli.usage(CliText::tr("operator add: set the new operator's password in PRIVACYDESK_NEW_PASSWORD"));
    }
    if (const QString problem = AuthService::passwordProblem(password); !problem.isEmpty()) {
        return cli.usage(QStringLiteral("PRIVACYDESK_NEW_PASSWORD: ") + problem);
    }
    Result<std::shared_ptr<Database>> database = cli.open(true);
    if (!database) {
        return cli.fail(database.error());
    }
    Result<bool> hasOperators = AuthService::hasOperators(*database.value());
    if (!hasOperators) {
        return cli.fail(hasOperators.error());
    }
    Session actor;
    if (hasOperators.value()) {
        if (int code = cli.signIn(*database.value(), QStringLiteral("operator add"), &actor); code != 0) {
            return code;
        }
    }
    Result<Session> added = AuthService::addOperator(*database.value(), actor, name, *role, password,
                                                     args.value(QStringLiteral("display-name")));
    if (!added) {
        return cli.fail(added.error());
    }
    cli.out << (hasOperators.value() ? CliText::tr("Operator %1 (%2) added.")
                                     : CliText::tr("First administrator %1 added."))
                   .arg(name, toString(*role))
            << '\n';
    return CliContext::Success;
}

int operatorList(CliContext &cli, const QStringList &words)
{
    if (!words.isEmpty()) {
        return cli.usage(CliText::tr("operator list: unexpected argument '%1'").arg(words.first()));
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(QStringLiteral("operator list"), &database, &who); code != 0) {
        return code;
    }
    Result<QList<AuthService::OperatorInfo>> operators = AuthService::operators(*database, who);
    if (!operators) {
        return cli.fail(operators.error());
    }
    QJsonArray array;
    for (const AuthService::OperatorInfo &info : operators.value()) {
        if (cli.json) {
            array.append(QJsonObject{{QStringLiteral("id"), info.id},
                                     {QStringLiteral("name"), info.name},
                                     {QStringLiteral("role"), toString(info.role)},
                                     {QStringLiteral("active"), info.active},
                                     {QStringLiteral("locked_until"), info.lockedUntil},
                                     {QStringLiteral("last_sign_in_at"), info.lastSignInAt}});
        } else {
            cli.out << QStringLiteral("%1\t%2\t%3%4\n")
                           .arg(info.name, toString(info.role), info.active ? QString() : CliText::tr("deactivated"),
                                info.lockedUntil.isEmpty() ? QString()
                                                           : CliText::tr(" locked until %1").arg(info.lockedUntil));
        }
    }
    if (cli.json) {
        cli.printJson(array);
    }
    return CliContext::Success;
}

/// operator deactivate|activate|unlock|reset-password|set-role NAME: an administrator changes one account.
int operatorChange(CliContext &cli, const QString &action, const QStringList &words)
{
    const QString command = QStringLiteral("operator ") + action;
    CliContext::Arguments args;
    QString error;
    const QStringList values =
        action == QLatin1String("set-role") ? QStringList{QStringLiteral("role")} : QStringList{};
    if (!CliContext::parse(words, values, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: expected one NAME, got %2").arg(command).arg(args.positionals.size()));
    }
    const QString name = args.positionals.first();
    std::optional<Role> role;
    if (action == QLatin1String("set-role")) {
        role = parseRole(args.value(QStringLiteral("role")));
        if (!role) {
            return cli.usage(
                CliText::tr("%1: --role: expected %2, got '%3'")
                    .arg(command, allRoles().join(QStringLiteral(" | ")), args.value(QStringLiteral("role"))));
        }
    }
    QString password;
    if (action == QLatin1String("reset-password")) {
        password = qEnvironmentVariable("PRIVACYDESK_NEW_PASSWORD");
        if (password.isEmpty()) {
            return cli.usage(CliText::tr("%1: set the new password in PRIVACYDESK_NEW_PASSWORD").arg(command));
        }
        if (const QString problem = AuthService::passwordProblem(password); !problem.isEmpty()) {
            return cli.usage(QStringLiteral("PRIVACYDESK_NEW_PASSWORD: ") + problem);
        }
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int code = cli.openSignedIn(command, &database, &who); code != 0) {
        return code;
    }
    Status done;
    QString said;
    if (action == QLatin1String("deactivate")) {
        done = AuthService::deactivate(*database, who, name);
        said = CliText::tr("Operator %1 deactivated.").arg(name);
    } else if (action == QLatin1String("activate")) {
        done = AuthService::activate(*database, who, name);
        said = CliText::tr("Operator %1 activated.").arg(name);
    } else if (action == QLatin1String("unlock")) {
        done = AuthService::unlock(*database, who, name);
        said = CliText::tr("Operator %1 unlocked.").arg(name);
    } else if (action == QLatin1String("reset-password")) {
        done = AuthService::resetPassword(*database, who, name, password);
        said = CliText::tr("The password of operator %1 was set.").arg(name);
    } else {
        done = AuthService::setRole(*database, who, name, *role);
        said = CliText::tr("Operator %1 is now %2.").arg(name, toString(*role));
    }
    if (!done) {
        return cli.fail(done.error());
    }
    cli.out << said << '\n';
    return CliContext::Success;
}

std::optional<Settings::Key> settingKey(const QString &name)
{
    for (Settings::Key key : Settings::allKeys()) {
        if (Settings::name(key) == name) {
            return key;
        }
    }
    return std::nullopt;
}

} // namespace

int runOperator(CliContext &cli, const QStringList &words)
{
    const auto change = [](const char *action) {
        return
            [action](CliContext &c, const QStringList &rest) { return operatorChange(c, QLatin1String(action), rest); };
    };
    return dispatch(cli, QStringLiteral("operator"), words,
                    {{"add", operatorAdd},
                     {"list", operatorList},
                     {"deactivate", change("deactivate")},
                     {"activate", change("activate")},
                     {"unlock", change("unlock")},
                     {"reset-password", change("reset-password")},
                     {"set-role", change("set-role")}});
}

int runSettings(CliContext &cli, const QStringList &words)
{
    const QString sub = words.value(0);
    const bool show = sub == QLatin1String("show") && words.size() == 1;
    const bool set = sub == QLatin1String("set") && words.size() == 3;
    if (!show && !set) {
        return cli.usage(CliText::tr("settings: expected 'show' or 'set KEY VALUE'"));
    }
    std::optional<Settings::Key> key;
    int value = 0;
    if (set) {
        key = settingKey(words.at(1));
        if (!key) {
            return cli.usage(CliText::tr("settings set: unknown KEY '%1'").arg(words.at(1)));
        }
        bool ok = false;
        value = words.at(2).toInt(&ok);
        const Settings::Bounds bounds = Settings::bounds(*key);
        if (!ok || value < bounds.minimum || value > bounds.maximum) {
            return cli.usage(CliText::tr("settings set %1: VALUE must be a whole number from %2 to %3, got '%4'")
                                 .arg(words.at(1))
                                 .arg(bounds.minimum)
                                 .arg(bounds.maximum)
                                 .arg(words.at(2)));
        }
    }
    Result<std::shared_ptr<Database>> database = cli.open(false);
    if (!database) {
        return cli.fail(database.error());
    }
    if (set) {
        Session who;
        if (int code = cli.signIn(*database.value(), QStringLiteral("settings set"), &who); code != 0) {
            return code;
        }
        if (Status status = Settings::setValue(*database.value(), who, *key, value); !status) {
            return cli.fail(status.error());
        }
    }
    for (Settings::Key each : Settings::allKeys()) {
        Result<int> current = Settings::value(*database.value(), each);
        if (!current) {
            return cli.fail(current.error());
        }
        cli.out << Settings::name(each) << " = " << current.value() << '\n';
    }
    return CliContext::Success;
}

} // namespace pd
