#pragma once

#include "app/domain/Session.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {
class Database;
} // namespace pd

namespace pd::test {

/// What seedSubjects() wrote, in id order (index i is the subject with id i + 1).
struct SeededSubjects
{
    QStringList names;  ///< display names; empty for anonymized subjects
    QStringList emails; ///< empty for anonymized subjects
    QStringList states; ///< "active", "blocked" or "anonymized"

    int count() const { return int(names.size()); }
    int countInState(const QString &state) const { return int(states.count(state)); }
    /// Indexes of the subjects in that state.
    QList<int> indexesInState(const QString &state) const;
};

/// Writes one controller and `count` made-up subjects in one transaction, with SQL: Latin and Cyrillic names,
/// e-mails "user00001@example.org" ..., every seventh subject blocked and every 97th anonymized. Unlike the demo
/// data (DemoFixture), every name and state is known in advance, so list tests can check each row. Fails the
/// current test on a database error.
SeededSubjects seedSubjects(Database &database, int count);

/// The password every operator made by makeOperator() has.
inline const QString kTestPassword = QStringLiteral("s3cret-pass");

/// An officer session for tests that need a role but no operator in the database (no AuthService calls).
inline Session officerSession()
{
    return Session{1, QStringLiteral("officer"), Role::Officer};
}

/// Adds an operator with kTestPassword (first an administrator "admin" when the database has none, which then
/// adds the others) and returns its session, as if it had signed in. Fails the current test on an error.
Session makeOperator(Database &database, const QString &name, Role role);

/// A session that may read the audit trail (the services check it); tests read the trail to see what was recorded.
inline Session auditReader()
{
    return Session{1, QStringLiteral("auditor"), Role::Auditor};
}

} // namespace pd::test
