#pragma once

#include "app/domain/Retention.h"
#include "app/domain/Vocabulary.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace pd {

/// The register's vocabularies by their names in the window's language (the codes stay in the database, the profile
/// format and the command line's --json).
class RegisterLabels final
{
    Q_DECLARE_TR_FUNCTIONS(pd::RegisterLabels)
    Q_DISABLE_COPY_MOVE(RegisterLabels)

public:
    RegisterLabels() = delete;

    static QString legalGround(LegalGround ground);
    static QString controllerKind(ControllerKind kind);
    static QString recipientRole(RecipientRole role);
    static QString dpia(DpiaStatus status);
    static QString retentionKind(RetentionKind kind);
    /// An event a fixed period runs from ("collection", ...).
    static QString retentionEvent(const QString &event);
    static QString retentionAction(RetentionAction action);
    /// A whole rule in words: "3 years after the answer to the request, then delete".
    static QString rule(const RetentionRule &rule);

    /// (code, name) pairs for a choice, in the vocabulary's order.
    static QList<std::pair<QString, QString>> legalGrounds();
    static QList<std::pair<QString, QString>> recipientRoles();
    static QList<std::pair<QString, QString>> dpiaStatuses();
    static QList<std::pair<QString, QString>> retentionKinds();
    static QList<std::pair<QString, QString>> retentionEvents();
};

} // namespace pd
