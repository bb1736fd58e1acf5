#include "app/domain/VocabularyNames.h"

#include <QHash>

namespace pd {

QString VocabularyNames::role(Role role)
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

QString VocabularyNames::regime(Regime regime)
{
    switch (regime) {
    case Regime::By99z:
        return tr("Belarus 99-Z");
    case Regime::Gdpr:
        return tr("GDPR");
    case Regime::UkGdpr:
        return tr("UK GDPR");
    case Regime::Ccpa:
        return tr("CCPA/CPRA");
    case Regime::Ru152fz:
        return tr("Russia 152-FZ");
    case Regime::BrLgpd:
        return tr("Brazil LGPD");
    }
    return {};
}

QString VocabularyNames::regime(const QString &code)
{
    const std::optional<Regime> parsed = parseRegime(code);
    return parsed ? regime(*parsed) : code;
}

QString VocabularyNames::category(const QString &category)
{
    // Built on every call, not once: the language may change while the program runs (tests switch it).
    const QHash<QString, QString> labels = {
        {QStringLiteral("account"), tr("Account")},
        {QStringLiteral("payment"), tr("Payment")},
        {QStringLiteral("technical"), tr("Technical")},
        {QStringLiteral("voice"), tr("Voice")},
        {QStringLiteral("integration"), tr("Integration")},
        {QStringLiteral("recipient"), tr("Mailing recipient")},
        {QStringLiteral("appeal"), tr("Appeal")},
        {QStringLiteral("representative"), tr("Representative")},
        {QStringLiteral("organisation"), tr("Organisation")},
    };
    return labels.value(category, category);
}

QString VocabularyNames::field(const QString &field)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("name"), tr("Name")},
        {QStringLiteral("email"), tr("E-mail")},
        {QStringLiteral("phone"), tr("Phone")},
        {QStringLiteral("messenger"), tr("Messenger")},
        {QStringLiteral("birth_date"), tr("Birth date")},
        {QStringLiteral("card_masked"), tr("Card number (masked)")},
        {QStringLiteral("card_expiry"), tr("Card expiry")},
        {QStringLiteral("cardholder"), tr("Cardholder")},
        {QStringLiteral("transaction_id"), tr("Transaction id")},
        {QStringLiteral("ip"), tr("IP address")},
        {QStringLiteral("browser"), tr("Browser")},
        {QStringLiteral("cookie_id"), tr("Cookie id")},
        {QStringLiteral("language"), tr("Language")},
        {QStringLiteral("location"), tr("Location")},
        {QStringLiteral("referrer"), tr("Referrer")},
        {QStringLiteral("utm"), tr("UTM tags")},
        {QStringLiteral("segments"), tr("Segments")},
        {QStringLiteral("tags"), tr("Tags")},
        {QStringLiteral("token"), tr("Token")},
        {QStringLiteral("access_token"), tr("Access token")},
        {QStringLiteral("refresh_token"), tr("Refresh token")},
        {QStringLiteral("api_key"), tr("API key")},
        {QStringLiteral("secret"), tr("Secret")},
        {QStringLiteral("password"), tr("Password")},
    };
    return labels.value(field, field);
}

QString VocabularyNames::dataState(const QString &state)
{
    if (const std::optional<DataState> parsed = parseDataState(state)) {
        switch (*parsed) {
        case DataState::Active:
            return tr("Active");
        case DataState::Blocked:
            return tr("Blocked");
        case DataState::Anonymized:
            return tr("Anonymized");
        }
    }
    return state;
}

QString VocabularyNames::requestType(const QString &type)
{
    if (const std::optional<RequestType> parsed = parseRequestType(type)) {
        switch (*parsed) {
        case RequestType::Access:
            return tr("Access");
        case RequestType::Disclosures:
            return tr("List of disclosures");
        case RequestType::Rectification:
            return tr("Rectification");
        case RequestType::Erasure:
            return tr("Erasure");
        case RequestType::Restriction:
            return tr("Restriction");
        case RequestType::Objection:
            return tr("Objection");
        case RequestType::ConsentWithdrawal:
            return tr("Consent withdrawal");
        case RequestType::Portability:
            return tr("Portability");
        case RequestType::Complaint:
            return tr("Complaint");
        }
    }
    return type;
}

QString VocabularyNames::requestStatus(const QString &status)
{
    if (const std::optional<RequestStatus> parsed = parseRequestStatus(status)) {
        switch (*parsed) {
        case RequestStatus::New:
            return tr("New");
        case RequestStatus::IdentityPending:
            return tr("Identity pending");
        case RequestStatus::InProgress:
            return tr("In progress");
        case RequestStatus::AwaitingApproval:
            return tr("Awaiting approval");
        case RequestStatus::Completed:
            return tr("Completed");
        case RequestStatus::Refused:
            return tr("Refused");
        case RequestStatus::Withdrawn:
            return tr("Withdrawn");
        }
    }
    return status;
}

QString VocabularyNames::auditAction(const QString &action)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("subject.view"), tr("Viewed")},
        {QStringLiteral("subject.correct"), tr("Corrected")},
        {QStringLiteral("subject.block"), tr("Blocked")},
        {QStringLiteral("subject.unblock"), tr("Block lifted")},
        {QStringLiteral("subject.anonymize"), tr("Anonymized")},
        {QStringLiteral("subject.delete"), tr("Deleted")},
        {QStringLiteral("subject.import"), tr("Imported")},
        {QStringLiteral("subject.update"), tr("Updated by an import")},
        {QStringLiteral("subject.items.delete"), tr("Items deleted (retention)")},
        {QStringLiteral("subject.items.anonymize"), tr("Items anonymized (retention)")},
        {QStringLiteral("subject.contract-end"), tr("End of contract recorded")},
        {QStringLiteral("subject.hold"), tr("Legal hold")},
        {QStringLiteral("subject.hold-release"), tr("Legal hold lifted")},
        {QStringLiteral("retention.run"), tr("Retention sweep")},
        {QStringLiteral("report.export"), tr("Report exported")},
        {QStringLiteral("destruction.act"), tr("Act of destruction drawn up")},
        {QStringLiteral("policy.version"), tr("Policy version recorded")},
        {QStringLiteral("consent.give"), tr("Consent given")},
        {QStringLiteral("consent.withdraw"), tr("Consent withdrawn")},
        {QStringLiteral("letter-template.save"), tr("Letter template changed")},
        {QStringLiteral("letter-template.reset"), tr("Letter template reset")},
    };
    return labels.value(action, action);
}

} // namespace pd
