#include "app/domain/CardNumbers.h"

#include <QList>

#include <utility>

namespace pd::cardnumbers {

namespace {

constexpr int kMinDigits = 13;
constexpr int kMaxDigits = 19;

/// A run of digits in `text`: [start, end) and its digits.
struct Group
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString digits;
};

/// The spans [start, end) of `text` that hold a card number. Groups of digits split by one space or dash form a run;
/// a window of whole groups of a run with 13 to 19 digits passing Luhn is a card number (an unsplit run only as a
/// whole: a window inside 25 digits in a row is an identifier, not a card).
QList<std::pair<qsizetype, qsizetype>> spans(const QString &text)
{
    QList<std::pair<qsizetype, qsizetype>> found;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        if (!text.at(i).isDigit() || text.at(i).unicode() > 0x7f) {
            ++i;
            continue;
        }
        // A run: groups of ASCII digits, each next one after exactly one space or dash.
        QList<Group> run;
        while (i < size) {
            Group group;
            group.start = i;
            while (i < size && text.at(i).unicode() < 0x80 && text.at(i).isDigit()) {
                group.digits.append(text.at(i));
                ++i;
            }
            group.end = i;
            run.append(group);
            if (i + 1 < size && (text.at(i) == u' ' || text.at(i) == u'-') && text.at(i + 1).unicode() < 0x80 &&
                text.at(i + 1).isDigit()) {
                ++i;
                continue;
            }
            break;
        }
        for (qsizetype first = 0; first < run.size(); ++first) {
            QString digits;
            bool matched = false;
            for (qsizetype last = first; last < run.size() && digits.size() <= kMaxDigits; ++last) {
                digits += run.at(last).digits;
                const bool whole = run.size() > 1 || (first == 0 && last == 0);
                if (whole && digits.size() >= kMinDigits && digits.size() <= kMaxDigits && passesLuhn(digits)) {
                    found.append({run.at(first).start, run.at(last).end});
                    first = last; // the next window starts after this number
                    matched = true;
                    break;
                }
            }
            if (!matched && run.size() == 1) {
                break;
            }
        }
    }
    return found;
}

} // namespace

bool passesLuhn(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int digit = digits.at(i).digitValue();
        if (digit < 0) {
            return false;
        }
        if (twice) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

bool contains(const QString &text)
{
    return !spans(text).isEmpty();
}

QString redact(const QString &text)
{
    const QList<std::pair<qsizetype, qsizetype>> found = spans(text);
    if (found.isEmpty()) {
        return text;
    }
    QString result;
    qsizetype at = 0;
    for (const auto &[start, end] : found) {
        result += text.mid(at, start - at) + QLatin1String(kRemoved);
        at = end;
    }
    return result + text.mid(at);
}

} // namespace pd::cardnumbers
