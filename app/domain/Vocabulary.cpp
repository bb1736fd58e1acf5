#include "domain/Vocabulary.h"

#include <array>

namespace pd {

namespace {

template <typename Enum, std::size_t N>
struct Table
{
    std::array<const char *, N> names;

    QString name(Enum value) const { return QLatin1String(names[std::size_t(value)]); }
    std::optional<Enum> parse(const QString &text) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (text == QLatin1String(names[i])) {
                return Enum(i);
            }
        }
        return std::nullopt;
    }
    QStringList all() const
    {
        QStringList result;
        for (const char *n : names) {
            result.append(QLatin1String(n));
        }
        return result;
    }
};

const Table<Role, 4> kRoles{{"admin", "officer", "agent", "auditor"}};
const Table<LegalGround, 6> kGrounds{
    {"contract", "consent", "legitimate-interest", "legal-obligation", "vital-interest", "public-task"}};
const Table<RetentionKind, 5> kRetention{{"contract-term", "fixed", "backup-cycle", "until-withdrawal", "legal"}};
const Table<ControllerKind, 2> kControllerKinds{{"own", "client"}};
const Table<RecipientRole, 3> kRecipientRoles{{"processor", "controller", "authority"}};
const Table<DataState, 3> kStates{{"active", "blocked", "anonymized"}};
const Table<RequestType, 9> kRequestTypes{{"access", "disclosures", "rectification", "erasure", "restriction",
                                           "objection", "consent-withdrawal", "portability", "complaint"}};
const Table<Regime, 6> kRegimes{{"by-99z", "gdpr", "uk-gdpr", "ccpa", "ru-152fz", "br-lgpd"}};
const Table<RequestStatus, 7> kStatuses{
    {"new", "identity-pending", "in-progress", "awaiting-approval", "completed", "refused", "withdrawn"}};

} // namespace

QString toString(Role value) { return kRoles.name(value); }
QString toString(LegalGround value) { return kGrounds.name(value); }
QString toString(RetentionKind value) { return kRetention.name(value); }
QString toString(ControllerKind value) { return kControllerKinds.name(value); }
QString toString(RecipientRole value) { return kRecipientRoles.name(value); }
QString toString(DataState value) { return kStates.name(value); }
QString toString(RequestType value) { return kRequestTypes.name(value); }
QString toString(Regime value) { return kRegimes.name(value); }
QString toString(RequestStatus value) { return kStatuses.name(value); }

std::optional<Role> parseRole(const QString &text) { return kRoles.parse(text); }
std::optional<LegalGround> parseLegalGround(const QString &text) { return kGrounds.parse(text); }
std::optional<RetentionKind> parseRetentionKind(const QString &text) { return kRetention.parse(text); }
std::optional<ControllerKind> parseControllerKind(const QString &text) { return kControllerKinds.parse(text); }
std::optional<RecipientRole> parseRecipientRole(const QString &text) { return kRecipientRoles.parse(text); }
std::optional<DataState> parseDataState(const QString &text) { return kStates.parse(text); }
std::optional<RequestType> parseRequestType(const QString &text) { return kRequestTypes.parse(text); }
std::optional<Regime> parseRegime(const QString &text) { return kRegimes.parse(text); }
std::optional<RequestStatus> parseRequestStatus(const QString &text) { return kStatuses.parse(text); }

QStringList allRoles() { return kRoles.all(); }
QStringList allLegalGrounds() { return kGrounds.all(); }
QStringList allRetentionKinds() { return kRetention.all(); }
QStringList allRequestTypes() { return kRequestTypes.all(); }
QStringList allRegimes() { return kRegimes.all(); }
QStringList allRequestStatuses() { return kStatuses.all(); }

QStringList allDataCategories()
{
    return {QStringLiteral("account"),     QStringLiteral("payment"),   QStringLiteral("technical"),
            QStringLiteral("voice"),       QStringLiteral("integration"), QStringLiteral("recipient"),
            QStringLiteral("appeal"),      QStringLiteral("representative"), QStringLiteral("organisation")};
}

} // namespace pd
