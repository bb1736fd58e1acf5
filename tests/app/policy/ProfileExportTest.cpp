// The register written back in the profile format, on both backends: what was loaded comes back the same, and the
// exported text loads to itself.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include "app/policy/ProfileExport.h"
#include "app/policy/ProfileLoader.h"

#include <QFile>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

QStringList fieldsOf(const ProfilePurpose &p)
{
    QStringList recipients;
    for (const ProfileRecipient &r : p.recipients) {
        recipients << r.name + QLatin1Char('|') + toString(r.role) + QLatin1Char('|') + r.country + QLatin1Char('|') +
                          r.safeguards + QLatin1Char('|') + r.contract;
    }
    QStringList periods;
    for (const ProfileCategoryRetention &k : p.categoryRetention) {
        periods << k.category + QLatin1Char('|') + toString(k.retention) + QLatin1Char('|') +
                       QString::number(k.retentionMonths) + QLatin1Char('|') + k.retentionEvent + QLatin1Char('|') +
                       k.retentionText + QLatin1Char('|') + toString(k.retentionAction);
    }
    return {p.code,
            p.controller,
            p.system,
            p.title,
            p.description,
            toString(p.ground),
            p.legalReference,
            p.subjectCategories.join(QLatin1Char(';')),
            p.dataCategories.join(QLatin1Char(';')),
            p.dataFields.join(QLatin1Char(';')),
            p.processingKinds.join(QLatin1Char(';')),
            toString(p.retention),
            QString::number(p.retentionMonths),
            p.retentionEvent,
            p.retentionText,
            toString(p.retentionAction),
            p.deletionMethod,
            p.securityMeasures,
            p.countries.join(QLatin1Char(';')),
            recipients.join(QLatin1Char(';')),
            periods.join(QLatin1Char(';')),
            p.specialCategory ? QStringLiteral("special") : QString(),
            p.specialCondition,
            p.dataSource,
            p.automatedDecisions,
            toString(p.dpia),
            p.retiredOn};
}

QStringList fieldsOf(const ProfileController &c)
{
    return {c.code,    c.name,       toString(c.kind), c.address,         c.country,
            c.contact, c.dpoContact, c.representative, c.jointController, c.contract};
}

QStringList fieldsOf(const ProfileSystem &s)
{
    return {s.code, s.name, s.description, s.location, s.controller};
}

template <typename T> QList<QStringList> all(const QList<T> &entries)
{
    QList<QStringList> rows;
    for (const T &entry : entries) {
        rows << fieldsOf(entry);
    }
    return rows;
}

} // namespace

class ProfileExportTest : public ServiceFixture
{
};

TEST_P(ProfileExportTest, TheRegisterRoundTripsThroughTheProfileFormat)
{
    // The demo database was installed from the default profile.
    const Result<Profile> loaded = ProfileLoader::load(ProfileLoader::defaultProfilePath());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    const Result<QString> exported = ProfileExport::exportRegister(db(), as("officer"));
    ASSERT_TRUE(exported.ok()) << exported.error().message.toStdString();
    const Result<Profile> reloaded = ProfileLoader::parse(exported.value(), QStringLiteral("exported.profile"));
    ASSERT_TRUE(reloaded.ok()) << reloaded.error().message.toStdString();

    EXPECT_EQ(all(reloaded->controllers), all(loaded->controllers));
    EXPECT_EQ(all(reloaded->systems), all(loaded->systems));
    ASSERT_EQ(reloaded->purposes.size(), loaded->purposes.size());
    for (qsizetype i = 0; i < loaded->purposes.size(); ++i) {
        EXPECT_EQ(fieldsOf(reloaded->purposes.at(i)), fieldsOf(loaded->purposes.at(i)))
            << loaded->purposes.at(i).code.toStdString();
    }
    EXPECT_EQ(ProfileExport::write(reloaded.value()), exported.value()) << "the exported text loads to itself";
    EXPECT_EQ(ProfileExport::exportRegister(db(), as("agent")).error().code, ErrorCode::PermissionDenied);
}

TEST_P(ProfileExportTest, TheCommandLineWritesAFileThatLoads)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("register.profile"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("auditor-demo-2026"));
    const CliRun run = runCli({QStringLiteral("--db"), testDatabase().url(), QStringLiteral("--operator"),
                               QStringLiteral("auditor"), QStringLiteral("profile"), QStringLiteral("export"), path},
                              environment);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const Result<Profile> profile = ProfileLoader::load(path);
    ASSERT_TRUE(profile.ok()) << profile.error().message.toStdString();
    EXPECT_EQ(profile->purposes.size(), scalar(QStringLiteral("SELECT COUNT(*) FROM purposes")).toInt());
}

PD_INSTANTIATE_FOR_BACKENDS(ProfileExportTest);
