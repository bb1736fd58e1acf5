#include "Labels.h"

#include <QDateTime>
#include <QLocale>

namespace pd {

QString Labels::role(Role role)
{
    switch (role) {
    case Role::Admin:
        return tr("administrator");
    case Role::Officer:
        return tr("officer");
    case Role::Agent:
        return tr("agent");
    case Role::Auditor:
        return tr("auditor");
    }
    return toString(role);
}

QString Labels::sentence(const QString &message)
{
    QString text = message.trimmed();
    if (text.isEmpty()) {
        return text;
    }
    text[0] = text.at(0).toUpper();
    const QChar last = text.back();
    if (last != QLatin1Char('.') && last != QLatin1Char('!') && last != QLatin1Char('?')) {
        text.append(QLatin1Char('.'));
    }
    return text;
}

QString Labels::localTime(const QString &isoUtc)
{
    const QDateTime parsed = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!parsed.isValid()) {
        return isoUtc;
    }
    const QDateTime local = parsed.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           local.time().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace pd
