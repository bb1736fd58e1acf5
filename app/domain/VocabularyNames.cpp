#include "app/domain/VocabularyNames.h"

#include <QHash>
#include <QList>
#include <QPair>

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

namespace {

/// A vocabulary: its codes in order, each with its name in the current language (built on every call, as the
/// language may change while the program runs).
using Table = QList<QPair<QString, QString>>;

/// The name of `code` in `table`; the code itself when the table has none.
QString nameIn(const Table &table, const QString &code)
{
    for (const QPair<QString, QString> &named : table) {
        if (named.first == code) {
            return named.second;
        }
    }
    return code;
}

QStringList codesOf(const Table &table)
{
    QStringList codes;
    codes.reserve(table.size());
    for (const QPair<QString, QString> &named : table) {
        codes << named.first;
    }
    return codes;
}

Table fieldNames()
{
    return {
        {QStringLiteral("name"), VocabularyNames::tr("Name")},
        {QStringLiteral("email"), VocabularyNames::tr("E-mail")},
        {QStringLiteral("phone"), VocabularyNames::tr("Phone")},
        {QStringLiteral("messenger"), VocabularyNames::tr("Messenger")},
        {QStringLiteral("birth_date"), VocabularyNames::tr("Birth date")},
        {QStringLiteral("card_masked"), VocabularyNames::tr("Card number (masked)")},
        {QStringLiteral("card_expiry"), VocabularyNames::tr("Card expiry")},
        {QStringLiteral("cardholder"), VocabularyNames::tr("Cardholder")},
        {QStringLiteral("transaction_id"), VocabularyNames::tr("Transaction id")},
        {QStringLiteral("ip"), VocabularyNames::tr("IP address")},
        {QStringLiteral("browser"), VocabularyNames::tr("Browser")},
        {QStringLiteral("cookie_id"), VocabularyNames::tr("Cookie id")},
        {QStringLiteral("language"), VocabularyNames::tr("Language")},
        {QStringLiteral("location"), VocabularyNames::tr("Location")},
        {QStringLiteral("referrer"), VocabularyNames::tr("Referrer")},
        {QStringLiteral("utm"), VocabularyNames::tr("UTM tags")},
        {QStringLiteral("segments"), VocabularyNames::tr("Segments")},
        {QStringLiteral("tags"), VocabularyNames::tr("Tags")},
        {QStringLiteral("token"), VocabularyNames::tr("Token")},
        {QStringLiteral("access_token"), VocabularyNames::tr("Access token")},
        {QStringLiteral("refresh_token"), VocabularyNames::tr("Refresh token")},
        {QStringLiteral("api_key"), VocabularyNames::tr("API key")},
        {QStringLiteral("secret"), VocabularyNames::tr("Secret")},
        {QStringLiteral("password"), VocabularyNames::tr("Password")},
    };
}

} // namespace

QString VocabularyNames::field(const QString &field)
{
    return nameIn(fieldNames(), field);
}

QStringList VocabularyNames::fields()
{
    return codesOf(fieldNames());
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

namespace {

/// Every audit action the program writes, with its name; auditAction() and auditActions() read it.
Table auditActionNames()
{
    return {
        {QStringLiteral("sign-in"), VocabularyNames::tr("Signed in")},
        {QStringLiteral("sign-in.failed"), VocabularyNames::tr("Sign-in failed")},
        {QStringLiteral("operator.add"), VocabularyNames::tr("Operator added")},
        {QStringLiteral("operator.set-role"), VocabularyNames::tr("Operator's role changed")},
        {QStringLiteral("operator.activate"), VocabularyNames::tr("Operator reactivated")},
        {QStringLiteral("operator.deactivate"), VocabularyNames::tr("Operator deactivated")},
        {QStringLiteral("operator.reset-password"), VocabularyNames::tr("Password reset")},
        {QStringLiteral("operator.locked"), VocabularyNames::tr("Operator locked out")},
        {QStringLiteral("operator.unlock"), VocabularyNames::tr("Operator unlocked")},
        {QStringLiteral("settings.change"), VocabularyNames::tr("Settings changed")},
        {QStringLiteral("database.backup"), VocabularyNames::tr("Database backed up")},
        {QStringLiteral("database.restore"), VocabularyNames::tr("Database restored")},
        {QStringLiteral("demo.run"), VocabularyNames::tr("Demo data created")},
        {QStringLiteral("subject.view"), VocabularyNames::tr("Viewed")},
        {QStringLiteral("subject.create"), VocabularyNames::tr("Subject registered")},
        {QStringLiteral("subject.correct"), VocabularyNames::tr("Corrected")},
        {QStringLiteral("subject.block"), VocabularyNames::tr("Blocked")},
        {QStringLiteral("subject.unblock"), VocabularyNames::tr("Block lifted")},
        {QStringLiteral("subject.anonymize"), VocabularyNames::tr("Anonymized")},
        {QStringLiteral("subject.delete"), VocabularyNames::tr("Deleted")},
        {QStringLiteral("subject.import"), VocabularyNames::tr("Imported")},
        {QStringLiteral("subject.update"), VocabularyNames::tr("Updated by an import")},
        {QStringLiteral("subject.items.delete"), VocabularyNames::tr("Items deleted (retention)")},
        {QStringLiteral("subject.items.anonymize"), VocabularyNames::tr("Items anonymized (retention)")},
        {QStringLiteral("subject.contract-end"), VocabularyNames::tr("End of contract recorded")},
        {QStringLiteral("subject.hold"), VocabularyNames::tr("Legal hold")},
        {QStringLiteral("subject.hold-release"), VocabularyNames::tr("Legal hold lifted")},
        {QStringLiteral("consent.give"), VocabularyNames::tr("Consent given")},
        {QStringLiteral("consent.withdraw"), VocabularyNames::tr("Consent withdrawn")},
        {QStringLiteral("request.add"), VocabularyNames::tr("Request registered")},
        {QStringLiteral("request.view"), VocabularyNames::tr("Request viewed")},
        {QStringLiteral("request.identity"), VocabularyNames::tr("Identity checked")},
        {QStringLiteral("request.ask"), VocabularyNames::tr("Requester asked")},
        {QStringLiteral("request.resume"), VocabularyNames::tr("Clock resumed")},
        {QStringLiteral("request.extend"), VocabularyNames::tr("Deadline extended")},
        {QStringLiteral("request.assign"), VocabularyNames::tr("Request assigned")},
        {QStringLiteral("request.execute"), VocabularyNames::tr("Request carried out")},
        {QStringLiteral("request.approval"), VocabularyNames::tr("Request sent for approval")},
        {QStringLiteral("request.reply"), VocabularyNames::tr("Reply sent")},
        {QStringLiteral("request.complete"), VocabularyNames::tr("Request completed")},
        {QStringLiteral("request.refuse"), VocabularyNames::tr("Request refused")},
        {QStringLiteral("request.withdraw"), VocabularyNames::tr("Request withdrawn")},
        {QStringLiteral("request.comment"), VocabularyNames::tr("Comment added")},
        {QStringLiteral("approval.request"), VocabularyNames::tr("Approval asked for")},
        {QStringLiteral("approval.approve"), VocabularyNames::tr("Approved")},
        {QStringLiteral("approval.reject"), VocabularyNames::tr("Approval refused")},
        {QStringLiteral("approval.cancel"), VocabularyNames::tr("Approval withdrawn")},
        {QStringLiteral("purpose.add"), VocabularyNames::tr("Purpose added")},
        {QStringLiteral("purpose.update"), VocabularyNames::tr("Purpose changed")},
        {QStringLiteral("purpose.retire"), VocabularyNames::tr("Purpose retired")},
        {QStringLiteral("purpose.reinstate"), VocabularyNames::tr("Purpose reinstated")},
        {QStringLiteral("controller.add"), VocabularyNames::tr("Controller added")},
        {QStringLiteral("controller.update"), VocabularyNames::tr("Controller changed")},
        {QStringLiteral("system.add"), VocabularyNames::tr("Information system added")},
        {QStringLiteral("system.update"), VocabularyNames::tr("Information system changed")},
        {QStringLiteral("processor.update"), VocabularyNames::tr("Processor changed")},
        {QStringLiteral("calendar.set"), VocabularyNames::tr("Calendar day set")},
        {QStringLiteral("calendar.remove"), VocabularyNames::tr("Calendar day removed")},
        {QStringLiteral("retention.run"), VocabularyNames::tr("Retention sweep")},
        {QStringLiteral("report.export"), VocabularyNames::tr("Report exported")},
        {QStringLiteral("destruction.act"), VocabularyNames::tr("Act of destruction drawn up")},
        {QStringLiteral("breach.add"), VocabularyNames::tr("Breach recorded")},
        {QStringLiteral("breach.notify"), VocabularyNames::tr("Authority notified of a breach")},
        {QStringLiteral("breach.subjects-told"), VocabularyNames::tr("Subjects told of a breach")},
        {QStringLiteral("policy.version"), VocabularyNames::tr("Policy version recorded")},
        {QStringLiteral("letter-template.save"), VocabularyNames::tr("Letter template changed")},
        {QStringLiteral("letter-template.reset"), VocabularyNames::tr("Letter template reset")},
    };
}

} // namespace

QString VocabularyNames::auditAction(const QString &action)
{
    return nameIn(auditActionNames(), action);
}

QStringList VocabularyNames::auditActions()
{
    return codesOf(auditActionNames());
}

namespace {

Table channelNames()
{
    return {
        {QStringLiteral("email"), VocabularyNames::tr("E-mail")},
        {QStringLiteral("e-mail"), VocabularyNames::tr("E-mail")},
        {QStringLiteral("web-form"), VocabularyNames::tr("Web form")},
        {QStringLiteral("letter"), VocabularyNames::tr("Letter")},
        {QStringLiteral("paper"), VocabularyNames::tr("On paper")},
        {QStringLiteral("phone"), VocabularyNames::tr("Phone")},
        {QStringLiteral("in-person"), VocabularyNames::tr("In person")},
        {QStringLiteral("import"), VocabularyNames::tr("Import")},
    };
}

Table answerFormNames()
{
    return {
        {QStringLiteral("email"), VocabularyNames::tr("by e-mail")},
        {QStringLiteral("letter"), VocabularyNames::tr("by letter")},
        {QStringLiteral("in-person"), VocabularyNames::tr("in person")},
    };
}

Table decisionNames()
{
    return {
        {QStringLiteral("granted"), VocabularyNames::tr("granted")},
        {QStringLiteral("partly-granted"), VocabularyNames::tr("partly granted")},
        {QStringLiteral("refused"), VocabularyNames::tr("refused")},
    };
}

Table objectTypeNames()
{
    return {
        {QStringLiteral("approval"), VocabularyNames::tr("approval")},
        {QStringLiteral("breach"), VocabularyNames::tr("breach")},
        {QStringLiteral("calendar"), VocabularyNames::tr("calendar")},
        {QStringLiteral("consent"), VocabularyNames::tr("consent")},
        {QStringLiteral("database"), VocabularyNames::tr("database")},
        {QStringLiteral("demo"), VocabularyNames::tr("demo data")},
        {QStringLiteral("destruction-act"), VocabularyNames::tr("act of destruction")},
        {QStringLiteral("file"), VocabularyNames::tr("file")},
        {QStringLiteral("letter-template"), VocabularyNames::tr("letter template")},
        {QStringLiteral("operator"), VocabularyNames::tr("operator")},
        {QStringLiteral("policy"), VocabularyNames::tr("policy")},
        {QStringLiteral("report"), VocabularyNames::tr("report")},
        {QStringLiteral("request"), VocabularyNames::tr("request")},
        {QStringLiteral("retention"), VocabularyNames::tr("retention")},
        {QStringLiteral("setting"), VocabularyNames::tr("setting")},
        {QStringLiteral("subject"), VocabularyNames::tr("subject")},
        {QStringLiteral("purpose"), VocabularyNames::tr("purpose")},
        {QStringLiteral("controller"), VocabularyNames::tr("controller")},
        {QStringLiteral("system"), VocabularyNames::tr("information system")},
        {QStringLiteral("processor"), VocabularyNames::tr("processor")},
    };
}

} // namespace

QString VocabularyNames::channel(const QString &channel)
{
    return nameIn(channelNames(), channel);
}

QStringList VocabularyNames::channels()
{
    return codesOf(channelNames());
}

QString VocabularyNames::answerForm(const QString &form)
{
    return nameIn(answerFormNames(), form);
}

QStringList VocabularyNames::answerForms()
{
    return codesOf(answerFormNames());
}

QString VocabularyNames::decision(const QString &code)
{
    return nameIn(decisionNames(), code);
}

QStringList VocabularyNames::decisions()
{
    return codesOf(decisionNames());
}

QString VocabularyNames::objectType(const QString &type)
{
    return nameIn(objectTypeNames(), type);
}

QStringList VocabularyNames::objectTypes()
{
    return codesOf(objectTypeNames());
}

QString VocabularyNames::language(const QString &code)
{
    if (code == QLatin1String("ru")) {
        return tr("Russian");
    }
    if (code == QLatin1String("be")) {
        return tr("Belarusian");
    }
    if (code == QLatin1String("en")) {
        return tr("English");
    }
    return code;
}

} // namespace pd
