#include "TestDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace pd::test {

namespace {

QAtomicInt s_counter;

/// Runs one statement on the server's maintenance database (CREATE / DROP DATABASE cannot run inside one).
bool adminExec(const DatabaseUrl &admin, const QString &statement, QString *error)
{
    const QString name = QStringLiteral("pd-test-admin-%1").arg(s_counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host());
        db.setPort(admin.port());
        db.setUserName(admin.user());
        db.setPassword(admin.password());
        db.setDatabaseName(admin.databaseName());
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok) {
                *error = query.lastError().text();
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

TestDatabase::TestDatabase(Backend backend) : m_backend(backend)
{
    if (backend == Backend::SQLite) {
        m_url = DatabaseUrl::sqlite(m_dir.filePath(QStringLiteral("test.sqlite")));
    } else {
        const QString admin = qEnvironmentVariable("PRIVACYDESK_TEST_PG_URL");
        if (admin.isEmpty()) {
            m_notConfigured = true;
            m_reason = QStringLiteral("PRIVACYDESK_TEST_PG_URL is not set (scripts/test.sh sets it)");
            return;
        }
        const QString url = freshUrl();
        if (!m_reason.isEmpty()) {
            return;
        }
        m_url = DatabaseUrl::parse(url).value();
    }
    Result<std::shared_ptr<Database>> opened = Database::open(m_url);
    if (!opened) {
        m_reason = opened.error().message;
        return;
    }
    m_database = opened.value();
}

TestDatabase::~TestDatabase()
{
    m_database.reset();
    if (m_createdDatabases.isEmpty()) {
        return;
    }
    const DatabaseUrl admin = DatabaseUrl::parse(qEnvironmentVariable("PRIVACYDESK_TEST_PG_URL")).value();
    for (const QString &name : qAsConst(m_createdDatabases)) {
        QString error;
        adminExec(admin, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name), &error);
    }
}

QString TestDatabase::freshUrl()
{
    if (m_backend == Backend::SQLite) {
        return QStringLiteral("sqlite:") +
               m_dir.filePath(QStringLiteral("fresh-%1.sqlite").arg(s_counter.fetchAndAddRelaxed(1)));
    }
    Result<DatabaseUrl> admin = DatabaseUrl::parse(qEnvironmentVariable("PRIVACYDESK_TEST_PG_URL"));
    if (!admin) {
        m_reason = admin.error().message;
        return {};
    }
    const QString name = QStringLiteral("pdtest_%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(s_counter.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->bounded(1000000));
    QString error;
    if (!adminExec(admin.value(), QStringLiteral("CREATE DATABASE \"%1\"").arg(name), &error)) {
        m_reason = QStringLiteral("PostgreSQL at %1 did not answer: %2").arg(admin->displayName(), error);
        return admin->toString();
    }
    m_createdDatabases.append(name);
    QString url = admin->toString();
    url.truncate(url.lastIndexOf(QLatin1Char('/')) + 1);
    return url + name;
}

QString TestDatabase::sqlitePath() const
{
    return m_backend == Backend::SQLite ? m_url.path() : QString();
}

QString TestDatabase::backendName(Backend backend)
{
    return backend == Backend::SQLite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
}

void BackendTest::SetUp()
{
    m_testDatabase = std::make_unique<TestDatabase>(GetParam());
    if (m_testDatabase->notConfigured()) {
        GTEST_SKIP() << m_testDatabase->reason().toStdString();
    }
    ASSERT_TRUE(m_testDatabase->database()) << m_testDatabase->reason().toStdString();
}

void BackendTest::TearDown()
{
    m_testDatabase.reset();
}

std::string backendTestName(const ::testing::TestParamInfo<Backend> &info)
{
    return TestDatabase::backendName(info.param).toStdString();
}

} // namespace pd::test
