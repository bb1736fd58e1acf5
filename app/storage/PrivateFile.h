#pragma once

#include "app/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace pd {

/// Files that hold personal data (the SQLite database and its journals, reply letters, rejects files, exports) are
/// readable and writable by their owner only (mode 0600), whatever the umask: on a shared machine nobody else may
/// read them.
class PrivateFile
{
public:
    /// Writes `content` to `path` with mode 0600, all or nothing (a temporary file renamed into place): on failure
    /// what was at `path` stays as it was. ErrorCode::Storage whose message is the system's reason only, for the
    /// caller to say which file it was.
    static Status write(const QString &path, const QByteArray &content);
    /// Makes an empty file at `path` with mode 0600, for a library that then opens it (SQLite copies the mode to its
    /// -wal and -shm files). Nothing happens when the file exists.
    static Status create(const QString &path);
    /// Takes the group's and others' permissions away from an existing file (nothing when it does not exist).
    static Status restrict(const QString &path);
};

} // namespace pd
