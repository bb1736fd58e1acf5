#pragma once

#include "app/domain/Vocabulary.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

/// What the Subjects list asks for: free text plus filters. Empty means everything.
struct SubjectFilter
{
    /// What the operator typed: any words of a name (each a prefix, any case, Latin or Cyrillic), an e-mail or its
    /// start, a phone number in any formatting, an external id, or an IP address or its start.
    QString text;
    std::optional<DataState> state;
    std::optional<qint64> controllerId;
    std::optional<qint64> purposeId;
    QString category; ///< one of allDataCategories(), empty for any

    bool operator==(const SubjectFilter &other) const
    {
        return text == other.text && state == other.state && controllerId == other.controllerId &&
               purposeId == other.purposeId && category == other.category;
    }
};

/// One line of the Subjects list. Values of blocked subjects are included (the view marks them); anonymized
/// subjects have nothing identifying left to show.
struct SubjectRow
{
    qint64 id = 0;
    QString externalId;
    QString displayName;
    QString email;
    QString phone;
    QString state;
    QString controller;
    QString createdAt; ///< ISO 8601 UTC
    QString matchedIp; ///< an IP search (SubjectDirectory::isIpSearch): the subject's address it matched
};

/// Everything the subject page shows about one subject.
struct SubjectDetails
{
    struct Item
    {
        qint64 id = 0;
        QString category;
        QString field;
        QString value; ///< empty and `hidden` set for secrets (integration tokens, keys): never shown
        bool hidden = false;
        QString source;
        QString collectedAt;
        QString state;
        QString blockedReason;
        QString purposeCode;
        QString purposeTitle;
    };
    struct Consent
    {
        qint64 id = 0;
        QString purposeCode;
        QString purposeTitle;
        QString policyVersion;
        QString givenAt;
        QString withdrawnAt;
        QString channel;
    };
    struct Disclosure
    {
        QString recipient;
        QString country;
        QString categories;
        QString legalBasis;
        QString disclosedAt;
        QString purposeTitle;
    };
    struct Request
    {
        qint64 id = 0;
        QString type;
        QString regime;
        QString status;
        QString receivedAt;
        QString dueDate;
    };
    struct Event
    {
        qint64 id = 0;
        QString at;
        QString operatorName;
        QString action;
        QStringList fields;
        QString reason;
        std::optional<qint64> requestId;
    };

    SubjectRow subject;
    int version = 0;
    QString controllerKind;
    QString blockedReason;
    QString blockedUntil;
    QString updatedAt;
    QList<Item> items;       ///< by category, then purpose, then field
    QList<Consent> consents; ///< newest first
    QList<Disclosure> disclosures;
    QList<Request> requests; ///< newest first
    QList<Event> timeline;   ///< the audit entries about this subject, newest first
};

} // namespace pd
