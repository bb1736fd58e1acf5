#include "TestDatabase.h"

#include "app/policy/ProfileInstaller.h"
#include "app/policy/ProfileLoader.h"
#include "app/policy/PurposeRegister.h"
#include "app/storage/Sql.h"

#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

#include <ostream>

using namespace pd;
using namespace pd::test;

void PrintTo(const QString &value, std::ostream *out); // ProfileLoaderTest.cpp

namespace {

QString testData(const char *relative)
{
    return QStringLiteral(PRIVACYDESK_TEST_DATA "/") + QLatin1String(relative);
}

Profile load(const QString &path)
{
    Result<Profile> profile = ProfileLoader::load(path);
    EXPECT_TRUE(profile.ok()) << profile.error().message.toStdString();
    return profile.ok() ? profile.value() : Profile();
}

/// A profile made in code, as a caller that does not go through the loader would.
Profile handMade()
{
    Profile profile;
    profile.name = QStringLiteral("Hand made");
    profile.policyVersion = QStringLiteral("1");
    auto controller = [](const char *code, const char *name, ControllerKind kind) {
        ProfileController entry;
        entry.code = QLatin1String(code);
        entry.name = QLatin1String(name);
        entry.kind = kind;
        return entry;
    };
    profile.controllers = {controller("zeta", "Zeta Ltd", ControllerKind::Own),
                           controller("alpha", "Alpha Ltd", ControllerKind::Own),
                           controller("aardvark", "Aardvark Ltd", ControllerKind::Client)};
    auto purpose = [](const char *code, const char *controller, const char *title) {
        ProfilePurpose entry;
        entry.code = QLatin1String(code);
        entry.controller = QLatin1String(controller);
        entry.title = QLatin1String(title);
        return entry;
    };
    profile.purposes = {purpose("z-b", "zeta", "B purpose"), purpose("z-a", "zeta", "A purpose"),
                        purpose("al-c", "alpha", "C purpose"), purpose("aa-a", "aardvark", "A purpose")};
    return profile;
}

} // namespace

class ProfileInstallerTest : public BackendTest
{
protected:
    qint64 count(const char *table)
    {
        QSqlDatabase connection = db().connection();
        Result<QVariant> value = sql::scalar(connection, QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table),
                                             {}, "counting rows");
        EXPECT_TRUE(value.ok()) << value.error().message.toStdString();
        return value.ok() ? value->toLongLong() : -1;
    }

    void expectEmpty()
    {
        EXPECT_EQ(count("controllers"), 0);
        EXPECT_EQ(count("information_systems"), 0);
        EXPECT_EQ(count("purposes"), 0);
    }

    /// The purposes row of `code` as column -> value.
    QVariantMap purposeRow(const QString &code)
    {
        QSqlQuery query(db().connection());
        EXPECT_TRUE(sql::exec(query,
                              QStringLiteral("SELECT p.*, c.code AS controller_code, s.code AS system_code "
                                             "FROM purposes p JOIN controllers c ON c.id = p.controller_id "
                                             "LEFT JOIN information_systems s ON s.id = p.system_id "
                                             "WHERE p.code = ?"),
                              {code}, "reading a purpose")
                        .ok());
        QVariantMap row;
        if (query.next()) {
            for (int i = 0; i < query.record().count(); ++i) {
                row.insert(query.record().fieldName(i), query.value(i));
            }
        }
        return row;
    }

    QStringList recipients(const QString &code)
    {
        QSqlQuery query(db().connection());
        EXPECT_TRUE(sql::exec(query,
                              QStringLiteral("SELECT r.name, r.role, r.country, r.safeguards FROM recipients r "
                                             "JOIN purposes p ON p.id = r.purpose_id WHERE p.code = ? ORDER BY r.id"),
                              {code}, "reading recipients")
                        .ok());
        QStringList rows;
        while (query.next()) {
            rows.append(QStringList{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                    query.value(3).toString()}
                            .join(QLatin1Char('|')));
        }
        return rows;
    }
};

TEST_P(ProfileInstallerTest, StoresTheProfile)
{
    const Profile profile = load(QStringLiteral(":/profiles/savaniuk.profile"));
    Result<ProfileInstaller::Summary> summary = ProfileInstaller::install(db(), profile);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->controllers, 1);
    EXPECT_EQ(summary->systems, 2);
    EXPECT_EQ(summary->purposes, 8);
    EXPECT_EQ(summary->recipients, 4);
    EXPECT_EQ(count("controllers"), 1);
    EXPECT_EQ(count("information_systems"), 2);
    EXPECT_EQ(count("purposes"), 8);
    EXPECT_EQ(count("recipients"), 4);

    const QVariantMap appeals = purposeRow(QStringLiteral("sg-appeals"));
    ASSERT_FALSE(appeals.isEmpty());
    EXPECT_EQ(appeals.value(QStringLiteral("controller_code")).toString(), QStringLiteral("savaniuk-group"));
    EXPECT_EQ(appeals.value(QStringLiteral("system_code")).toString(), QStringLiteral("sg-site"));
    EXPECT_EQ(appeals.value(QStringLiteral("title")).toString(), QStringLiteral("Considering other appeals"));
    EXPECT_EQ(appeals.value(QStringLiteral("legal_ground")).toString(), QStringLiteral("consent"));
    EXPECT_EQ(appeals.value(QStringLiteral("data_categories")).toString(),
              QStringLiteral("appeal, representative, technical"));
    EXPECT_EQ(appeals.value(QStringLiteral("retention_kind")).toString(), QStringLiteral("fixed"));
    EXPECT_EQ(appeals.value(QStringLiteral("retention_months")).toInt(), 36);
    EXPECT_EQ(appeals.value(QStringLiteral("retention_event")).toString(), QStringLiteral("response"));
    EXPECT_EQ(appeals.value(QStringLiteral("retention_action")).toString(), QStringLiteral("delete"));
    EXPECT_EQ(appeals.value(QStringLiteral("countries")).toString(), QStringLiteral("BY"));
    EXPECT_EQ(appeals.value(QStringLiteral("profile")).toString(), QStringLiteral("savaniukgroup.by"));

    const QVariantMap registration = purposeRow(QStringLiteral("sg-registration"));
    EXPECT_EQ(registration.value(QStringLiteral("retention_kind")).toString(), QStringLiteral("contract-term"));
    EXPECT_TRUE(registration.value(QStringLiteral("retention_months")).isNull());
    EXPECT_TRUE(registration.value(QStringLiteral("retention_event")).isNull());
    EXPECT_EQ(registration.value(QStringLiteral("data_fields")).toString(),
              QStringLiteral("name, phone, ip, city, country, browser, language, utm, referrer, cookie_id"));

    EXPECT_EQ(recipients(QStringLiteral("sg-card-payment")),
              (QStringList{QStringLiteral("Bepaid|controller|BY|"), QStringLiteral("WebPay|controller|BY|")}));
}

TEST_P(ProfileInstallerTest, StoresOptionalFieldsLeftOutAsEmpty)
{
    Result<ProfileInstaller::Summary> summary =
        ProfileInstaller::install(db(), load(testData("profiles/minimal.profile")));
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    const QVariantMap sales = purposeRow(QStringLiteral("sales"));
    ASSERT_FALSE(sales.isEmpty());
    EXPECT_TRUE(sales.value(QStringLiteral("system_id")).isNull());
    EXPECT_EQ(sales.value(QStringLiteral("description")).toString(), QString());
    EXPECT_FALSE(sales.value(QStringLiteral("description")).isNull());
    EXPECT_EQ(sales.value(QStringLiteral("retention_text")).toString(), QStringLiteral("contract-term"));
}

TEST_P(ProfileInstallerTest, InstallingAgainUpdatesInsteadOfDuplicating)
{
    Profile profile = load(ProfileLoader::defaultProfilePath());
    ASSERT_TRUE(ProfileInstaller::install(db(), profile).ok());
    const QVariantMap before = purposeRow(QStringLiteral("client-mailing"));
    const qint64 controllers = count("controllers");
    const qint64 systems = count("information_systems");
    const qint64 purposes = count("purposes");
    const qint64 recipientRows = count("recipients");
    EXPECT_EQ(controllers, 2);
    EXPECT_EQ(purposes, 9);

    ASSERT_TRUE(ProfileInstaller::install(db(), profile).ok());
    EXPECT_EQ(count("controllers"), controllers);
    EXPECT_EQ(count("information_systems"), systems);
    EXPECT_EQ(count("purposes"), purposes);
    EXPECT_EQ(count("recipients"), recipientRows);

    // A new edition of the policy: changed values replace the stored ones, recipients are replaced.
    for (ProfilePurpose &purpose : profile.purposes) {
        if (purpose.code == QLatin1String("client-mailing")) {
            purpose.title = QStringLiteral("Newsletters of Minsk Retail");
            purpose.retention = RetentionKind::Fixed;
            purpose.retentionMonths = 6;
            purpose.retentionEvent = QStringLiteral("withdrawal");
            purpose.retentionAction = RetentionAction::Anonymize;
            purpose.recipients = {{QStringLiteral("Only Host"), RecipientRole::Processor, QStringLiteral("LT"),
                                   QStringLiteral("standard contractual clauses"), QString()}};
        }
    }
    ASSERT_TRUE(ProfileInstaller::install(db(), profile).ok());
    const QVariantMap after = purposeRow(QStringLiteral("client-mailing"));
    EXPECT_EQ(after.value(QStringLiteral("id")).toLongLong(), before.value(QStringLiteral("id")).toLongLong());
    EXPECT_EQ(after.value(QStringLiteral("title")).toString(), QStringLiteral("Newsletters of Minsk Retail"));
    EXPECT_EQ(after.value(QStringLiteral("retention_months")).toInt(), 6);
    EXPECT_EQ(after.value(QStringLiteral("retention_action")).toString(), QStringLiteral("anonymize"));
    EXPECT_EQ(recipients(QStringLiteral("client-mailing")),
              QStringList{QStringLiteral("Only Host|processor|LT|standard contractual clauses")});
    EXPECT_EQ(count("purposes"), purposes);
    EXPECT_EQ(count("recipients"), recipientRows - 1);
}

TEST_P(ProfileInstallerTest, AllBuiltInProfilesInstallSideBySide)
{
    QSet<QString> controllers;
    QSet<QString> systems;
    int purposes = 0;
    for (const QString &path : ProfileLoader::builtInProfiles()) {
        const Profile profile = load(path);
        Result<ProfileInstaller::Summary> summary = ProfileInstaller::install(db(), profile);
        ASSERT_TRUE(summary.ok()) << path.toStdString() << ": " << summary.error().message.toStdString();
        for (const ProfileController &controller : profile.controllers) {
            controllers.insert(controller.code);
        }
        for (const ProfileSystem &system : profile.systems) {
            systems.insert(system.code);
        }
        purposes += profile.purposes.size();
    }
    EXPECT_EQ(count("controllers"), controllers.size());
    EXPECT_EQ(count("information_systems"), systems.size());
    EXPECT_EQ(count("purposes"), purposes);
}

TEST_P(ProfileInstallerTest, FailureMidwayStoresNothing)
{
    // Controllers, systems and the first purpose are written before the recipients table is needed.
    QSqlQuery query(db().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE recipients")));
    Result<ProfileInstaller::Summary> summary =
        ProfileInstaller::install(db(), load(ProfileLoader::defaultProfilePath()));
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code, ErrorCode::Storage);
    expectEmpty();
}

TEST_P(ProfileInstallerTest, ProfileReferringToAnUndefinedControllerStoresNothing)
{
    // Through the loader the profile never gets as far as the database.
    Result<Profile> refused = ProfileLoader::load(testData("profiles/unknown-controller.profile"));
    ASSERT_FALSE(refused.ok());
    expectEmpty();

    // A profile built in code is checked by the installer too, after its controllers are already written.
    Profile profile = handMade();
    profile.purposes.last().controller = QStringLiteral("ghost");
    Result<ProfileInstaller::Summary> summary = ProfileInstaller::install(db(), profile);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(summary.error().message, QStringLiteral("profile 'Hand made': purpose 'aa-a' refers to controller "
                                                      "'ghost', which the profile does not define"));
    expectEmpty();
}

TEST_P(ProfileInstallerTest, RegisterListsOwnControllersFirstThenByNameAndTitle)
{
    ASSERT_TRUE(ProfileInstaller::install(db(), handMade()).ok());
    Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(db());
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    QStringList order;
    for (const PurposeRegister::Row &row : rows.value()) {
        order.append(row.code);
    }
    EXPECT_EQ(order, (QStringList{QStringLiteral("al-c"), QStringLiteral("z-a"), QStringLiteral("z-b"),
                                  QStringLiteral("aa-a")}));
    EXPECT_EQ(rows->last().controllerKind, QStringLiteral("client"));
    EXPECT_EQ(rows->last().controller, QStringLiteral("Aardvark Ltd"));
}

TEST_P(ProfileInstallerTest, RegisterListsTheDemoProfile)
{
    ASSERT_TRUE(ProfileInstaller::install(db(), load(ProfileLoader::defaultProfilePath())).ok());
    Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(db());
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    QStringList order;
    for (const PurposeRegister::Row &row : rows.value()) {
        order.append(row.code);
    }
    EXPECT_EQ(
        order,
        (QStringList{QStringLiteral("appeals"), QStringLiteral("security"), QStringLiteral("info-projects"),
                     QStringLiteral("bank-transfer"), QStringLiteral("card-payment"), QStringLiteral("registration"),
                     QStringLiteral("backup"), QStringLiteral("site-statistics"), QStringLiteral("client-mailing")}));
    const PurposeRegister::Row &mailing = rows->last();
    EXPECT_GT(mailing.id, 0);
    EXPECT_EQ(mailing.controller, QStringLiteral("Minsk Retail LLC"));
    EXPECT_EQ(mailing.controllerKind, QStringLiteral("client"));
    EXPECT_EQ(mailing.legalGround, QStringLiteral("consent"));
    EXPECT_EQ(mailing.dataCategories, QStringLiteral("recipient"));
    EXPECT_EQ(mailing.countries, QStringLiteral("BY, DE"));
    EXPECT_EQ(mailing.recipients, 2);
    EXPECT_EQ(rows->first().title, QStringLiteral("Considering appeals"));
    EXPECT_EQ(rows->first().controller, QStringLiteral("Nemiga Digital LLC"));
    EXPECT_EQ(rows->first().retentionText, QStringLiteral("3 (three) years after the response to the appeal"));
    EXPECT_EQ(rows->first().recipients, 1);
}

TEST_P(ProfileInstallerTest, RegisterOfAnEmptyDatabaseIsEmpty)
{
    Result<QList<PurposeRegister::Row>> rows = PurposeRegister::list(db());
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    EXPECT_TRUE(rows->isEmpty());
}

PD_INSTANTIATE_FOR_BACKENDS(ProfileInstallerTest);
