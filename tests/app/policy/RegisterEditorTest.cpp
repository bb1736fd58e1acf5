// The register of processing edited in the panel, on both backends: a change is stored and audited with its before
// and after, a save from an old read is refused, bad values are refused naming the field with nothing stored, only
// officers edit, a purpose in use is retired (no new consent), and a processor changes in every purpose it serves.
#include "ServiceFixture.h"

#include "app/access/AuditLog.h"
#include "app/policy/ProfileExport.h"
#include "app/policy/ProfileLoader.h"
#include "app/policy/RegisterEditor.h"
#include "app/subjects/ConsentService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pd;
using namespace pd::test;

class RegisterEditorTest : public ServiceFixture
{
protected:
    Profile stored()
    {
        Result<Profile> profile = ProfileExport::read(db());
        EXPECT_TRUE(profile.ok()) << profile.error().message.toStdString();
        return profile.ok() ? profile.value() : Profile();
    }

    ProfilePurpose purpose(const char *code)
    {
        for (const ProfilePurpose &entry : stored().purposes) {
            if (entry.code == QLatin1String(code)) {
                return entry;
            }
        }
        ADD_FAILURE() << "no purpose " << code;
        return {};
    }

    /// The newest audit entry of `action`.
    AuditRecord lastEntry(const char *action)
    {
        AuditFilter filter;
        filter.action = QLatin1String(action);
        const Result<QList<AuditRecord>> found = AuditLog::find(db(), as("officer"), filter, 0, 1);
        EXPECT_TRUE(found.ok() && !found->isEmpty()) << action;
        return found.ok() && !found->isEmpty() ? found->first() : AuditRecord();
    }

    qint64 entries(const char *action)
    {
        AuditFilter filter;
        filter.action = QLatin1String(action);
        const Result<qint64> counted = AuditLog::count(db(), as("officer"), filter);
        return counted.ok() ? counted.value() : -1;
    }
};

TEST_P(RegisterEditorTest, AnOfficersChangeIsStoredAndAuditedWithBeforeAndAfter)
{
    const ProfilePurpose before = purpose("appeals");
    ProfilePurpose after = before;
    after.title = QStringLiteral("Handling appeals and complaints");
    after.dpia = DpiaStatus::Done;
    after.categoryRetention.append({QStringLiteral("representative"), RetentionKind::Fixed, 12,
                                    QStringLiteral("response"), QStringLiteral("one year after the answer"),
                                    RetentionAction::Delete});
    ASSERT_TRUE(RegisterEditor::savePurpose(db(), as("officer"), before, after).ok());

    const ProfilePurpose now = purpose("appeals");
    EXPECT_EQ(now.title, after.title);
    EXPECT_EQ(now.dpia, DpiaStatus::Done);
    ASSERT_EQ(now.categoryRetention.size(), 1);
    EXPECT_EQ(now.categoryRetention.at(0).retentionMonths, 12);
    EXPECT_EQ(now.description, before.description) << "what was not changed stays";

    const AuditRecord entry = lastEntry("purpose.update");
    EXPECT_EQ(entry.operatorName, QStringLiteral("officer"));
    EXPECT_EQ(entry.entry.objectId, QStringLiteral("appeals"));
    EXPECT_EQ(entry.entry.fields,
              (QStringList{QStringLiteral("title"), QStringLiteral("category_retention"), QStringLiteral("dpia")}));
    const QJsonArray details = QJsonDocument::fromJson(entry.entry.details.toUtf8()).array();
    ASSERT_EQ(details.size(), 3);
    EXPECT_EQ(details.at(0)[QStringLiteral("before")].toString(), before.title);
    EXPECT_EQ(details.at(0)[QStringLiteral("after")].toString(), after.title);
    EXPECT_EQ(details.at(2)[QStringLiteral("before")].toString(), QString()) << "not assessed is not written";
    EXPECT_EQ(details.at(2)[QStringLiteral("after")].toString(), QStringLiteral("done"));

    // Saving what is stored changes nothing and writes nothing.
    const qint64 updates = entries("purpose.update");
    ASSERT_TRUE(RegisterEditor::savePurpose(db(), as("officer"), now, now).ok());
    EXPECT_EQ(entries("purpose.update"), updates);

    // The register still loads back to itself.
    const Result<Profile> reloaded =
        ProfileLoader::parse(ProfileExport::write(stored()), QStringLiteral("exported.profile"));
    ASSERT_TRUE(reloaded.ok()) << reloaded.error().message.toStdString();
}

TEST_P(RegisterEditorTest, ASaveFromAnOldReadIsRefusedAndKeepsTheOtherOfficersChange)
{
    const ProfilePurpose read = purpose("appeals");
    ProfilePurpose first = read;
    first.description = QStringLiteral("first officer");
    ASSERT_TRUE(RegisterEditor::savePurpose(db(), as("officer"), read, first).ok());
    ProfilePurpose second = read;
    second.description = QStringLiteral("second officer");
    const Status late = RegisterEditor::savePurpose(db(), as("officer2"), read, second);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::Conflict);
    EXPECT_EQ(purpose("appeals").description, QStringLiteral("first officer"));
}

TEST_P(RegisterEditorTest, BadValuesAreRefusedNamingTheFieldAndNothingIsStored)
{
    const ProfilePurpose before = purpose("client-mailing");
    const qint64 updates = entries("purpose.update");
    struct Case
    {
        const char *field;
        std::function<void(ProfilePurpose &)> spoil;
    };
    const Case cases[] = {
        {"countries", [](ProfilePurpose &p) { p.countries << QStringLiteral("Germany"); }},
        {"title", [](ProfilePurpose &p) { p.title.clear(); }},
        {"recipient", [](ProfilePurpose &p) { p.recipients.first().name = QStringLiteral("A | B"); }},
        {"category_retention",
         [](ProfilePurpose &p) {
             p.categoryRetention.append(
                 {QStringLiteral("payment"), RetentionKind::Legal, 0, QString(), QString(), RetentionAction::Delete});
         }},
        {"retention",
         [](ProfilePurpose &p) {
             p.retention = RetentionKind::Fixed;
             p.retentionMonths = 0;
             p.retentionEvent = QStringLiteral("collection");
         }},
        {"description", [](ProfilePurpose &p) { p.description = QStringLiteral("two\nlines"); }},
    };
    for (const Case &bad : cases) {
        ProfilePurpose after = before;
        bad.spoil(after);
        const Status status = RegisterEditor::savePurpose(db(), as("officer"), before, after);
        ASSERT_FALSE(status.ok()) << bad.field;
        EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument) << bad.field;
        EXPECT_TRUE(status.error().message.contains(QStringLiteral("field '%1'").arg(QLatin1String(bad.field))))
            << bad.field << ": " << status.error().message.toStdString();
        EXPECT_FALSE(status.error().message.contains(QStringLiteral("register:"))) << "no file and line";
    }
    EXPECT_TRUE(RegisterEditor::changes(purpose("client-mailing"), before).isEmpty());
    EXPECT_EQ(entries("purpose.update"), updates);
}

TEST_P(RegisterEditorTest, OnlyOfficersEditTheRegister)
{
    const ProfilePurpose before = purpose("appeals");
    ProfilePurpose after = before;
    after.title = QStringLiteral("changed");
    for (const char *name : {"agent", "auditor", "admin"}) {
        const Status status = RegisterEditor::savePurpose(db(), as(name), before, after);
        ASSERT_FALSE(status.ok()) << name;
        EXPECT_EQ(status.error().code, ErrorCode::PermissionDenied) << name;
        EXPECT_EQ(RegisterEditor::retirePurpose(db(), as(name), QStringLiteral("appeals"), QDate(2026, 12, 1),
                                                QStringLiteral("no longer needed"))
                      .error()
                      .code,
                  ErrorCode::PermissionDenied);
    }
    EXPECT_EQ(purpose("appeals").title, before.title);
}

TEST_P(RegisterEditorTest, AnAdministratorChangesTheLetterheadAndNothingElseOfTheController)
{
    ProfileController before;
    for (const ProfileController &controller : stored().controllers) {
        if (controller.kind == ControllerKind::Own) {
            before = controller;
            break;
        }
    }
    ASSERT_FALSE(before.code.isEmpty()) << "the profile has an own controller";
    ProfileController after = before;
    after.address = QStringLiteral("ul. Kalvaryjskaja 1, Minsk");
    after.dpoContact = QStringLiteral("dpo@example.by");
    ASSERT_TRUE(RegisterEditor::saveLetterhead(db(), as("admin"), before, after).ok());
    const auto own = [this, &before] {
        for (const ProfileController &controller : stored().controllers) {
            if (controller.code == before.code) {
                return controller;
            }
        }
        return ProfileController();
    };
    EXPECT_EQ(own().address, after.address);
    EXPECT_EQ(own().dpoContact, after.dpoContact);
    const AuditRecord entry = lastEntry("controller.update");
    EXPECT_EQ(entry.operatorName, QStringLiteral("admin"));
    EXPECT_TRUE(entry.entry.details.contains(QStringLiteral("dpo@example.by")));

    // Its other fields are the register's, which only officers change; agents change nothing of it.
    ProfileController country = own();
    ProfileController moved = country;
    moved.country = QStringLiteral("LT");
    const Status refused = RegisterEditor::saveLetterhead(db(), as("admin"), country, moved);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("country"))) << refused.error().message.toStdString();
    EXPECT_EQ(RegisterEditor::saveController(db(), as("admin"), country, moved).error().code,
              ErrorCode::PermissionDenied);
    moved = country;
    moved.name = QStringLiteral("Someone else");
    EXPECT_EQ(RegisterEditor::saveLetterhead(db(), as("agent"), country, moved).error().code,
              ErrorCode::PermissionDenied);
    EXPECT_EQ(own().country, country.country);
    EXPECT_EQ(own().name, country.name);
    EXPECT_TRUE(RegisterEditor::saveLetterhead(db(), as("officer"), country, moved).ok());
    EXPECT_EQ(own().name, QStringLiteral("Someone else"));
}

TEST_P(RegisterEditorTest, ARetiredPurposeKeepsItsDataAndTakesNoNewConsent)
{
    const qint64 items = scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items i JOIN purposes p ON p.id = "
                                               "i.purpose_id WHERE p.code = 'info-projects'"))
                             .toLongLong();
    EXPECT_FALSE(RegisterEditor::retirePurpose(db(), as("officer"), QStringLiteral("info-projects"), QDate(2026, 12, 1),
                                               QStringLiteral(" "))
                     .ok())
        << "a reason is required";
    ASSERT_TRUE(RegisterEditor::retirePurpose(db(), as("officer"), QStringLiteral("info-projects"), QDate(2026, 12, 1),
                                              QStringLiteral("the projects ended"))
                    .ok());
    EXPECT_EQ(purpose("info-projects").retiredOn, QStringLiteral("2026-12-01"));
    EXPECT_EQ(lastEntry("purpose.retire").entry.reason, QStringLiteral("the projects ended"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items i JOIN purposes p ON p.id = i.purpose_id WHERE "
                                    "p.code = 'info-projects'"))
                  .toLongLong(),
              items)
        << "retiring deletes nothing";

    const Target subject = activeSubject();
    ConsentService::Grant grant;
    grant.subjectId = subject.subject;
    grant.purposeCode = QStringLiteral("info-projects");
    grant.policyVersion = QStringLiteral("2026-04-27");
    grant.channel = QStringLiteral("web-form");
    const Result<qint64> refused = ConsentService::give(db(), as("officer"), grant);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("retired"))) << refused.error().message.toStdString();

    ASSERT_TRUE(RegisterEditor::reinstatePurpose(db(), as("officer"), QStringLiteral("info-projects"),
                                                 QStringLiteral("a new project"))
                    .ok());
    EXPECT_TRUE(purpose("info-projects").retiredOn.isEmpty());
    EXPECT_TRUE(ConsentService::give(db(), as("officer"), grant).ok());
}

TEST_P(RegisterEditorTest, NewControllersSystemsAndPurposesAreAddedAndCodesStayUnique)
{
    ProfileController partner;
    partner.code = QStringLiteral("partner");
    partner.name = QStringLiteral("Partner LLC");
    partner.kind = ControllerKind::Client;
    partner.country = QStringLiteral("LT");
    partner.contract = QStringLiteral("DPA 1/2026");
    ASSERT_TRUE(RegisterEditor::saveController(db(), as("officer"), ProfileController(), partner).ok());
    EXPECT_FALSE(RegisterEditor::saveController(db(), as("officer"), ProfileController(), partner).ok())
        << "the code is taken";

    ProfileSystem crm;
    crm.code = QStringLiteral("partner-crm");
    crm.name = QStringLiteral("Partner CRM");
    crm.controller = QStringLiteral("partner");
    ASSERT_TRUE(RegisterEditor::saveSystem(db(), as("officer"), ProfileSystem(), crm).ok());

    ProfilePurpose support;
    support.code = QStringLiteral("partner-support");
    support.controller = QStringLiteral("partner");
    support.system = QStringLiteral("partner-crm");
    support.title = QStringLiteral("Support for the partner's customers");
    support.ground = LegalGround::Contract;
    support.dataCategories = {QStringLiteral("account")};
    support.retention = RetentionKind::Fixed;
    support.retentionMonths = 24;
    support.retentionEvent = QStringLiteral("response");
    support.retentionText = QStringLiteral("2 years after the answer");
    support.recipients = {{QStringLiteral("Help desk"), RecipientRole::Internal, QString(), QString(), QString()}};
    const Status unknownSystem = [&] {
        ProfilePurpose wrong = support;
        wrong.system = QStringLiteral("nowhere");
        return RegisterEditor::savePurpose(db(), as("officer"), ProfilePurpose(), wrong);
    }();
    ASSERT_FALSE(unknownSystem.ok());
    EXPECT_TRUE(unknownSystem.error().message.contains(QStringLiteral("field 'system'")))
        << unknownSystem.error().message.toStdString();
    ASSERT_TRUE(RegisterEditor::savePurpose(db(), as("officer"), ProfilePurpose(), support).ok());

    const ProfilePurpose stored = purpose("partner-support");
    EXPECT_EQ(stored.controller, QStringLiteral("partner"));
    EXPECT_EQ(stored.retentionMonths, 24);
    ASSERT_EQ(stored.recipients.size(), 1);
    EXPECT_EQ(stored.recipients.at(0).role, RecipientRole::Internal);
    EXPECT_EQ(lastEntry("purpose.add").entry.objectId, QStringLiteral("partner-support"));
    EXPECT_EQ(lastEntry("controller.add").entry.objectId, QStringLiteral("partner"));
    EXPECT_EQ(lastEntry("system.add").entry.objectId, QStringLiteral("partner-crm"));
}

TEST_P(RegisterEditorTest, AProcessorChangesInEveryPurposeItServes)
{
    const Result<QList<RegisterEditor::Processor>> processors = RegisterEditor::processors(db());
    ASSERT_TRUE(processors.ok()) << processors.error().message.toStdString();
    const auto rhein = std::find_if(processors->begin(), processors->end(), [](const RegisterEditor::Processor &p) {
        return p.name == QLatin1String("Rhein Hosting GmbH");
    });
    ASSERT_NE(rhein, processors->end());
    EXPECT_EQ(rhein->country, QStringLiteral("DE"));
    EXPECT_TRUE(rhein->purposes.contains(QStringLiteral("client-mailing")));

    // It serves a second purpose too.
    const ProfilePurpose before = purpose("appeals");
    ProfilePurpose after = before;
    after.recipients.append(
        {rhein->name, RecipientRole::Processor, rhein->country, rhein->safeguards, rhein->contract});
    ASSERT_TRUE(RegisterEditor::savePurpose(db(), as("officer"), before, after).ok());

    RegisterEditor::Processor renamed = *rhein;
    renamed.name = QStringLiteral("Rhein Cloud GmbH");
    renamed.contract = QStringLiteral("SCC of 2026-11-30");
    ASSERT_TRUE(RegisterEditor::saveProcessor(db(), as("officer"), *rhein, renamed).ok());
    for (const char *code : {"client-mailing", "appeals"}) {
        const ProfilePurpose now = purpose(code);
        const auto found = std::find_if(now.recipients.begin(), now.recipients.end(), [](const ProfileRecipient &r) {
            return r.name == QLatin1String("Rhein Cloud GmbH");
        });
        ASSERT_NE(found, now.recipients.end()) << code;
        EXPECT_EQ(found->contract, QStringLiteral("SCC of 2026-11-30")) << code;
    }
    const AuditRecord entry = lastEntry("processor.update");
    EXPECT_EQ(entry.entry.fields, (QStringList{QStringLiteral("name"), QStringLiteral("contract")}));
    EXPECT_EQ(RegisterEditor::saveProcessor(db(), as("officer"), *rhein, renamed).error().code, ErrorCode::NotFound)
        << "the old name is gone";
}

PD_INSTANTIATE_FOR_BACKENDS(RegisterEditorTest);
