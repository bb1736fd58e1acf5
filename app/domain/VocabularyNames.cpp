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

QHash<QString, QString> fieldNames()
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
    return fieldNames().value(field, field);
}

QStringList VocabularyNames::fields()
{
    QStringList codes = fieldNames().keys();
    codes.sort();
    return codes;
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
QList<QPair<QString, QString>> auditActionNames()
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
    for (const QPair<QString, QString> &named : auditActionNames()) {
        if (named.first == action) {
            return named.second;
        }
    }
    return action;
}

QStringList VocabularyNames::auditActions()
{
    QStringList codes;
    for (const QPair<QString, QString> &named : auditActionNames()) {
        codes << named.first;
    }
    return codes;
}

QString VocabularyNames::channel(const QString &channel)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("email"), tr("E-mail")},        {QStringLiteral("e-mail"), tr("E-mail")},
        {QStringLiteral("web-form"), tr("Web form")},   {QStringLiteral("letter"), tr("Letter")},
        {QStringLiteral("paper"), tr("On paper")},      {QStringLiteral("phone"), tr("Phone")},
        {QStringLiteral("in-person"), tr("In person")}, {QStringLiteral("import"), tr("Import")},
    };
    return labels.value(channel, channel);
}

QStringList VocabularyNames::channels()
{
    return {QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("web-form"),  QStringLiteral("letter"),
            QStringLiteral("paper"), QStringLiteral("phone"),  QStringLiteral("in-person"), QStringLiteral("import")};
}

QString VocabularyNames::answerForm(const QString &form)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("email"), tr("by e-mail")},
        {QStringLiteral("letter"), tr("by letter")},
        {QStringLiteral("in-person"), tr("in person")},
    };
    return labels.value(form, form);
}

QStringList VocabularyNames::answerForms()
{
    return {QStringLiteral("email"), QStringLiteral("letter"), QStringLiteral("in-person")};
}

QString VocabularyNames::decision(const QString &code)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("granted"), tr("granted")},
        {QStringLiteral("partly-granted"), tr("partly granted")},
        {QStringLiteral("refused"), tr("refused")},
    };
    return labels.value(code, code);
}

QStringList VocabularyNames::decisions()
{
    return {QStringLiteral("granted"), QStringLiteral("partly-granted"), QStringLiteral("refused")};
}

QString VocabularyNames::objectType(const QString &type)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("approval"), tr("approval")},
        {QStringLiteral("breach"), tr("breach")},
        {QStringLiteral("calendar"), tr("calendar")},
        {QStringLiteral("consent"), tr("consent")},
        {QStringLiteral("database"), tr("database")},
        {QStringLiteral("demo"), tr("demo data")},
        {QStringLiteral("destruction-act"), tr("act of destruction")},
        {QStringLiteral("file"), tr("file")},
        {QStringLiteral("letter-template"), tr("letter template")},
        {QStringLiteral("operator"), tr("operator")},
        {QStringLiteral("policy"), tr("policy")},
        {QStringLiteral("report"), tr("report")},
        {QStringLiteral("request"), tr("request")},
        {QStringLiteral("retention"), tr("retention")},
        {QStringLiteral("setting"), tr("setting")},
        {QStringLiteral("subject"), tr("subject")},
        {QStringLiteral("purpose"), tr("purpose")},
        {QStringLiteral("controller"), tr("controller")},
        {QStringLiteral("system"), tr("information system")},
        {QStringLiteral("processor"), tr("processor")},
    };
    return labels.value(type, type);
}

QStringList VocabularyNames::objectTypes()
{
    return {QStringLiteral("approval"),        QStringLiteral("breach"),    QStringLiteral("calendar"),
            QStringLiteral("consent"),         QStringLiteral("database"),  QStringLiteral("demo"),
            QStringLiteral("destruction-act"), QStringLiteral("file"),      QStringLiteral("letter-template"),
            QStringLiteral("operator"),        QStringLiteral("policy"),    QStringLiteral("report"),
            QStringLiteral("request"),         QStringLiteral("retention"), QStringLiteral("setting"),
            QStringLiteral("subject"),         QStringLiteral("purpose"),   QStringLiteral("controller"),
            QStringLiteral("system"),          QStringLiteral("processor")};
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
