#include "app/subjects/SubjectJson.h"

#include <QJsonArray>

namespace pd {

QJsonObject subjectJson(const SubjectRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("external_id"), row.externalId},
            {QStringLiteral("name"), row.displayName},
            {QStringLiteral("email"), row.email},
            {QStringLiteral("phone"), row.phone},
            {QStringLiteral("state"), row.state},
            {QStringLiteral("controller"), row.controller},
            {QStringLiteral("created_at"), row.createdAt}};
}

QJsonObject subjectJson(const SubjectDetails &details)
{
    QJsonObject subject = subjectJson(details.subject);
    subject.insert(QStringLiteral("version"), details.version);
    subject.insert(QStringLiteral("blocked_reason"), details.blockedReason);
    subject.insert(QStringLiteral("blocked_until"), details.blockedUntil);
    QJsonArray items;
    for (const SubjectDetails::Item &item : details.items) {
        QJsonObject object{{QStringLiteral("id"), item.id},         {QStringLiteral("category"), item.category},
                           {QStringLiteral("field"), item.field},   {QStringLiteral("purpose"), item.purposeCode},
                           {QStringLiteral("source"), item.source}, {QStringLiteral("collected_at"), item.collectedAt},
                           {QStringLiteral("state"), item.state}};
        object.insert(QStringLiteral("value"), item.hidden ? QJsonValue(QStringLiteral("(hidden)")) : item.value);
        items.append(object);
    }
    QJsonArray consents;
    for (const SubjectDetails::Consent &consent : details.consents) {
        consents.append(QJsonObject{{QStringLiteral("id"), consent.id},
                                    {QStringLiteral("purpose"), consent.purposeCode},
                                    {QStringLiteral("policy_version"), consent.policyVersion},
                                    {QStringLiteral("given_at"), consent.givenAt},
                                    {QStringLiteral("withdrawn_at"), consent.withdrawnAt}});
    }
    QJsonArray disclosures;
    for (const SubjectDetails::Disclosure &disclosure : details.disclosures) {
        disclosures.append(QJsonObject{{QStringLiteral("recipient"), disclosure.recipient},
                                       {QStringLiteral("country"), disclosure.country},
                                       {QStringLiteral("categories"), disclosure.categories},
                                       {QStringLiteral("legal_basis"), disclosure.legalBasis},
                                       {QStringLiteral("disclosed_at"), disclosure.disclosedAt}});
    }
    QJsonArray requests;
    for (const SubjectDetails::Request &request : details.requests) {
        requests.append(QJsonObject{{QStringLiteral("id"), request.id},
                                    {QStringLiteral("type"), request.type},
                                    {QStringLiteral("regime"), request.regime},
                                    {QStringLiteral("status"), request.status},
                                    {QStringLiteral("received"), request.receivedAt},
                                    {QStringLiteral("due"), request.dueDate}});
    }
    subject.insert(QStringLiteral("items"), items);
    subject.insert(QStringLiteral("consents"), consents);
    subject.insert(QStringLiteral("disclosures"), disclosures);
    subject.insert(QStringLiteral("requests"), requests);
    return subject;
}

} // namespace pd
