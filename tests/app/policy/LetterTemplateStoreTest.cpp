#include "ServiceFixture.h"

#include "app/domain/LetterTemplate.h"
#include "app/policy/LetterTemplateStore.h"
#include "app/storage/Database.h"

using namespace pd;
using namespace pd::test;

class LetterTemplateStoreTest : public ServiceFixture
{
protected:
    qint64 subjects() const override { return 5; }
    qint64 auditCount(const char *action)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {QLatin1String(action)})
            .toLongLong();
    }
    QString text(const char *language = "en")
    {
        Result<QString> stored = LetterTemplateStore::text(db(), QLatin1String(language), QStringLiteral("reply"));
        EXPECT_TRUE(stored.ok()) << stored.error().message.toStdString();
        return stored.ok() ? stored.value() : QString();
    }
    QString builtIn(const char *language = "en")
    {
        return LetterTemplateStore::builtIn(QLatin1String(language), QStringLiteral("reply")).value();
    }
};

TEST_P(LetterTemplateStoreTest, BuiltInTemplatesAreUsedUntilOneIsSaved)
{
    EXPECT_TRUE(builtIn("en").contains(QStringLiteral("{{requester_name}}")));
    EXPECT_TRUE(builtIn("ru").contains(QString::fromUtf8("На заявление от")));
    EXPECT_EQ(text("en"), builtIn("en"));
    const Result<LetterTemplateStore::Stored> stored =
        LetterTemplateStore::find(db(), QStringLiteral("ru"), QStringLiteral("reply"));
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->builtIn);
    // Both built-in templates render.
    for (const QString &language : LetterTemplate::languages()) {
        EXPECT_FALSE(LetterTemplate::check(builtIn(language.toLatin1().constData())).has_value());
    }
    EXPECT_FALSE(LetterTemplateStore::text(db(), QStringLiteral("de"), QStringLiteral("reply")).ok());
    EXPECT_FALSE(LetterTemplateStore::text(db(), QStringLiteral("en"), QStringLiteral("memo")).ok());
}

TEST_P(LetterTemplateStoreTest, AnOfficerSavesATemplateAndItIsAudited)
{
    const QString body = QStringLiteral("Dear {{requester_name}},\n{{outcome}}\nKind regards, {{signatory}}\n");
    const Status saved =
        LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"), body);
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(text("en"), body);
    EXPECT_EQ(text("ru"), builtIn("ru")); // the other language is untouched
    const Result<LetterTemplateStore::Stored> stored =
        LetterTemplateStore::find(db(), QStringLiteral("en"), QStringLiteral("reply"));
    ASSERT_TRUE(stored.ok());
    EXPECT_FALSE(stored->builtIn);
    EXPECT_EQ(stored->updatedBy, QStringLiteral("officer"));
    EXPECT_FALSE(stored->updatedAt.isEmpty());
    EXPECT_EQ(auditCount("letter-template.save"), 1);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT object_id FROM audit_log WHERE action = 'letter-template.save'")).toString(),
        QStringLiteral("reply/en"));

    // A second save replaces the first.
    const QString second = QStringLiteral("Hello {{requester_name}}");
    ASSERT_TRUE(
        LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"), second).ok());
    EXPECT_EQ(text("en"), second);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM letter_templates")).toInt(), 1);
    EXPECT_EQ(auditCount("letter-template.save"), 2);
}

TEST_P(LetterTemplateStoreTest, AgentsAndAuditorsMayNotChangeTemplates)
{
    const QString body = QStringLiteral("Hi {{requester_name}}");
    for (const char *who : {"agent", "auditor", "admin"}) {
        const Status refused =
            LetterTemplateStore::save(db(), as(who), QStringLiteral("en"), QStringLiteral("reply"), body);
        ASSERT_FALSE(refused.ok()) << who;
        EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("may not change reply-letter templates")))
            << refused.error().message.toStdString();
        EXPECT_FALSE(LetterTemplateStore::reset(db(), as(who), QStringLiteral("en"), QStringLiteral("reply")).ok());
    }
    EXPECT_EQ(text("en"), builtIn("en"));
    EXPECT_EQ(auditCount("letter-template.save"), 0);
}

TEST_P(LetterTemplateStoreTest, ABrokenTemplateIsRefusedAndTheStoredOneKept)
{
    const QString good = QStringLiteral("Dear {{requester_name}}");
    ASSERT_TRUE(
        LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"), good).ok());
    const Status refused = LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"),
                                                     QStringLiteral("Dear {{requester_name}}\n{{nope}}"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("line 2"))) << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("{{nope}}")));
    EXPECT_FALSE(LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"),
                                           QStringLiteral("{{#outcome}} unclosed"))
                     .ok());
    EXPECT_FALSE(LetterTemplateStore::save(db(), as("officer"), QStringLiteral("en"), QStringLiteral("reply"),
                                           QStringLiteral("  \n"))
                     .ok());
    EXPECT_EQ(text("en"), good);
    EXPECT_EQ(auditCount("letter-template.save"), 1);
}

TEST_P(LetterTemplateStoreTest, ResetGoesBackToTheBuiltInTemplate)
{
    ASSERT_TRUE(LetterTemplateStore::save(db(), as("officer"), QStringLiteral("ru"), QStringLiteral("reply"),
                                          QString::fromUtf8("Уважаемый {{requester_name}}"))
                    .ok());
    ASSERT_TRUE(LetterTemplateStore::reset(db(), as("officer"), QStringLiteral("ru"), QStringLiteral("reply")).ok());
    EXPECT_EQ(text("ru"), builtIn("ru"));
    EXPECT_EQ(auditCount("letter-template.reset"), 1);
    // Resetting a built-in template changes nothing and records nothing.
    ASSERT_TRUE(LetterTemplateStore::reset(db(), as("officer"), QStringLiteral("ru"), QStringLiteral("reply")).ok());
    EXPECT_EQ(auditCount("letter-template.reset"), 1);
}

TEST_P(LetterTemplateStoreTest, ControllerFieldsComeFromTheRegister)
{
    LetterFields fields;
    ASSERT_TRUE(LetterTemplateStore::fillController(db(), 0, fields).ok());
    const QString own =
        scalar(QStringLiteral("SELECT name FROM controllers WHERE kind = 'own' ORDER BY id")).toString();
    EXPECT_EQ(fields.controllerName, own);
    EXPECT_FALSE(fields.controllerName.isEmpty());
    const Status missing = LetterTemplateStore::fillController(db(), 999999, fields);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

PD_INSTANTIATE_FOR_BACKENDS(LetterTemplateStoreTest);
