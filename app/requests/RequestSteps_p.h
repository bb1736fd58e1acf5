#pragma once

// Private to app/requests/: the steps the request services share inside their transaction.

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/EventMessage.h"
#include "app/requests/Request.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace pd {

namespace requeststeps {

/// What a change of a request needs to know of it.
struct Stored
{
    qint64 id = 0;
    std::optional<qint64> subjectId;
    RequestType type = RequestType::Access;
    Regime regime = Regime::By99z;
    RequestStatus status = RequestStatus::New;
    QDate received;
    QDate due;
    QDate extendedDue;
    QDate pausedSince;
    int pausedDays = 0;
    int version = 0;
    bool replied = false;
    bool identityConfirmed = false;

    QDate effectiveDue() const { return extendedDue.isValid() ? extendedDue : due; }
    bool isOpen() const { return pd::isOpen(status); }
};

Result<Stored> load(QSqlDatabase &tx, qint64 requestId);
/// load(), refusing a closed request and one changed since `expectedVersion` (-1: no check).
Result<Stored> loadForChange(QSqlDatabase &tx, qint64 requestId, int expectedVersion);

/// The due date on the regime's calendar as the office edited it.
Result<QDate> dueDate(QSqlDatabase &tx, Regime regime, RequestType type, const QDate &received, int pausedDays,
                      bool extended);
/// Ends a pause on `day`: the paused days move the due date (and an extended one) on. Updates `request`.
Status resumeClock(QSqlDatabase &tx, Stored &request, const QDate &day);

/// A line of the timeline.
Status event(QSqlDatabase &tx, const Session &who, const Stored &request, const QString &kind,
             const QString &fromStatus, const QString &toStatus, const EventMessage &message);
/// An audit entry about the request (never with personal data in `details`).
Status audit(QSqlDatabase &tx, const Session &who, const Stored &request, const char *action, const QString &details);
/// Moves the request to `next` (may be its status), bumps its version, and writes the event, the audit entry and
/// the notification.
Status change(QSqlDatabase &tx, const Session &who, Stored &request, RequestStatus next, const QString &kind,
              const EventMessage &message, const char *action, const QString &details);

/// Keeps a document with the request (the subject's data for an access request, a reply letter); returns its id.
Result<qint64> storeDocument(QSqlDatabase &tx, const Session &who, qint64 requestId, const QString &kind,
                             const QString &mediaType, const QString &form, const QString &language,
                             const QByteArray &content);

/// Registers the requester as a new subject (name, e-mail, phone as items of the appeals purpose).
Result<qint64> createSubject(QSqlDatabase &tx, const Session &who, const RequestIntake &intake);

} // namespace requeststeps
} // namespace pd
