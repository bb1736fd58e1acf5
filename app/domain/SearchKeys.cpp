#include "app/domain/SearchKeys.h"

namespace pd::searchkeys {

QString name(const QString &value)
{
    return value.simplified().toCaseFolded();
}

QString nameSortKey(const QString &value)
{
    const QString key = name(value);
    return key.isEmpty() ? QString(kNoName) : key;
}

QString email(const QString &value)
{
    return value.trimmed().toLower();
}

QString phone(const QString &value)
{
    QString digits;
    digits.reserve(value.size());
    for (const QChar c : value) {
        if (c.isDigit()) {
            digits.append(QChar(u'0' + c.digitValue()));
        }
    }
    return digits;
}

QString upperBound(const QString &prefix)
{
    // U+FFFF sorts after every character the keys can hold, byte-wise in UTF-8 as in UTF-16.
    return prefix + QChar(0xFFFF);
}

} // namespace pd::searchkeys
