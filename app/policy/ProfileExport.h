#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/policy/Profile.h"

#include <QList>
#include <QString>

namespace pd {

class Database;

/// The register of purposes written back in the profile format (resources/profiles/README.md), so that a register
/// round-trips: a profile loaded, exported and loaded again gives the same controllers, systems and purposes.
class ProfileExport
{
public:
    /// The controllers, systems and purposes (with their recipients) the database holds, in the order they were
    /// stored. `name`, `source` and `policy_version` of the profile: the name its purposes were installed from, this
    /// export, and the policy version in force (ConsentReview), or today's date when none is recorded.
    static Result<Profile> read(Database &database);
    /// One `key = value` of a section, in the order the profile format lists them; a repeatable key (recipient,
    /// category_retention) once per entry, an empty value when nothing is recorded. The register editor compares
    /// entries field by field with them.
    struct Field
    {
        const char *key;
        QString value;
    };
    static QList<Field> fieldsOf(const ProfileController &controller);
    static QList<Field> fieldsOf(const ProfileSystem &system);
    static QList<Field> fieldsOf(const ProfilePurpose &purpose);

    /// `profile` as profile text.
    static QString write(const Profile &profile);
    /// read() then write(), for `privacydesk-cli profile export FILE` (Action::ExportRegisters).
    static Result<QString> exportRegister(Database &database, const Session &who);
};

} // namespace pd
