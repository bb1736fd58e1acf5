#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

class Database;

/// The register of personal-data breaches: what happened, whom it concerns, and the notice each regime wants, with
/// its deadline computed from the moment of awareness (BreachDeadlines, on the office's working-day calendars).
/// Recording and notifying are for officers (Action::ManageBreaches), each one transaction and one audit entry;
/// officers and auditors read it (Action::ExportRegisters).
class BreachRegister
{
public:
    static constexpr int kMaxText = 4000;

    struct Notification
    {
        Regime regime = Regime::Gdpr;
        std::optional<QDateTime> notifyBy;   ///< UTC; empty: no fixed time
        std::optional<QDateTime> followUpBy; ///< UTC; 152-FZ's result of the investigation
        std::optional<QDateTime> notifiedAt; ///< UTC
        QString lateReason;
        QString source; ///< the article, in the UI language

        bool isLate() const { return notifyBy && notifiedAt && *notifiedAt > *notifyBy; }
        /// Not notified yet although the regime sets a time.
        bool isDue() const { return notifyBy && !notifiedAt; }
    };

    struct Input
    {
        QDateTime discovered; ///< when the controller became aware
        QList<Regime> regimes;
        QString nature;
        QStringList categories;
        std::optional<qint64> subjects; ///< approximate
        std::optional<qint64> records;  ///< approximate
        QString consequences;
        QString measuresTaken;
        QString measuresProposed;
        QString dpoContact; ///< empty: the controller's DPO from the register
        bool highRisk = false;
    };

    struct Breach
    {
        qint64 id = 0;
        QDateTime recorded;
        QString recordedBy;
        Input details; ///< as recorded, discovery in UTC (regimes in the order of the notifications)
        std::optional<QDateTime> subjectsTold;
        QList<Notification> notifications;

        /// The earliest notice still to be made, if any.
        std::optional<QDateTime> nextDeadline() const;
    };

    /// Records a breach with a notice for each regime; returns its id. The discovery may not lie in the future.
    static Result<qint64> record(Database &database, const Session &who, const Input &input);
    /// Records the notice to the regulator of `regime` (every regime not notified yet when empty) as made `at`. A
    /// notice after its deadline needs `reason` (GDPR art. 33(1): "accompanied by reasons for the delay").
    static Status notify(Database &database, const Session &who, qint64 id, const QDateTime &at, const QString &reason,
                         const std::optional<Regime> &regime = std::nullopt);
    /// Records that the subjects were told (GDPR art. 34).
    static Status subjectsTold(Database &database, const Session &who, qint64 id, const QDateTime &at);

    static Result<Breach> get(Database &database, const Session &who, qint64 id);
    /// Every breach, newest discovery first.
    static Result<QList<Breach>> list(Database &database, const Session &who);
    /// The breaches with a notice still due, the nearest deadline first (for the Dashboard).
    static Result<QList<Breach>> awaitingNotice(Database &database, const Session &who);
};

} // namespace pd
