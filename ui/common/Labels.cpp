#include "ui/common/Labels.h"

#include "app/domain/VocabularyNames.h"
#include "app/storage/Sql.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

namespace pd {

QString Labels::role(Role role)
{
    return VocabularyNames::role(role);
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

QString Labels::regime(Regime regime)
{
    return VocabularyNames::regime(regime);
}

QString Labels::localTime(const QString &isoUtc)
{
    const QDateTime parsed = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!parsed.isValid()) {
        return isoUtc;
    }
    const QDateTime local = parsed.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           QLocale().toString(local.time(), QLocale::ShortFormat);
}

QString Labels::fullTime(const QString &isoUtc)
{
    const QDateTime parsed = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!parsed.isValid()) {
        return isoUtc;
    }
    const QDateTime local = parsed.toLocalTime();
    return QLocale().toString(local.date(), QLocale::LongFormat) + QLatin1Char(' ') +
           local.time().toString(QStringLiteral("HH:mm:ss")) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

QString Labels::localDate(const QString &iso)
{
    const QDate date = sql::date(iso);
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : iso;
}

QString Labels::category(const QString &category)
{
    return VocabularyNames::category(category);
}

QString Labels::field(const QString &field)
{
    return VocabularyNames::field(field);
}

QString Labels::dataState(const QString &state)
{
    return VocabularyNames::dataState(state);
}

QString Labels::requestType(const QString &type)
{
    return VocabularyNames::requestType(type);
}

QString Labels::requestStatus(const QString &status)
{
    return VocabularyNames::requestStatus(status);
}

QString Labels::auditAction(const QString &action)
{
    return VocabularyNames::auditAction(action);
}

QString Labels::notAllowed(Role role, Action action)
{
    return tr("Your role (%1) may not %2.").arg(Labels::role(role), Permissions::describe(action));
}

} // namespace pd
