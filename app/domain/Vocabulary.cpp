#include "app/domain/Vocabulary.h"

#include <cstddef>

namespace pd {

namespace {

template <std::size_t N> QString nameAt(const char *const (&names)[N], int index)
{
    return index >= 0 && std::size_t(index) < N ? QLatin1String(names[index]) : QString();
}

template <typename Enum, std::size_t N> std::optional<Enum> parseIn(const char *const (&names)[N], QStringView text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == QLatin1String(names[i])) {
            return Enum(i);
        }
    }
    return std::nullopt;
}

template <std::size_t N> QStringList listOf(const char *const (&names)[N])
{
    QStringList result;
    for (const char *name : names) {
        result.append(QLatin1String(name));
    }
    return result;
}

const char *const kRoles[] = {"admin", "officer", "agent", "auditor"};
const char *const kGrounds[] = {"contract",         "consent",        "legitimate-interest",
                                "legal-obligation", "vital-interest", "public-task"};
const char *const kRetention[] = {"contract-term", "fixed", "backup-cycle", "until-withdrawal", "legal"};
const char *const kControllerKinds[] = {"own", "client"};
const char *const kRecipientRoles[] = {"processor", "controller", "authority", "internal"};
const char *const kDpia[] = {"not-assessed", "not-needed", "needed", "in-progress", "done"};
const char *const kStates[] = {"active", "blocked", "anonymized"};
const char *const kRequestTypes[] = {"access",    "disclosures",        "rectification", "erasure",  "restriction",
                                     "objection", "consent-withdrawal", "portability",   "complaint"};
const char *const kRegimes[] = {"by-99z", "gdpr", "uk-gdpr", "ccpa", "ru-152fz", "br-lgpd"};
const char *const kStatuses[] = {"new",       "identity-pending", "in-progress", "awaiting-approval",
                                 "completed", "refused",          "withdrawn"};

} // namespace

QString toString(Role value)
{
    return nameAt(kRoles, int(value));
}
QString toString(LegalGround value)
{
    return nameAt(kGrounds, int(value));
}
QString toString(RetentionKind value)
{
    return nameAt(kRetention, int(value));
}
QString toString(ControllerKind value)
{
    return nameAt(kControllerKinds, int(value));
}
QString toString(RecipientRole value)
{
    return nameAt(kRecipientRoles, int(value));
}
QString toString(DpiaStatus value)
{
    return nameAt(kDpia, int(value));
}
QString toString(DataState value)
{
    return nameAt(kStates, int(value));
}
QString toString(RequestType value)
{
    return nameAt(kRequestTypes, int(value));
}
QString toString(Regime value)
{
    return nameAt(kRegimes, int(value));
}
QString toString(RequestStatus value)
{
    return nameAt(kStatuses, int(value));
}

std::optional<Role> parseRole(const QString &text)
{
    return parseIn<Role>(kRoles, text);
}
std::optional<LegalGround> parseLegalGround(const QString &text)
{
    return parseIn<LegalGround>(kGrounds, text);
}
std::optional<RetentionKind> parseRetentionKind(QStringView text)
{
    return parseIn<RetentionKind>(kRetention, text);
}
std::optional<ControllerKind> parseControllerKind(const QString &text)
{
    return parseIn<ControllerKind>(kControllerKinds, text);
}
std::optional<RecipientRole> parseRecipientRole(const QString &text)
{
    return parseIn<RecipientRole>(kRecipientRoles, text);
}
std::optional<DpiaStatus> parseDpiaStatus(const QString &text)
{
    return parseIn<DpiaStatus>(kDpia, text);
}
std::optional<DataState> parseDataState(const QString &text)
{
    return parseIn<DataState>(kStates, text);
}
std::optional<RequestType> parseRequestType(const QString &text)
{
    return parseIn<RequestType>(kRequestTypes, text);
}
std::optional<Regime> parseRegime(const QString &text)
{
    return parseIn<Regime>(kRegimes, text);
}
std::optional<RequestStatus> parseRequestStatus(const QString &text)
{
    return parseIn<RequestStatus>(kStatuses, text);
}

QStringList allRoles()
{
    return listOf(kRoles);
}
QStringList allLegalGrounds()
{
    return listOf(kGrounds);
}
QStringList allRetentionKinds()
{
    return listOf(kRetention);
}
QStringList allRecipientRoles()
{
    return listOf(kRecipientRoles);
}
QStringList allDpiaStatuses()
{
    return listOf(kDpia);
}
QStringList allRequestTypes()
{
    return listOf(kRequestTypes);
}
QStringList allRegimes()
{
    return listOf(kRegimes);
}
QStringList allRequestStatuses()
{
    return listOf(kStatuses);
}

QStringList allDataCategories()
{
    return {QStringLiteral("account"), QStringLiteral("payment"),        QStringLiteral("technical"),
            QStringLiteral("voice"),   QStringLiteral("integration"),    QStringLiteral("recipient"),
            QStringLiteral("appeal"),  QStringLiteral("representative"), QStringLiteral("organisation")};
}

} // namespace pd
