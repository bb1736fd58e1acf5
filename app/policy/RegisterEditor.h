#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/policy/Profile.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

class Database;

/// Changes to the register of processing made in the panel (Action::ManagePurposes, officers): controllers,
/// information systems, purposes and the processors that receive data.
///
/// Each save runs in one transaction and writes one audit entry with the before and after value of every field that
/// changed (register entries hold no personal data). What the editor started from is compared with what is stored:
/// when someone else saved the entry meanwhile, the save is refused (ErrorCode::Conflict) and nothing changes. Every
/// entry is checked as the profile loader checks a profile (the same messages, without the file and line), and the
/// register stored is one that `profile export` writes and loads back unchanged. A purpose in use is retired, never
/// deleted: its data, consents and history keep referring to it, and no new data or consent is taken for it.
class RegisterEditor
{
public:
    struct Change
    {
        QString field; ///< the profile key: "title", "retention", "recipient", ...
        QString before;
        QString after;
    };

    /// Saves a controller. `before` is the entry as the editor read it, or an entry with an empty code for a new
    /// one (whose code must be new).
    static Status saveController(Database &database, const Session &who, const ProfileController &before,
                                 const ProfileController &after);
    /// Saves the letterhead of reports and letters: the name, address, contact and DPO of one of the office's own
    /// controllers, and nothing else. Officers (Action::ManagePurposes) and administrators (Action::ManageSettings)
    /// may; audited as a change of the controller.
    static Status saveLetterhead(Database &database, const Session &who, const ProfileController &before,
                                 const ProfileController &after);
    static Status saveSystem(Database &database, const Session &who, const ProfileSystem &before,
                             const ProfileSystem &after);
    static Status savePurpose(Database &database, const Session &who, const ProfilePurpose &before,
                              const ProfilePurpose &after);

    /// Retires purpose `code` from `on`, or brings a retired one back into use; a reason is required.
    static Status retirePurpose(Database &database, const Session &who, const QString &code, const QDate &on,
                                const QString &reason);
    static Status reinstatePurpose(Database &database, const Session &who, const QString &code, const QString &reason);

    /// A processor (Decree 422's "authorised person"): a recipient with the role processor, named the same in
    /// every purpose it serves.
    struct Processor
    {
        QString name;
        QString country;
        QString safeguards;
        QString contract;
        QStringList purposes; ///< codes of the purposes it receives data for
    };
    /// Every processor of the register, by name.
    static Result<QList<Processor>> processors(Database &database);
    /// Changes a processor's name, country, safeguards and contract in every purpose it serves.
    static Status saveProcessor(Database &database, const Session &who, const Processor &before,
                                const Processor &after);

    /// The fields that differ between two entries, in the profile's order; repeatable fields (recipients, periods
    /// per category) compared as their whole lists.
    static QList<Change> changes(const ProfileController &before, const ProfileController &after);
    static QList<Change> changes(const ProfileSystem &before, const ProfileSystem &after);
    static QList<Change> changes(const ProfilePurpose &before, const ProfilePurpose &after);
};

} // namespace pd
