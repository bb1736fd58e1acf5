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
    } else if (field == QLatin1String("country")) {
        if (!isCountryCode(value.trimmed())) {
            return Tr::tr("field 'country': not a country code (two capital letters of ISO 3166-1, e.g. BY, DE)");
        }
    } else if (field == QLatin1String("ip")) {
        if (!isIpAddress(value.trimmed())) {
            return Tr::tr("field 'ip': not an IPv4 or IPv6 address");
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

bool FieldRules::isCountryCode(const QString &code)
{
    // ISO 3166-1 alpha-2, officially assigned codes.
    static const QString codes = QStringLiteral(
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY "
        "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
        "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR "
        "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
        "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
        "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
        "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW");
    return code.size() == 2 && code.at(0).isUpper() && code.at(1).isUpper() && codes.contains(code, Qt::CaseSensitive);
}

namespace {

bool isIpv4(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4) {
        return false;
    }
    for (QStringView part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || value < 0 || value > 255 || !part.at(0).isDigit()) {
            return false;
        }
    }
    return true;
}

bool isHexGroup(QStringView group)
{
    if (group.isEmpty() || group.size() > 4) {
        return false;
    }
    for (QChar c : group) {
        if (!c.isDigit() && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F')) {
            return false;
        }
    }
    return true;
}

bool isIpv6(QStringView text)
{
    const qsizetype gap = text.indexOf(QStringLiteral("::"));
    if (gap >= 0 && text.indexOf(QStringLiteral("::"), gap + 1) >= 0) {
        return false; // "::" at most once
    }
    int groups = 0;
    const auto count = [&groups](QStringView part, bool last) {
        if (part.isEmpty()) {
            return true;
        }
        const QList<QStringView> pieces = part.split(u':');
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            if (last && i == pieces.size() - 1 && pieces.at(i).contains(u'.')) {
                if (!isIpv4(pieces.at(i))) {
                    return false;
                }
                groups += 2; // an embedded IPv4 address takes two groups
            } else if (!isHexGroup(pieces.at(i))) {
                return false;
            } else {
                ++groups;
            }
        }
        return true;
    };
    if (gap < 0) {
        return count(text, true) && groups == 8;
    }
    return count(text.left(gap), false) && count(text.mid(gap + 2), true) && groups < 8;
}

} // namespace

bool FieldRules::isIpAddress(const QString &text)
{
    QStringView address(text);
    const qsizetype slash = address.indexOf(u'/');
    if (slash >= 0) {
        bool ok = false;
        const int prefix = address.mid(slash + 1).toInt(&ok);
        address = address.left(slash);
        const int most = address.contains(u':') ? 128 : 32;
        if (!ok || prefix < 0 || prefix > most) {
            return false;
        }
    }
    return address.contains(u':') ? isIpv6(address) : isIpv4(address);
}

bool FieldRules::isSecret(const QString &field)
{
    static const QStringList secrets = {QStringLiteral("token"),         QStringLiteral("access_token"),
                                        QStringLiteral("api_key"),       QStringLiteral("secret"),
                                        QStringLiteral("refresh_token"), QStringLiteral("password")};
    return secrets.contains(field);
}

} // namespace pd
