#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/policy/Profile.h"

#include <optional>

namespace pd {

class Database;

/// Writes a profile's controllers, information systems, purposes and recipients into a database.
///
/// Entries are matched by code: existing ones are updated, new ones inserted, recipients of each purpose replaced.
/// All in one transaction: on any error nothing of the profile is stored.
class ProfileInstaller
{
public:
    /// How many entries of each kind were written (inserted or updated).
    struct Summary
    {
        int controllers = 0;
        int systems = 0;
        int purposes = 0;
        int recipients = 0;
    };
    /// Stores `profile` in one transaction. Errors: ErrorCode::InvalidArgument when the profile refers to a code it
    /// does not define (only possible for a Profile not made by ProfileLoader), ErrorCode::Storage when the database
    /// refuses; either way nothing of the profile is stored.
    static Result<Summary> install(Database &database, const Profile &profile);

    /// The first start of a new database: the first administrator (AuthService::addOperator without an actor) and,
    /// when given, the register of `profile`, in one transaction: either both are there afterwards or neither.
    static Result<Session> setUp(Database &database, const std::optional<Profile> &profile, const QString &name,
                                 const QString &password, const QString &displayName);
};

} // namespace pd
