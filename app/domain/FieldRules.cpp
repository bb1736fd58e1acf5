#include "app/domain/FieldRules.h"

#include "app/domain/SearchKeys.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QStringList>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::FieldRules)
};
} // namespace

namespace pd {

QString FieldRules::textProblem(const QString &field, QStringView value, Text kind, int limit)
{
    if (limit <= 0) {
        limit = kind == Text::Name ? kMaxName : kind == Text::Line ? kMaxLine : kMaxText;
    }
    if (value.size() > limit) {
        return Tr::tr("field '%1': longer than %2 characters").arg(field).arg(limit);
    }
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029;
        if (!control) {
            continue;
        }
        if (kind == Text::Multiline && (u == u'\n' || u == u'\r' || u == u'\t')) {
            continue;
        }
        return u == u'\n' || u == u'\r'
                   ? Tr::tr("field '%1': a line break is not allowed here").arg(field)
                   : Tr::tr("field '%1': contains a control character (code %2)").arg(field).arg(uint(u));
    }
    return {};
}

Status FieldRules::checkText(const QString &field, const QString &value, Text kind, int limit)
{
    if (const QString problem = textProblem(field, value, kind, limit); !problem.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, problem);
    }
    return {};
}

QString FieldRules::valueProblem(const QString &field, const QString &value)
{
    const bool isName = field == QLatin1String("name") || field.endsWith(QLatin1String("_name")) ||
                        field == QLatin1String("cardholder");
    if (const QString problem = textProblem(field, value, isName ? Text::Name : Text::Line); !problem.isEmpty()) {
        return problem;
    }
    if (field == QLatin1String("email") && value.trimmed().size() > kMaxEmail) {
        return Tr::tr("field 'email': longer than %1 characters").arg(kMaxEmail);
    }
    if (value.trimmed().isEmpty()) {
        return Tr::tr("field '%1': a value is required (to remove data, anonymize or delete the subject)").arg(field);
    }
    if (field == QLatin1String("email")) {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$"));
        if (!email.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'email': not an e-mail address (expected name@domain.tld)");
        }
    } else if (field == QLatin1String("phone")) {
        static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()\\-.]+$"));
        const int digits = int(searchkeys::phone(value).size());
        if (!phone.match(value.trimmed()).hasMatch() || digits < 7 || digits > 15) {
            return Tr::tr("field 'phone': not a phone number (7 to 15 digits, optionally +, spaces, dashes, brackets)");
        }
    } else if (field == QLatin1String("birth_date") || field.endsWith(QLatin1String("_date"))) {
        const QDate date = QDate::fromString(value.trimmed(), Qt::ISODate);
        if (!date.isValid() || date > QDate::currentDate() || date.year() < 1900) {
            return Tr::tr("field '%1': not a date in the past as YYYY-MM-DD").arg(field);
        }
    } else if (field == QLatin1String("card_expiry")) {
        static const QRegularExpression expiry(QStringLiteral("^(0[1-9]|1[0-2])/\\d{2}$"));
        if (!expiry.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'card_expiry': expected MM/YY");
        }
    } else if (field == QLatin1String("card_masked")) {
        static const QRegularExpression masked(QStringLiteral("^\\d{6}\\*{2,9}\\d{4}$"));
        if (!masked.match(value.trimmed()).hasMatch()) {
            return Tr::tr("field 'card_masked': only a masked number is stored (first 6 and last 4 digits, e.g. "
                          "427683******1234)");
        }
    }
    return {};
}

bool FieldRules::isSecret(const QString &field)
{
    static const QStringList secrets = {QStringLiteral("token"),         QStringLiteral("access_token"),
                                        QStringLiteral("api_key"),       QStringLiteral("secret"),
                                        QStringLiteral("refresh_token"), QStringLiteral("password")};
    return secrets.contains(field);
}

} // namespace pd
