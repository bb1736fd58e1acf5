#include "app/cli/CliContext.h"

#include "app/access/AuthService.h"
#include "app/storage/Database.h"
#include "app/storage/DatabaseUrl.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace pd {

int CliContext::usage(const QString &message)
{
    err << "privacydesk-cli: " << message << '\n' << CliText::tr("Try 'privacydesk-cli --help'.") << '\n';
    return Usage;
}

int CliContext::fail(const Error &error)
{
    err << "privacydesk-cli: " << error.message << '\n';
    return Failure;
}

bool CliContext::parse(const QStringList &words, const QStringList &valueOptions, const QStringList &flagOptions,
                       Arguments *result, QString *error)
{
    for (int i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!word.startsWith(QLatin1String("--"))) {
            result->positionals.append(word);
            continue;
        }
        QString name = word.mid(2);
        QString inlineValue;
        const int equals = int(name.indexOf(QLatin1Char('=')));
        const bool hasInline = equals >= 0;
        if (hasInline) {
            inlineValue = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (flagOptions.contains(name)) {
            if (hasInline) {
                *error = CliText::tr("option --%1 takes no value").arg(name);
                return false;
            }
            result->flags.append(name);
        } else if (valueOptions.contains(name)) {
            if (!hasInline) {
                if (i + 1 >= words.size()) {
                    *error = CliText::tr("option --%1 needs a value").arg(name);
                    return false;
                }
                inlineValue = words.at(++i);
            }
            result->options.insert(name, inlineValue);
        } else {
            *error = CliText::tr("unknown option --%1").arg(name);
            return false;
        }
    }
    return true;
}

Result<std::shared_ptr<Database>> CliContext::open(bool mayCreate)
{
    Result<DatabaseUrl> url = DatabaseUrl::resolve(dbUrl);
    if (!url) {
        return url.error();
    }
    return Database::open(url.value(),
                          mayCreate ? Database::OpenMode::CreateIfMissing : Database::OpenMode::ExistingOnly);
}

int CliContext::signIn(Database &database, const QString &command, Session *session)
{
    if (operatorName.isEmpty()) {
        return usage(CliText::tr("%1 needs --operator NAME (and the password in PRIVACYDESK_PASSWORD)").arg(command));
    }
    const QString password = qEnvironmentVariable("PRIVACYDESK_PASSWORD");
    if (password.isEmpty()) {
        return usage(CliText::tr("--operator %1: set the password in the environment variable PRIVACYDESK_PASSWORD")
                         .arg(operatorName));
    }
    Result<Session> signedIn = AuthService::signIn(database, operatorName, password);
    if (!signedIn) {
        return fail(signedIn.error());
    }
    *session = signedIn.value();
    return Success;
}

int CliContext::openSignedIn(const QString &command, std::shared_ptr<Database> *database, Session *session)
{
    Result<std::shared_ptr<Database>> opened = open(false);
    if (!opened) {
        return fail(opened.error());
    }
    if (int code = signIn(*opened.value(), command, session); code != 0) {
        return code;
    }
    *database = opened.value();
    return Success;
}

void CliContext::printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

int dispatch(CliContext &cli, const QString &command, const QStringList &words,
             std::initializer_list<Subcommand> subcommands)
{
    const QString word = words.value(0);
    QStringList names;
    for (const Subcommand &subcommand : subcommands) {
        if (word == QLatin1String(subcommand.name)) {
            return subcommand.run(cli, words.mid(1));
        }
        names << QLatin1String(subcommand.name);
    }
    const QString expected = names.join(QStringLiteral(", "));
    return cli.usage(word.isEmpty()
                         ? CliText::tr("%1: expected one of: %2").arg(command, expected)
                         : CliText::tr("%1: unknown '%2' (expected one of: %3)").arg(command, word, expected));
}

bool CliContext::positiveId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

QString CliContext::printable(const QString &stored)
{
    QString safe;
    safe.reserve(stored.size());
    for (const QChar c : stored) {
        const char16_t u = c.unicode();
        if (u == u'\\') {
            safe += QLatin1String("\\\\");
        } else if (u == u'\n') {
            safe += QLatin1String("\\n");
        } else if (u == u'\t') {
            safe += QLatin1String("\\t");
        } else if (u == u'\r') {
            safe += QLatin1String("\\r");
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)) {
            safe += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        } else {
            safe += c;
        }
    }
    return safe;
}

Result<QString> CliContext::readInput(const QString &path, const QString &what)
{
    QFile file;
    const bool standardInput = path == QLatin1String("-");
    const bool opened = standardInput ? file.open(stdin, QIODevice::ReadOnly)
                                      : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        return makeError(ErrorCode::InvalidArgument,
                         CliText::tr("%1: cannot read %2: %3")
                             .arg(what, standardInput ? CliText::tr("standard input") : path, file.errorString()));
    }
    const QByteArray bytes = file.read(kMaxInputBytes + 1);
    if (bytes.size() > kMaxInputBytes) {
        return makeError(ErrorCode::InvalidArgument,
                         CliText::tr("%1: more than %2 MiB").arg(what).arg(kMaxInputBytes / (1024 * 1024)));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return makeError(ErrorCode::InvalidArgument, CliText::tr("%1: not UTF-8 text").arg(what));
    }
    return text;
}

} // namespace pd
