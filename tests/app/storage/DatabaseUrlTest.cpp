#include "app/storage/DatabaseUrl.h"

#include <gtest/gtest.h>

using namespace pd;

TEST(DatabaseUrl, ParsesSQLitePaths)
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("sqlite:/var/lib/pd/data.sqlite"));
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->backend(), DatabaseUrl::Backend::SQLite);
    EXPECT_EQ(url->path(), QStringLiteral("/var/lib/pd/data.sqlite"));

    Result<DatabaseUrl> triple = DatabaseUrl::parse(QStringLiteral("sqlite:///tmp/x.sqlite"));
    ASSERT_TRUE(triple.ok());
    EXPECT_EQ(triple->path(), QStringLiteral("/tmp/x.sqlite"));
}

TEST(DatabaseUrl, ParsesPostgreSQLAndHidesThePassword)
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("postgresql://desk:s3cret@db.example:6543/privacy"));
    ASSERT_TRUE(url.ok()) << url.error().message.toStdString();
    EXPECT_EQ(url->backend(), DatabaseUrl::Backend::PostgreSQL);
    EXPECT_EQ(url->host(), QStringLiteral("db.example"));
    EXPECT_EQ(url->port(), 6543);
    EXPECT_EQ(url->user(), QStringLiteral("desk"));
    EXPECT_EQ(url->password(), QStringLiteral("s3cret"));
    EXPECT_EQ(url->databaseName(), QStringLiteral("privacy"));
    EXPECT_EQ(url->displayName(), QStringLiteral("postgresql://desk@db.example:6543/privacy"));
    EXPECT_EQ(DatabaseUrl::parse(url->toString())->password(), QStringLiteral("s3cret"));
}

TEST(DatabaseUrl, DefaultPortIs5432)
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("postgresql://desk@localhost/privacy"));
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->port(), 5432);
}

TEST(DatabaseUrl, RejectsWhatItCannotUseWithAClearMessage)
{
    struct Case
    {
        const char *url;
        const char *messagePart;
    };
    const Case cases[] = {
        {"", "empty"},
        {"mysql://root@localhost/db", "must start with sqlite: or postgresql://"},
        {"sqlite:", "names no file"},
        {"postgresql://desk@localhost", "names no database"},
        {"postgresql://desk@localhost/", "names no database"},
    };
    for (const Case &c : cases) {
        Result<DatabaseUrl> url = DatabaseUrl::parse(QString::fromUtf8(c.url));
        ASSERT_FALSE(url.ok()) << c.url;
        EXPECT_EQ(url.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(url.error().message.contains(QLatin1String(c.messagePart)))
            << c.url << " -> " << url.error().message.toStdString();
    }
}

TEST(DatabaseUrl, CommandLineWinsOverEnvironment)
{
    qputenv("PRIVACYDESK_DB", "sqlite:/tmp/from-environment.sqlite");
    EXPECT_EQ(DatabaseUrl::resolve(QStringLiteral("sqlite:/tmp/from-option.sqlite"))->path(),
              QStringLiteral("/tmp/from-option.sqlite"));
    EXPECT_EQ(DatabaseUrl::resolve(QString())->path(), QStringLiteral("/tmp/from-environment.sqlite"));
    qunsetenv("PRIVACYDESK_DB");
    EXPECT_TRUE(DatabaseUrl::resolve(QString())->path().endsWith(QStringLiteral("privacydesk.sqlite")));
}
