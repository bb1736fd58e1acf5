#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {
class Database;
class SubjectListModel;
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

/// Writes one controller and `count` made-up subjects in one transaction, with SQL (the demo generator is not
/// ready yet): Latin and Cyrillic names, e-mails "user00001@example.org" ..., every seventh subject blocked and
/// every 97th anonymized. Fails the current test on a database error.
SeededSubjects seedSubjects(Database &database, int count);

/// Asks the model for `row` and waits (event loop running, at most 10 s) until its page has arrived.
bool loadRow(SubjectListModel &model, int row);
/// Waits until the model's count has arrived.
bool waitForCount(SubjectListModel &model);

} // namespace pd::test
