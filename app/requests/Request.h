#pragma once

#include "app/domain/Vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

/// Whether a request in `status` still needs work: not completed, refused or withdrawn.
inline bool isOpen(RequestStatus status)
{
    return status != RequestStatus::Completed && status != RequestStatus::Refused && status != RequestStatus::Withdrawn;
}

/// The SQL condition "`column` holds an open status" (isOpen()), spelled from the vocabulary so that statements
/// cannot drift from it: "status IN ('new', 'identity-pending', 'in-progress', 'awaiting-approval')".
inline QString openStatusCondition(const QString &column)
{
    QStringList open;
    for (const QString &status : allRequestStatuses()) {
        if (isOpen(*parseRequestStatus(status))) {
            open << QLatin1Char('\'') + status + QLatin1Char('\'');
        }
    }
    return column + QStringLiteral(" IN (") + open.join(QStringLiteral(", ")) + QLatin1Char(')');
}

/// What Belarus 99-Z art. 14 and GDPR ask a request to state, as taken in by support staff.
struct RequestIntake
{
    RequestType type = RequestType::Access;
    Regime regime = Regime::By99z;
    QDate received;                            ///< invalid: today
    QString channel = QStringLiteral("email"); ///< email, web-form, letter, phone, in-person
    /// The subject the request is about; empty with `createSubject` to register the requester as a new subject.
    std::optional<qint64> subjectId;
    bool createSubject = false;

    QString requesterName;     ///< required: surname, first name, patronymic where there is one
    QString requesterAddress;  ///< where the answer goes (postal address or e-mail)
    QDate requesterBirthDate;  ///< optional
    QString requesterIdNumber; ///< identification number, where the requester gave one (99-Z art. 14(2))
    QString requesterEmail;
    QString requesterPhone;
    QString whatAsked;                            ///< required: the substance of the request
    QString answerForm = QStringLiteral("email"); ///< email, letter, in-person
    QString language = QStringLiteral("en");      ///< en or ru: the language of the answer

    QString representativeName;     ///< a representative acting for the subject, if any
    QString representativeDocument; ///< the document of authority (power of attorney no., date), required with a name
    std::optional<qint64> assigneeId;
};

/// One stored request, as the Requests page and `request show` present it.
struct RequestRecord
{
    qint64 id = 0;
    std::optional<qint64> subjectId;
    QString subjectName; ///< the subject's display name now ("" when deleted)
    RequestType type = RequestType::Access;
    Regime regime = Regime::By99z;
    RequestStatus status = RequestStatus::New;
    QString channel;
    QDate received;       ///< the day it was received: the day its deadline counts from
    QDateTime receivedAt; ///< when it was received or registered (UTC)
    QDate due;            ///< the statutory due date, moved on by pauses
    QDate extendedDue;    ///< set when extended
    QString extensionReason;
    QDate extensionNotified;
    QDate pausedSince; ///< set while the clock stands
    int pausedDays = 0;
    std::optional<qint64> assigneeId;
    QString assigneeName;
    QString requesterName;
    QString requesterAddress;
    QDate requesterBirthDate;
    QString requesterIdNumber;
    QString requesterEmail;
    QString requesterPhone;
    QString whatAsked;
    QString answerForm;
    QString language;
    QString representativeName;
    QString representativeDocument;
    QString identityMethod;
    QString identityResult; ///< confirmed, failed
    QString identityNote;
    QString identityCheckedBy;
    QString identityCheckedAt;
    QString decision; ///< granted, partly-granted, refused
    QString refusalGround;
    QString repliedAt;
    QString replyForm;
    QString completedAt;
    std::optional<qint64> duplicateOf;
    std::optional<qint64> controllerId;
    int version = 1;

    QDate effectiveDue() const { return extendedDue.isValid() ? extendedDue : due; }
    bool isOpen() const { return pd::isOpen(status); }
};

/// One line of a request's timeline.
struct RequestEvent
{
    qint64 id = 0;
    QString at;
    QString operatorName;
    QString kind; ///< received, status, assigned, identity, paused, resumed, extended, executed, reply, comment
    QString fromStatus;
    QString toStatus;
    QString comment;
};

/// A document produced for a request (its bytes are read separately).
struct RequestDocument
{
    qint64 id = 0;
    QString kind; ///< subject-data, reply-letter
    QString createdAt;
    QString createdBy;
    QString mediaType;
    QString form;
    QString language;
    qint64 size = 0;
};

} // namespace pd
