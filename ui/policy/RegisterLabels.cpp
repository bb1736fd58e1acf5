#include "ui/policy/RegisterLabels.h"

namespace pd {

QString RegisterLabels::legalGround(LegalGround ground)
{
    switch (ground) {
    case LegalGround::Contract:
        return tr("Contract");
    case LegalGround::Consent:
        return tr("Consent");
    case LegalGround::LegitimateInterest:
        return tr("Legitimate interest");
    case LegalGround::LegalObligation:
        return tr("Legal obligation");
    case LegalGround::VitalInterest:
        return tr("Vital interest");
    case LegalGround::PublicTask:
        return tr("Public task");
    }
    return toString(ground);
}

QString RegisterLabels::controllerKind(ControllerKind kind)
{
    return kind == ControllerKind::Own ? tr("We are the controller") : tr("We process for this client");
}

QString RegisterLabels::recipientRole(RecipientRole role)
{
    switch (role) {
    case RecipientRole::Processor:
        return tr("Processor");
    case RecipientRole::Controller:
        return tr("External recipient");
    case RecipientRole::Authority:
        return tr("Authority");
    case RecipientRole::Internal:
        return tr("Internal");
    }
    return toString(role);
}

QString RegisterLabels::dpia(DpiaStatus status)
{
    switch (status) {
    case DpiaStatus::NotAssessed:
        return tr("Not assessed");
    case DpiaStatus::NotNeeded:
        return tr("Not needed");
    case DpiaStatus::Needed:
        return tr("Needed");
    case DpiaStatus::InProgress:
        return tr("In progress");
    case DpiaStatus::Done:
        return tr("Done");
    }
    return toString(status);
}

QString RegisterLabels::retentionKind(RetentionKind kind)
{
    switch (kind) {
    case RetentionKind::ContractTerm:
        return tr("While the contract lasts");
    case RetentionKind::Fixed:
        return tr("A period after an event");
    case RetentionKind::BackupCycle:
        return tr("Until the backup expires");
    case RetentionKind::UntilWithdrawal:
        return tr("Until consent is withdrawn");
    case RetentionKind::Legal:
        return tr("The period set by law");
    }
    return toString(kind);
}

QString RegisterLabels::retentionEvent(const QString &event)
{
    const QHash<QString, QString> labels = {
        {QStringLiteral("registration"), tr("registration")},
        {QStringLiteral("response"), tr("the answer to the request")},
        {QStringLiteral("visit"), tr("the last visit")},
        {QStringLiteral("collection"), tr("collection")},
        {QStringLiteral("contract-end"), tr("the end of the contract")},
        {QStringLiteral("withdrawal"), tr("withdrawal of consent")},
    };
    return labels.value(event, event);
}

QString RegisterLabels::retentionAction(RetentionAction action)
{
    return action == RetentionAction::Anonymize ? tr("Anonymize") : tr("Delete");
}

QString RegisterLabels::rule(const RetentionRule &rule)
{
    QString period;
    if (rule.kind == RetentionKind::Fixed) {
        period = rule.months % 12 == 0 ? tr("%n year(s) after %1", nullptr, rule.months / 12)
                                       : tr("%n month(s) after %1", nullptr, rule.months);
        period = period.arg(retentionEvent(rule.event));
    } else {
        period = retentionKind(rule.kind);
    }
    return rule.action == RetentionAction::Anonymize ? tr("%1, then anonymize").arg(period)
                                                     : tr("%1, then delete").arg(period);
}

QList<std::pair<QString, QString>> RegisterLabels::legalGrounds()
{
    QList<std::pair<QString, QString>> items;
    for (const QString &code : allLegalGrounds()) {
        items.append({code, legalGround(*parseLegalGround(code))});
    }
    return items;
}

QList<std::pair<QString, QString>> RegisterLabels::recipientRoles()
{
    QList<std::pair<QString, QString>> items;
    for (const QString &code : allRecipientRoles()) {
        items.append({code, recipientRole(*parseRecipientRole(code))});
    }
    return items;
}

QList<std::pair<QString, QString>> RegisterLabels::dpiaStatuses()
{
    QList<std::pair<QString, QString>> items;
    for (const QString &code : allDpiaStatuses()) {
        items.append({code, dpia(*parseDpiaStatus(code))});
    }
    return items;
}

QList<std::pair<QString, QString>> RegisterLabels::retentionKinds()
{
    QList<std::pair<QString, QString>> items;
    for (const QString &code : allRetentionKinds()) {
        items.append({code, retentionKind(*parseRetentionKind(code))});
    }
    return items;
}

QList<std::pair<QString, QString>> RegisterLabels::retentionEvents()
{
    QList<std::pair<QString, QString>> items;
    for (const QString &code : pd::retentionEvents()) {
        items.append({code, retentionEvent(code)});
    }
    return items;
}

} // namespace pd
