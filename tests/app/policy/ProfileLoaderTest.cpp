#include "app/policy/ProfileLoader.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <ostream>

using namespace pd;

void PrintTo(const QString &value, std::ostream *out)
{
    *out << '"' << value.toStdString() << '"';
}

namespace {

QString testData(const char *relative)
{
    return QStringLiteral(PRIVACYDESK_TEST_DATA "/") + QLatin1String(relative);
}

Profile loadBuiltIn(const char *name)
{
    Result<Profile> profile = ProfileLoader::load(QStringLiteral(":/profiles/") + QLatin1String(name));
    EXPECT_TRUE(profile.ok()) << profile.error().message.toStdString();
    return profile.ok() ? profile.value() : Profile();
}

const ProfilePurpose &purpose(const Profile &profile, const char *code)
{
    for (const ProfilePurpose &entry : profile.purposes) {
        if (entry.code == QLatin1String(code)) {
            return entry;
        }
    }
    ADD_FAILURE() << "no purpose " << code << " in " << profile.name.toStdString();
    static const ProfilePurpose none;
    return none;
}

const ProfileController &controller(const Profile &profile, const QString &code)
{
    for (const ProfileController &entry : profile.controllers) {
        if (entry.code == code) {
            return entry;
        }
    }
    ADD_FAILURE() << "no controller " << code.toStdString() << " in " << profile.name.toStdString();
    static const ProfileController none;
    return none;
}

QStringList codes(const Profile &profile)
{
    QStringList result;
    for (const ProfilePurpose &entry : profile.purposes) {
        result.append(entry.code);
    }
    return result;
}

QStringList list(const char *text)
{
    return QString::fromUtf8(text).split(QStringLiteral(", "));
}

} // namespace

TEST(ProfileLoaderTest, ListsTheBuiltInProfiles)
{
    const QStringList expected{
        QStringLiteral(":/profiles/ai-assistants.profile"), QStringLiteral(":/profiles/demo.profile"),
        QStringLiteral(":/profiles/dynaassistant.profile"), QStringLiteral(":/profiles/dynamail.profile"),
        QStringLiteral(":/profiles/savaniuk.profile"),      QStringLiteral(":/profiles/voice-service.profile")};
    EXPECT_EQ(ProfileLoader::builtInProfiles(), expected);
    EXPECT_TRUE(ProfileLoader::builtInProfiles().contains(ProfileLoader::defaultProfilePath()));
}

TEST(ProfileLoaderTest, EveryBuiltInProfileParses)
{
    for (const QString &path : ProfileLoader::builtInProfiles()) {
        SCOPED_TRACE(path.toStdString());
        Result<Profile> profile = ProfileLoader::load(path);
        ASSERT_TRUE(profile.ok()) << profile.error().message.toStdString();
        EXPECT_FALSE(profile->name.isEmpty());
        EXPECT_FALSE(profile->policyVersion.isEmpty());
        EXPECT_FALSE(profile->source.isEmpty());
        EXPECT_FALSE(profile->purposes.isEmpty());
        for (const ProfilePurpose &entry : profile->purposes) {
            SCOPED_TRACE(entry.code.toStdString());
            EXPECT_FALSE(entry.dataCategories.isEmpty());
            EXPECT_FALSE(entry.processingKinds.isEmpty());
            EXPECT_FALSE(entry.retentionText.isEmpty());
            EXPECT_FALSE(entry.legalReference.isEmpty());
        }
    }
}

// Codes are global in a database: the shipped profiles must be installable side by side, and a controller shared by
// two of them must read the same in both.
TEST(ProfileLoaderTest, BuiltInProfilesDoNotClashOnCodes)
{
    QSet<QString> purposeCodes;
    QHash<QString, QString> controllers;
    for (const QString &path : ProfileLoader::builtInProfiles()) {
        Result<Profile> profile = ProfileLoader::load(path);
        ASSERT_TRUE(profile.ok()) << profile.error().message.toStdString();
        for (const ProfilePurpose &entry : profile->purposes) {
            EXPECT_FALSE(purposeCodes.contains(entry.code)) << entry.code.toStdString();
            purposeCodes.insert(entry.code);
        }
        for (const ProfileController &entry : profile->controllers) {
            const QString fingerprint =
                QStringList{entry.name,    toString(entry.kind), entry.address,       entry.country,
                            entry.contact, entry.dpoContact,     entry.representative}
                    .join(QLatin1Char('|'));
            if (controllers.contains(entry.code)) {
                EXPECT_EQ(controllers.value(entry.code), fingerprint) << entry.code.toStdString();
            }
            controllers.insert(entry.code, fingerprint);
        }
    }
}

TEST(ProfileLoaderTest, SavaniukEncodesSection23)
{
    const Profile profile = loadBuiltIn("savaniuk.profile");
    EXPECT_EQ(codes(profile), (QStringList{QStringLiteral("sg-registration"), QStringLiteral("sg-security"),
                                           QStringLiteral("sg-backup"), QStringLiteral("sg-card-payment"),
                                           QStringLiteral("sg-bank-transfer"), QStringLiteral("sg-appeals"),
                                           QStringLiteral("sg-info-projects"), QStringLiteral("sg-site-statistics")}));
    ASSERT_EQ(profile.controllers.size(), 1);
    EXPECT_EQ(profile.controllers.at(0).kind, ControllerKind::Own);
    EXPECT_EQ(profile.controllers.at(0).country, QStringLiteral("BY"));

    const LegalGround grounds[] = {LegalGround::Contract, LegalGround::Contract,          LegalGround::Contract,
                                   LegalGround::Contract, LegalGround::Contract,          LegalGround::Consent,
                                   LegalGround::Consent,  LegalGround::LegitimateInterest};
    for (int i = 0; i < profile.purposes.size(); ++i) {
        EXPECT_EQ(profile.purposes.at(i).ground, grounds[i]) << profile.purposes.at(i).code.toStdString();
    }

    EXPECT_EQ(purpose(profile, "sg-registration").retention, RetentionKind::ContractTerm);
    EXPECT_EQ(purpose(profile, "sg-registration").dataFields,
              list("name, phone, ip, city, country, browser, language, utm, referrer, cookie_id"));
    EXPECT_EQ(purpose(profile, "sg-security").dataFields, QStringList{QStringLiteral("phone")});
    EXPECT_TRUE(purpose(profile, "sg-security").deletionMethod.contains(QStringLiteral("logs")));
    EXPECT_EQ(purpose(profile, "sg-backup").retention, RetentionKind::BackupCycle);

    const ProfilePurpose &card = purpose(profile, "sg-card-payment");
    EXPECT_EQ(card.dataCategories, QStringList{QStringLiteral("payment")});
    EXPECT_TRUE(card.dataFields.contains(QStringLiteral("card_masked")));
    EXPECT_FALSE(card.dataFields.contains(QStringLiteral("card_number")));
    ASSERT_EQ(card.recipients.size(), 2);
    EXPECT_EQ(card.recipients.at(0).name, QStringLiteral("Bepaid"));
    EXPECT_EQ(card.recipients.at(1).name, QStringLiteral("WebPay"));
    EXPECT_EQ(card.recipients.at(1).country, QStringLiteral("BY"));

    const ProfilePurpose &appeals = purpose(profile, "sg-appeals");
    EXPECT_EQ(appeals.retention, RetentionKind::Fixed);
    EXPECT_EQ(appeals.retentionMonths, 36);
    EXPECT_EQ(appeals.retentionEvent, QStringLiteral("response"));
    EXPECT_EQ(appeals.retentionText, QStringLiteral("3 (three) years after the response to the appeal"));
    EXPECT_EQ(appeals.dataCategories, list("appeal, representative, technical"));
    EXPECT_TRUE(appeals.processingKinds.contains(QStringLiteral("transfer")));

    EXPECT_EQ(purpose(profile, "sg-info-projects").retentionMonths, 36);
    EXPECT_EQ(purpose(profile, "sg-info-projects").retentionEvent, QStringLiteral("registration"));
    EXPECT_EQ(purpose(profile, "sg-site-statistics").retentionMonths, 36);
    EXPECT_EQ(purpose(profile, "sg-site-statistics").retentionEvent, QStringLiteral("visit"));
}

TEST(ProfileLoaderTest, DemoHasWhatTheGeneratorUses)
{
    const Profile profile = loadBuiltIn("demo.profile");
    EXPECT_EQ(codes(profile),
              (QStringList{QStringLiteral("registration"), QStringLiteral("security"), QStringLiteral("backup"),
                           QStringLiteral("card-payment"), QStringLiteral("bank-transfer"), QStringLiteral("appeals"),
                           QStringLiteral("info-projects"), QStringLiteral("site-statistics"),
                           QStringLiteral("client-mailing")}));
    EXPECT_EQ(controller(profile, QStringLiteral("operator")).kind, ControllerKind::Own);
    EXPECT_EQ(controller(profile, QStringLiteral("operator")).country, QStringLiteral("BY"));
    EXPECT_EQ(controller(profile, QStringLiteral("client-retail")).kind, ControllerKind::Client);
    EXPECT_EQ(controller(profile, QStringLiteral("client-retail")).name, QStringLiteral("Minsk Retail LLC"));

    const ProfilePurpose &registration = purpose(profile, "registration");
    EXPECT_EQ(registration.dataCategories, list("account, technical"));
    EXPECT_EQ(registration.dataFields,
              list("name, email, phone, ip, city, country, browser, language, utm, referrer, cookie_id"));
    EXPECT_EQ(purpose(profile, "security").dataFields, QStringList{QStringLiteral("phone")});
    EXPECT_EQ(purpose(profile, "backup").retention, RetentionKind::BackupCycle);
    EXPECT_EQ(purpose(profile, "card-payment").dataFields,
              list("cardholder, card_masked, card_expiry, transaction_id"));
    EXPECT_EQ(purpose(profile, "card-payment").recipients.size(), 2);
    EXPECT_EQ(purpose(profile, "card-payment").recipients.at(0).role, RecipientRole::Processor);
    EXPECT_EQ(purpose(profile, "bank-transfer").dataCategories, list("account, organisation"));
    EXPECT_EQ(purpose(profile, "appeals").ground, LegalGround::Consent);
    EXPECT_EQ(purpose(profile, "appeals").retentionMonths, 36);
    EXPECT_EQ(purpose(profile, "appeals").retentionEvent, QStringLiteral("response"));
    EXPECT_EQ(purpose(profile, "info-projects").dataFields, list("name, email, messenger"));
    EXPECT_EQ(purpose(profile, "info-projects").retentionEvent, QStringLiteral("registration"));
    EXPECT_EQ(purpose(profile, "site-statistics").ground, LegalGround::LegitimateInterest);
    EXPECT_EQ(purpose(profile, "site-statistics").retentionEvent, QStringLiteral("visit"));

    const ProfilePurpose &mailing = purpose(profile, "client-mailing");
    EXPECT_EQ(mailing.controller, QStringLiteral("client-retail"));
    EXPECT_EQ(mailing.dataCategories, QStringList{QStringLiteral("recipient")});
    EXPECT_EQ(mailing.dataFields, list("email, name, tags, segments"));
    EXPECT_EQ(mailing.ground, LegalGround::Consent);
    EXPECT_EQ(mailing.retention, RetentionKind::UntilWithdrawal);
    ASSERT_FALSE(mailing.recipients.isEmpty());
    EXPECT_EQ(mailing.recipients.last().country, QStringLiteral("DE"));
    EXPECT_EQ(mailing.recipients.last().safeguards, QStringLiteral("standard contractual clauses"));
}

TEST(ProfileLoaderTest, VoiceServiceIsProcessorForUsersAndControllerForItself)
{
    const Profile profile = loadBuiltIn("voice-service.profile");
    EXPECT_EQ(profile.policyVersion, QStringLiteral("2026-04-27"));
    const ProfilePurpose &voice = purpose(profile, "vs-voice-calls");
    EXPECT_EQ(controller(profile, voice.controller).kind, ControllerKind::Client);
    EXPECT_EQ(voice.dataCategories, QStringList{QStringLiteral("voice")});
    EXPECT_TRUE(voice.dataFields.contains(QStringLiteral("audio_ref")));
    const ProfilePurpose &integrations = purpose(profile, "vs-integrations");
    EXPECT_EQ(integrations.dataCategories, QStringList{QStringLiteral("integration")});
    EXPECT_TRUE(integrations.dataFields.contains(QStringLiteral("access_token")));
    EXPECT_EQ(controller(profile, purpose(profile, "vs-registration").controller).kind, ControllerKind::Own);
    EXPECT_EQ(purpose(profile, "vs-legal").ground, LegalGround::LegalObligation);
    EXPECT_EQ(purpose(profile, "vs-security").ground, LegalGround::LegitimateInterest);
    EXPECT_EQ(purpose(profile, "vs-payments").retention, RetentionKind::Legal);

    // §7.2: five categories of third parties, each with the transfer safeguards of §7.5.3.
    QSet<QString> categories;
    for (const ProfilePurpose &entry : profile.purposes) {
        for (const ProfileRecipient &recipient : entry.recipients) {
            if (recipient.role != RecipientRole::Authority) {
                categories.insert(recipient.name);
                EXPECT_TRUE(recipient.safeguards.startsWith(QStringLiteral("standard contractual clauses")));
            }
        }
    }
    EXPECT_EQ(categories.size(), 6); // the five of §7.2 plus the web analytics services of §5.3
}

TEST(ProfileLoaderTest, DynaMailRecipientsBelongToTheSendingClient)
{
    const Profile profile = loadBuiltIn("dynamail.profile");
    const ProfilePurpose &campaigns = purpose(profile, "dm-campaigns");
    EXPECT_EQ(controller(profile, campaigns.controller).kind, ControllerKind::Client);
    EXPECT_EQ(campaigns.dataCategories, QStringList{QStringLiteral("recipient")});
    EXPECT_EQ(campaigns.dataFields, list("email, name, tags, segments"));
    EXPECT_EQ(purpose(profile, "dm-integrations").dataFields, list("api_key, endpoint_address, integration_id"));
    EXPECT_EQ(controller(profile, QStringLiteral("sqilsoft")).address, QStringLiteral("Grodno, Republic of Belarus"));
}

TEST(ProfileLoaderTest, DynaAssistantKeepsIntegrationData)
{
    const Profile profile = loadBuiltIn("dynaassistant.profile");
    const ProfilePurpose &processes = purpose(profile, "da-processes");
    EXPECT_EQ(processes.dataCategories, QStringList{QStringLiteral("integration")});
    EXPECT_TRUE(processes.dataFields.contains(QStringLiteral("api_key")));
    EXPECT_EQ(purpose(profile, "da-improvement").retention, RetentionKind::UntilWithdrawal);
    EXPECT_EQ(controller(profile, QStringLiteral("sqilsoft")).country, QStringLiteral("BY"));
}

TEST(ProfileLoaderTest, AiAssistantsBlocksDuringVerification)
{
    const Profile profile = loadBuiltIn("ai-assistants.profile");
    EXPECT_EQ(profile.purposes.size(), 11);
    const ProfilePurpose &verification = purpose(profile, "ai-verification");
    EXPECT_TRUE(verification.processingKinds.contains(QStringLiteral("blocking during verification")));
    EXPECT_EQ(purpose(profile, "ai-agreements").ground, LegalGround::Contract);
    for (const ProfilePurpose &entry : profile.purposes) {
        ASSERT_FALSE(entry.recipients.isEmpty()) << entry.code.toStdString();
        EXPECT_EQ(entry.recipients.last().role, RecipientRole::Authority);
    }
}

TEST(ProfileLoaderTest, ReadsEveryPartOfTheFormat)
{
    const QString text =
        QString(QChar(0xFEFF)) + QStringLiteral("# comment\r\n"
                                                "[profile]\r\n"
                                                "name = Full\r\n"
                                                "source = seed 9\r\n"
                                                "policy_version = 2026-05-01\r\n"
                                                "\r\n"
                                                "   # indented comment\n"
                                                "[purpose later]\n"
                                                "controller = acme\n"
                                                "system = crm\n"
                                                "title = Defined before its controller\n"
                                                "description = a = b\n"
                                                "ground = legitimate-interest\n"
                                                "legal_reference = art. 6(1)(f)\n"
                                                "subjects = Customers , Visitors\n"
                                                "categories = account,technical\n"
                                                "fields = name, email\n"
                                                "processing = collection, storage\n"
                                                "retention = 2 years after contract-end\n"
                                                "deletion = overwrite\n"
                                                "security = encryption\n"
                                                "countries = BY, DE\n"
                                                "recipient = Host | processor | DE | SCC | DPA 2021 | extra\n"
                                                "special = yes\n"
                                                "special_condition = art. 9(2)(a)\n"
                                                "source = the subject\n"
                                                "category_retention = technical | 6 months "
                                                "after collection | anonymize | half a year\n"
                                                "automated_decisions = scoring\n"
                                                "dpia = in-progress\n"
                                                "retired = 2026-06-30\n"
                                                "[controller acme]\n"
                                                "name = Acme\n"
                                                "kind = client\n"
                                                "address = Minsk\n"
                                                "country = BY\n"
                                                "contact = privacy@acme.example\n"
                                                "dpo = dpo@acme.example\n"
                                                "representative = Rep GmbH\n"
                                                "joint_controller = Partner LLC\n"
                                                "contract = DPA 7/2025\n"
                                                "[system crm]\n"
                                                "name = CRM\n"
                                                "controller = acme\n"
                                                "description = customers\n"
                                                "location = Minsk\n");
    Result<Profile> parsed = ProfileLoader::parse(text, QStringLiteral("full.profile"));
    // The recipient above has five parts: refused. Fix it and parse again.
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(
        parsed.error().message.startsWith(QStringLiteral("full.profile:23: field 'recipient': found 6 part(s)")))
        << parsed.error().message.toStdString();

    parsed = ProfileLoader::parse(QString(text).replace(QStringLiteral(" | extra"), QString()),
                                  QStringLiteral("full.profile"));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    const Profile &profile = parsed.value();
    EXPECT_EQ(profile.name, QStringLiteral("Full"));
    EXPECT_EQ(profile.source, QStringLiteral("seed 9"));
    EXPECT_EQ(profile.policyVersion, QStringLiteral("2026-05-01"));
    ASSERT_EQ(profile.controllers.size(), 1);
    const ProfileController &acme = profile.controllers.at(0);
    EXPECT_EQ(acme.kind, ControllerKind::Client);
    EXPECT_EQ(acme.address, QStringLiteral("Minsk"));
    EXPECT_EQ(acme.dpoContact, QStringLiteral("dpo@acme.example"));
    EXPECT_EQ(acme.representative, QStringLiteral("Rep GmbH"));
    EXPECT_EQ(acme.jointController, QStringLiteral("Partner LLC"));
    EXPECT_EQ(acme.contract, QStringLiteral("DPA 7/2025"));
    EXPECT_EQ(acme.line, 31);
    ASSERT_EQ(profile.systems.size(), 1);
    EXPECT_EQ(profile.systems.at(0).controller, QStringLiteral("acme"));
    EXPECT_EQ(profile.systems.at(0).location, QStringLiteral("Minsk"));
    ASSERT_EQ(profile.purposes.size(), 1);
    const ProfilePurpose &later = profile.purposes.at(0);
    EXPECT_EQ(later.line, 8);
    EXPECT_EQ(later.system, QStringLiteral("crm"));
    EXPECT_EQ(later.description, QStringLiteral("a = b"));
    EXPECT_EQ(later.ground, LegalGround::LegitimateInterest);
    EXPECT_EQ(later.subjectCategories, list("Customers, Visitors"));
    EXPECT_EQ(later.dataCategories, list("account, technical"));
    EXPECT_EQ(later.retention, RetentionKind::Fixed);
    EXPECT_EQ(later.retentionMonths, 24);
    EXPECT_EQ(later.retentionEvent, QStringLiteral("contract-end"));
    EXPECT_EQ(later.retentionText, QStringLiteral("2 years after contract-end")); // defaults to the rule
    EXPECT_EQ(later.countries, list("BY, DE"));
    ASSERT_EQ(later.recipients.size(), 1);
    EXPECT_EQ(later.recipients.at(0).name, QStringLiteral("Host"));
    EXPECT_EQ(later.recipients.at(0).role, RecipientRole::Processor);
    EXPECT_EQ(later.recipients.at(0).country, QStringLiteral("DE"));
    EXPECT_EQ(later.recipients.at(0).safeguards, QStringLiteral("SCC"));
    EXPECT_EQ(later.recipients.at(0).contract, QStringLiteral("DPA 2021"));
    EXPECT_TRUE(later.specialCategory);
    EXPECT_EQ(later.specialCondition, QStringLiteral("art. 9(2)(a)"));
    EXPECT_EQ(later.dataSource, QStringLiteral("the subject"));
    ASSERT_EQ(later.categoryRetention.size(), 1);
    EXPECT_EQ(later.categoryRetention.at(0).category, QStringLiteral("technical"));
    EXPECT_EQ(later.categoryRetention.at(0).retention, RetentionKind::Fixed);
    EXPECT_EQ(later.categoryRetention.at(0).retentionMonths, 6);
    EXPECT_EQ(later.categoryRetention.at(0).retentionEvent, QStringLiteral("collection"));
    EXPECT_EQ(later.categoryRetention.at(0).retentionAction, RetentionAction::Anonymize);
    EXPECT_EQ(later.categoryRetention.at(0).retentionText, QStringLiteral("half a year"));
    EXPECT_EQ(later.automatedDecisions, QStringLiteral("scoring"));
    EXPECT_EQ(later.dpia, DpiaStatus::InProgress);
    EXPECT_EQ(later.retiredOn, QStringLiteral("2026-06-30"));
}

TEST(ProfileLoaderTest, RetentionRules)
{
    struct Case
    {
        const char *text;
        RetentionKind kind;
        int months;
        const char *event;
    };
    const Case cases[] = {{"contract-term", RetentionKind::ContractTerm, 0, ""},
                          {"legal", RetentionKind::Legal, 0, ""},
                          {"backup-cycle", RetentionKind::BackupCycle, 0, ""},
                          {"until-withdrawal", RetentionKind::UntilWithdrawal, 0, ""},
                          {"18 months after collection", RetentionKind::Fixed, 18, "collection"},
                          {"1 month after withdrawal", RetentionKind::Fixed, 1, "withdrawal"},
                          {"1 year after registration", RetentionKind::Fixed, 12, "registration"},
                          {"5 years after contract-end", RetentionKind::Fixed, 60, "contract-end"}};
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const QString text = QStringLiteral("[profile]\nname = R\npolicy_version = 1\n[controller a]\nname = A\n"
                                            "kind = own\n[purpose p]\ncontroller = a\ntitle = T\nground = consent\n"
                                            "retention = ") +
                             QLatin1String(c.text) + QLatin1Char('\n');
        Result<Profile> parsed = ProfileLoader::parse(text, QStringLiteral("r.profile"));
        ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
        const ProfilePurpose &p = parsed->purposes.at(0);
        EXPECT_EQ(p.retention, c.kind);
        EXPECT_EQ(p.retentionMonths, c.months);
        EXPECT_EQ(p.retentionEvent, QLatin1String(c.event));
        EXPECT_EQ(p.retentionAction, RetentionAction::Delete) << "delete unless the profile says otherwise";
    }
    const QString anonymized = QStringLiteral("[profile]\nname = R\npolicy_version = 1\n[controller a]\nname = A\n"
                                              "kind = own\n[purpose p]\ncontroller = a\ntitle = T\nground = consent\n"
                                              "retention = legal\nretention_action = anonymize\n");
    Result<Profile> parsed = ProfileLoader::parse(anonymized, QStringLiteral("r.profile"));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->purposes.at(0).retentionAction, RetentionAction::Anonymize);
}

TEST(ProfileLoaderTest, LoadsFromDisk)
{
    Result<Profile> profile = ProfileLoader::load(testData("profiles/minimal.profile"));
    ASSERT_TRUE(profile.ok()) << profile.error().message.toStdString();
    EXPECT_EQ(profile->name, QStringLiteral("Minimal"));
    EXPECT_EQ(profile->purposes.size(), 1);
    EXPECT_TRUE(profile->purposes.at(0).countries.isEmpty());
}

TEST(ProfileLoaderTest, DiskErrorsNameThePath)
{
    const QString broken = testData("profiles/unknown-controller.profile");
    Result<Profile> profile = ProfileLoader::load(broken);
    ASSERT_FALSE(profile.ok());
    EXPECT_EQ(profile.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(profile.error().message,
              broken + QStringLiteral(":13: field 'controller': no [controller acne] in this profile "
                                      "(expected one of: acme)"));

    const QString missing = testData("profiles/no-such.profile");
    profile = ProfileLoader::load(missing);
    ASSERT_FALSE(profile.ok());
    EXPECT_EQ(profile.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(profile.error().message.startsWith(missing + QStringLiteral(": cannot read the profile")));

    QTemporaryDir dir;
    const QString latin1 = dir.filePath(QStringLiteral("latin1.profile"));
    QFile file(latin1);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[profile]\nname = Caf\xe9\n");
    file.close();
    profile = ProfileLoader::load(latin1);
    ASSERT_FALSE(profile.ok());
    EXPECT_EQ(profile.error().message, latin1 + QStringLiteral(": the profile is not UTF-8 text (expected a UTF-8 "
                                                               "text file)"));
}

TEST(ProfileLoaderTest, AFileWithoutEndIsRefusedAfterTheLimitAndNotReadOn)
{
    // A character device has no size to check first: reading stops after the limit.
    const Result<Profile> zero = ProfileLoader::load(QStringLiteral("/dev/zero"));
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(zero.error().message, QStringLiteral("/dev/zero: the profile is larger than 64 MiB"));
}
