#include "app/storage/PrivateFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::PrivateFile)
};

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

namespace pd {

Status PrivateFile::write(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    // The temporary file gets the mode before the first byte is written, and keeps it when renamed.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly) || file.write(content) != content.size() ||
        !file.commit()) {
        return makeError(ErrorCode::Storage, file.errorString());
    }
    return {};
}

Status PrivateFile::create(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !file.setPermissions(kOwnerOnly)) {
        return makeError(ErrorCode::Storage, Tr::tr("cannot create %1: %2").arg(path, file.errorString()));
    }
    return {};
}

Status PrivateFile::restrict(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    const QFileDevice::Permissions now = file.permissions();
    const QFileDevice::Permissions owner =
        now & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser |
               QFileDevice::WriteUser | QFileDevice::ExeUser);
    if (owner != now && !file.setPermissions(owner)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("cannot make %1 readable by its owner only: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace pd
