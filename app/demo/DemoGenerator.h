#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"

#include <QDate>
#include <QList>

#include <functional>

namespace pd {

class Database;

/// Fills an empty database with realistic, made-up subjects: Latin and Cyrillic names, Belarusian and EU phone
/// numbers, e-mails, IPs with city and country, browsers, languages, UTM tags, cookie ids, masked card numbers
/// with expiry, consents, disclosures, and requests of every type and status over the six months before `today`.
///
/// The same seed and `today` give the same data. The default profile is installed first, and the demo operators
/// (demoOperators()) when the database has no operator yet. Subjects are written in
/// batches, each batch one transaction.
class DemoGenerator
{
public:
    struct Options
    {
        qint64 subjects = 1000;
        int requests = -1; ///< -1: about one request per 200 subjects, at least 60
        quint64 seed = 1;
        QDate today; ///< invalid: the current date
        Session who; ///< who asked for it, for the audit entry (empty: the system, on a new database)
        /// Subjects per transaction, a multiple of 2,000 (tests make it small to see several transactions).
        qint64 subjectsPerTransaction = 20000;
    };
    struct Summary
    {
        qint64 subjects = 0;
        qint64 items = 0;
        qint64 consents = 0;
        qint64 disclosures = 0;
        qint64 requests = 0;
        bool restarted = false; ///< an interrupted demo run was removed first
    };
    /// Called after each batch with the subjects written so far; return false to stop (what was committed stays,
    /// and the result is ErrorCode::Cancelled).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct DemoOperator
    {
        QString name;
        Role role;
        QString password;
        QString displayName;
    };
    /// The operators a demo database comes with when it has none: one per role and a second officer (for the
    /// four-eyes rule). Their passwords are public (README.md): a demo database is never for real data.
    static QList<DemoOperator> demoOperators();

    /// Refuses (ErrorCode::InvalidArgument) when the database already holds subjects: demo data never mixes with
    /// real records. A run that was interrupted (killed, cancelled) is marked in the database; running the demo again
    /// removes what it wrote and starts over (Summary::restarted).
    static Result<Summary> generate(Database &database, const Options &options, const Progress &progress = {});
};

} // namespace pd
