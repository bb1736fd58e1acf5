#pragma once

#include "app/domain/Retention.h"
#include "app/domain/Vocabulary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

/// A policy profile: what one privacy policy says about controllers, systems and processing purposes.
/// Loaded from resources/profiles/*.profile by ProfileLoader and written to the database by ProfileInstaller.
/// `line` fields remember where an entry began in its file, for messages.

struct ProfileController
{
    QString code;
    QString name;
    ControllerKind kind = ControllerKind::Own;
    QString address;
    QString country;
    QString contact;
    QString dpoContact;
    QString representative;
    QString jointController; ///< who decides together with it (GDPR art. 26), empty when no one
    QString contract;        ///< for a client: the contract under which we process its data (seed 003 §2)
    int line = 0;
};

struct ProfileSystem
{
    QString code;
    QString name;
    QString description;
    QString location;
    QString controller; ///< code of a ProfileController
    int line = 0;
};

struct ProfileRecipient
{
    QString name;
    RecipientRole role = RecipientRole::Processor;
    QString country;
    QString safeguards;
    QString contract; ///< for a processor: the contract (or clause) it processes under

    bool operator==(const ProfileRecipient &other) const
    {
        return name == other.name && role == other.role && country == other.country && safeguards == other.safeguards &&
               contract == other.contract;
    }
};

/// A data category of a purpose kept for a period of its own; the purpose's other categories follow its own rule.
struct ProfileCategoryRetention
{
    QString category; ///< one of allDataCategories()
    RetentionKind retention = RetentionKind::Legal;
    int retentionMonths = 0;
    QString retentionEvent;
    QString retentionText;
    RetentionAction retentionAction = RetentionAction::Delete;

    bool operator==(const ProfileCategoryRetention &other) const
    {
        return category == other.category && retention == other.retention && retentionMonths == other.retentionMonths &&
               retentionEvent == other.retentionEvent && retentionText == other.retentionText &&
               retentionAction == other.retentionAction;
    }
};

struct ProfilePurpose
{
    QString code;
    QString controller; ///< code of a ProfileController
    QString system;     ///< code of a ProfileSystem, may be empty
    QString title;
    QString description;
    LegalGround ground = LegalGround::Contract;
    QString legalReference;
    QStringList subjectCategories;
    QStringList dataCategories; ///< each one of allDataCategories()
    QStringList dataFields;
    QStringList processingKinds;
    RetentionKind retention = RetentionKind::ContractTerm;
    int retentionMonths = 0; ///< for RetentionKind::Fixed
    QString retentionEvent;  ///< for RetentionKind::Fixed: what the period runs from (response, registration, ...)
    QString retentionText;   ///< the policy's own words
    RetentionAction retentionAction = RetentionAction::Delete; ///< what happens once the period is over
    QString deletionMethod;
    QString securityMeasures;
    QStringList countries; ///< ISO 3166 alpha-2 codes where the data is processed
    QList<ProfileRecipient> recipients;
    QList<ProfileCategoryRetention> categoryRetention;
    bool specialCategory = false; ///< special categories of data (GDPR art. 9, 99-Z art. 8)
    QString specialCondition;     ///< the art. 9(2) condition that allows them
    QString dataSource;           ///< where the data comes from (from the subject, a client, public sources, ...)
    QString automatedDecisions;   ///< automated decision-making (art. 22), empty when there is none
    DpiaStatus dpia = DpiaStatus::NotAssessed;
    QString retiredOn; ///< ISO date the purpose was retired on, empty while it is in use
    int line = 0;
};

struct Profile
{
    QString name;
    QString source;        ///< which policy text it encodes
    QString policyVersion; ///< the policy's date or version; consents refer to it
    QList<ProfileController> controllers;
    QList<ProfileSystem> systems;
    QList<ProfilePurpose> purposes;
};

} // namespace pd
