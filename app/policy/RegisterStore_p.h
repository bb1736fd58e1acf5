#pragma once

// Private to app/policy/: writes controllers, systems and purposes of the register by code, for ProfileInstaller
// (a whole profile) and RegisterEditor (one entry at a time). The caller owns the transaction.

#include "app/domain/Result.h"
#include "app/policy/Profile.h"
#include "app/policy/ProfileInstaller.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <utility>

namespace pd {

class RegisterStore
{
public:
    /// `profileName` goes into the purposes' `profile` column.
    RegisterStore(QSqlDatabase &db, QString profileName) : m_db(db), m_profileName(std::move(profileName)) {}

    /// Each updates the entry with its code or inserts it. A purpose's recipients and per-category retention
    /// periods are replaced by the ones it carries.
    Status storeController(const ProfileController &controller);
    Status storeSystem(const ProfileSystem &system);
    Status storePurpose(const ProfilePurpose &purpose);

    const ProfileInstaller::Summary &summary() const { return m_summary; }

private:
    Result<qint64> resolve(QHash<QString, qint64> &ids, const QString &code, const QString &owner, const char *kind);

    QSqlDatabase &m_db;
    QString m_profileName;
    QHash<QString, qint64> m_controllers;
    QHash<QString, qint64> m_systems;
    ProfileInstaller::Summary m_summary;
};

} // namespace pd
