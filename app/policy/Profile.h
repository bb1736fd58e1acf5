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
