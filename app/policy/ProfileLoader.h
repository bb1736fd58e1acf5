#pragma once

#include "app/domain/Result.h"
#include "app/policy/Profile.h"

namespace pd {

/// Reads policy profiles (the .profile format documented in resources/profiles/README.md).
///
/// A malformed profile is refused as a whole with one message "FILE:LINE: field 'NAME': what is wrong"
/// (ErrorCode::InvalidArgument); nothing is partially returned.
class ProfileLoader
{
public:
    /// The largest profile read (a profile of 100,000 purposes is about 50 MiB).
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;

    /// Parses profile text; `fileName` is used in messages only.
    static Result<Profile> parse(const QString &text, const QString &fileName);
    /// As parse(), but a register without purposes (only controllers and systems so far) is accepted: the register
    /// editor checks the register it is about to store with it.
    static Result<Profile> parseRegister(const QString &text, const QString &fileName);
    /// Reads and parses a file (a path on disk or a ":/profiles/..." resource).
    static Result<Profile> load(const QString &path);
    /// The resource path of the profile the demo uses.
    static QString defaultProfilePath();
    /// Resource paths of every profile shipped with the program.
    static QStringList builtInProfiles();
};

} // namespace pd
