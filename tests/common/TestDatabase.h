#pragma once

#include "app/storage/Database.h"

#include <gtest/gtest.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <ostream>

namespace pd::test {

enum class Backend { SQLite, PostgreSQL };

/// A fresh, migrated, empty database for one test: an SQLite file in a temporary folder, or a new database on
/// the PostgreSQL server named by PRIVACYDESK_TEST_PG_URL (set by scripts/test.sh), dropped afterwards.
class TestDatabase
{
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();

    /// Empty when the backend is not available; reason() says why.
    std::shared_ptr<Database> database() const { return m_database; }
    const QString &reason() const { return m_reason; }
    /// True when PostgreSQL was not configured at all (outside scripts/test.sh): such tests are skipped.
    bool notConfigured() const { return m_notConfigured; }
    /// The URL of the database, for handing to the CLI.
    QString url() const { return m_url.toString(); }
    /// The SQLite file path (empty on PostgreSQL).
    QString sqlitePath() const;
    /// Closes the Database object (so that a file can be inspected or reopened).
    void close() { m_database.reset(); }

    /// A URL for a new, not yet created database on the same backend (for tests that create through the CLI).
    /// PostgreSQL databases made this way are dropped with this object.
    QString freshUrl();

    static QString backendName(Backend backend);

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    QStringList m_createdDatabases;
    std::shared_ptr<Database> m_database;
    QString m_reason;
    bool m_notConfigured = false;
};

/// Base fixture for tests that run once per backend. In SetUp: skipped when PostgreSQL is not configured,
/// failed when it is configured but does not answer.
class BackendTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override;
    void TearDown() override;

    Database &db() { return *m_testDatabase->database(); }
    std::shared_ptr<Database> dbPtr() { return m_testDatabase->database(); }
    TestDatabase &testDatabase() { return *m_testDatabase; }

private:
    std::unique_ptr<TestDatabase> m_testDatabase;
};

std::string backendTestName(const ::testing::TestParamInfo<Backend> &info);

/// Names the backend in GoogleTest's messages and in ctest's test names.
inline void PrintTo(Backend backend, std::ostream *os)
{
    *os << (backend == Backend::SQLite ? "SQLite" : "PostgreSQL");
}

} // namespace pd::test

#define PD_INSTANTIATE_FOR_BACKENDS(Suite)                                                                             \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                                          \
                             ::testing::Values(::pd::test::Backend::SQLite, ::pd::test::Backend::PostgreSQL),          \
                             ::pd::test::backendTestName)
