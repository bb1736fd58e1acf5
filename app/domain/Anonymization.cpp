#include "app/domain/Anonymization.h"

#include <QDate>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

namespace pd {

QStringList Anonymization::fieldsWith(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Generalize:
        return {QStringLiteral("ip"),         QStringLiteral("location"), QStringLiteral("city"),
                QStringLiteral("birth_date"), QStringLiteral("browser"),  QStringLiteral("referrer"),
                QStringLiteral("utm")};
    case Strategy::Token:
        return {QStringLiteral("cookie_id"), QStringLiteral("transaction_id"), QStringLiteral("account_id"),
                QStringLiteral("session_id")};
    case Strategy::Keep:
        return {QStringLiteral("language"), QStringLiteral("country"), QStringLiteral("tags"),
                QStringLiteral("segments"), QStringLiteral("tariff"),  QStringLiteral("payment_status")};
    case Strategy::Remove:
        break;
    }
    return {};
}

Anonymization::Strategy Anonymization::strategyFor(const QString &field)
{
    static const QStringList generalize = fieldsWith(Strategy::Generalize);
    static const QStringList token = fieldsWith(Strategy::Token);
    static const QStringList keep = fieldsWith(Strategy::Keep);
    if (generalize.contains(field)) {
        return Strategy::Generalize;
    }
    if (token.contains(field)) {
        return Strategy::Token;
    }
    if (keep.contains(field)) {
        return Strategy::Keep;
    }
    return Strategy::Remove; // names, contacts, card data, tokens, free text: anything not known to be harmless
}

QString Anonymization::apply(const QString &field, const QString &value)
{
    switch (strategyFor(field)) {
    case Strategy::Remove:
        return QStringLiteral("");
    case Strategy::Keep:
        return value;
    case Strategy::Token:
        return QStringLiteral("anon-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    case Strategy::Generalize:
        break;
    }
    if (field == QLatin1String("ip")) {
        // IPv4 to its /16 network, IPv6 to its /32 allocation (Qt Network is not a dependency of the core).
        static const QRegularExpression v4(QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}"));
        const QRegularExpressionMatch match = v4.match(value);
        if (match.hasMatch()) {
            return QStringLiteral("%1.%2.0.0/16").arg(match.captured(1), match.captured(2));
        }
        if (value.contains(QLatin1Char(':'))) {
            const QStringList groups = value.section(QLatin1Char('/'), 0, 0).split(QLatin1Char(':'));
            if (groups.size() >= 3 && !groups.at(0).isEmpty() && !groups.at(1).isEmpty()) {
                return groups.at(0) + QLatin1Char(':') + groups.at(1) + QStringLiteral("::/32");
            }
        }
        return QStringLiteral("");
    }
    if (field == QLatin1String("location") || field == QLatin1String("city")) {
        // "Minsk, BY" -> "BY": the country stays for statistics.
        const QString country = value.section(QLatin1Char(','), -1).trimmed();
        return country.size() == 2 ? country : QStringLiteral("");
    }
    if (field == QLatin1String("birth_date")) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? QString::number(date.year()) : QStringLiteral("");
    }
    if (field == QLatin1String("browser")) {
        static const QRegularExpression family(QStringLiteral("^([A-Za-z ]+?)\\s*\\d"));
        const QRegularExpressionMatch match = family.match(value);
        return match.hasMatch() ? match.captured(1).trimmed() : QStringLiteral("");
    }
    if (field == QLatin1String("referrer")) {
        const QUrl url(value);
        return url.isValid() && !url.host().isEmpty() ? url.host() : QStringLiteral("");
    }
    if (field == QLatin1String("utm")) {
        // Campaign parameters can carry a per-person id; keep only where the visit came from.
        static const QRegularExpression source(QStringLiteral("utm_source=([^&]*)"));
        const QRegularExpressionMatch match = source.match(value);
        return match.hasMatch() ? QStringLiteral("utm_source=") + match.captured(1) : QStringLiteral("");
    }
    return QStringLiteral("");
}

QString Anonymization::describe(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Remove:
        return QStringLiteral("remove");
    case Strategy::Generalize:
        return QStringLiteral("generalize");
    case Strategy::Token:
        return QStringLiteral("random token");
    case Strategy::Keep:
        return QStringLiteral("keep");
    }
    return {};
}

} // namespace pd
