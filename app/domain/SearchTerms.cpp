#include "app/domain/SearchTerms.h"

#include "app/domain/SearchKeys.h"

#include <QRegularExpression>

namespace pd::searchterms {

QStringList forSubject(const QString &displayName, const QStringList &ipAddresses)
{
    QStringList terms;
    static const QRegularExpression separators(QStringLiteral("[\\s,;()\"]+"));
    for (const QString &word : searchkeys::name(displayName).split(separators, Qt::SkipEmptyParts)) {
        if (word.size() >= 2 && !terms.contains(word)) {
            terms.append(word);
        }
    }
    for (const QString &ip : ipAddresses) {
        const QString trimmed = ip.trimmed().toLower();
        if (looksLikeIp(trimmed) && !terms.contains(trimmed)) {
            terms.append(trimmed);
        }
    }
    return terms;
}

bool looksLikeIp(const QString &text)
{
    static const QRegularExpression v4(QStringLiteral("^\\d{1,3}\\.(\\d{1,3}(\\.(\\d{1,3}(\\.\\d{0,3})?)?)?)?$"));
    static const QRegularExpression v6(QStringLiteral("^[0-9a-f]{1,4}:[0-9a-f:]*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return v4.match(text).hasMatch() || v6.match(text).hasMatch();
}

} // namespace pd::searchterms
