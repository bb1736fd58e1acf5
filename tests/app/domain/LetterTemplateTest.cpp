#include "app/domain/LetterTemplate.h"

#include <gtest/gtest.h>

#include <QFile>

using namespace pd;

namespace {

LetterFields fields(const QString &language = QStringLiteral("en"))
{
    LetterFields f = LetterTemplate::sampleFields(language);
    f.requestNumber = QStringLiteral("42");
    f.requesterName = QStringLiteral("Jane Roe");
    f.receivedDate = QDate(2026, 11, 23);
    return f;
}

QString render(const QString &templateText, const LetterFields &f = fields())
{
    Result<QString> rendered = LetterTemplate::render(templateText, f);
    EXPECT_TRUE(rendered.ok()) << rendered.error().message.toStdString();
    return rendered.ok() ? rendered.value() : QString();
}

QString errorOf(const QString &templateText)
{
    Result<QString> rendered = LetterTemplate::render(templateText, fields());
    EXPECT_FALSE(rendered.ok()) << templateText.toStdString();
    if (!rendered.ok()) {
        EXPECT_EQ(rendered.error().code, ErrorCode::InvalidArgument);
    }
    return rendered.ok() ? QString() : rendered.error().message;
}

QString builtIn(const QString &language)
{
    QFile file(QStringLiteral(PRIVACYDESK_SOURCE_DIR "/resources/templates/reply_%1.txt").arg(language));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST(LetterTemplate, ReplacesPlaceholdersWithTheirValuesAsText)
{
    LetterFields f = fields();
    f.outcome = QStringLiteral("Done: <b>{{request_number}}</b> & more");
    EXPECT_EQ(render(QStringLiteral("Dear {{requester_name}}, re No. {{ request_number }} of {{received_date}}.\n"
                                    "{{outcome}}"),
                     f),
              QStringLiteral("Dear Jane Roe, re No. 42 of 23 November 2026.\n"
                             "Done: <b>{{request_number}}</b> & more")); // a value is never read as a template
}

TEST(LetterTemplate, SectionsShowWhenTheValueIsThereAndInvertedOnesWhenItIsNot)
{
    const QString text =
        QStringLiteral("Start\n"
                       "{{#refusal_ground}}\n"
                       "Refused: {{refusal_ground}}\n"
                       "{{/refusal_ground}}\n"
                       "{{^refusal_ground}}\n"
                       "{{outcome}}\n"
                       "{{/refusal_ground}}\n"
                       "End{{#representative_name}} (via {{representative_name}}){{/representative_name}}\n");
    LetterFields f = fields();
    f.outcome = QStringLiteral("Erased.");
    // Tags alone on their line leave no blank line behind; inline ones keep the line.
    EXPECT_EQ(render(text, f), QStringLiteral("Start\nErased.\nEnd\n"));
    f.refusalGround = QStringLiteral("manifestly unfounded");
    f.representativeName = QStringLiteral("Lawyer & Co");
    EXPECT_EQ(render(text, f), QStringLiteral("Start\nRefused: manifestly unfounded\nEnd (via Lawyer & Co)\n"));
    f.refusalGround = QStringLiteral("   "); // blank counts as empty
    EXPECT_TRUE(render(text, f).contains(QStringLiteral("Erased.")));
}

TEST(LetterTemplate, SectionsNest)
{
    LetterFields f = fields();
    f.refusalGround = QStringLiteral("ground");
    f.outcome = QStringLiteral("part done");
    const QString text =
        QStringLiteral("{{#refusal_ground}}A{{#outcome}}B{{/outcome}}{{^outcome}}C{{/outcome}}{{/refusal_ground}}");
    EXPECT_EQ(render(text, f), QStringLiteral("AB"));
    f.outcome.clear();
    EXPECT_EQ(render(text, f), QStringLiteral("AC"));
}

TEST(LetterTemplate, UnknownPlaceholderIsNamedWithItsLine)
{
    const QString message = errorOf(QStringLiteral("Dear {{requester_name}},\n\nYour {{nope}} is here."));
    EXPECT_TRUE(message.contains(QStringLiteral("line 3"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("{{nope}}"))) << message.toStdString();
    const std::optional<TemplateProblem> problem = LetterTemplate::check(QStringLiteral("a\n{{Requester Name}}"));
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->line, 2);
    EXPECT_EQ(problem->placeholder, QStringLiteral("Requester Name"));
}

TEST(LetterTemplate, UnbalancedSectionsAreNamedWithTheirLines)
{
    QString message = errorOf(QStringLiteral("x\n{{#refusal_ground}}\nRefused"));
    EXPECT_TRUE(message.contains(QStringLiteral("line 2"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("{{#refusal_ground}}"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("not closed"))) << message.toStdString();

    message = errorOf(QStringLiteral("x\ny\n{{/outcome}}"));
    EXPECT_TRUE(message.contains(QStringLiteral("line 3"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("{{/outcome}}"))) << message.toStdString();

    message = errorOf(QStringLiteral("{{#outcome}}\n{{#refusal_ground}}\n{{/outcome}}\n{{/refusal_ground}}"));
    EXPECT_TRUE(message.contains(QStringLiteral("line 3"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("line 2"))) << message.toStdString();

    message = errorOf(QStringLiteral("one\ntwo {{outcome"));
    EXPECT_TRUE(message.contains(QStringLiteral("line 2"))) << message.toStdString();
    EXPECT_FALSE(LetterTemplate::check(QStringLiteral("{{#outcome}}{{/outcome}}")).has_value());
}

TEST(LetterTemplate, UnsupportedLanguageIsRefused)
{
    LetterFields f = fields();
    f.language = QStringLiteral("de");
    Result<QString> rendered = LetterTemplate::render(QStringLiteral("x"), f);
    ASSERT_FALSE(rendered.ok());
    EXPECT_TRUE(rendered.error().message.contains(QStringLiteral("'de'")));
}

TEST(LetterTemplate, DatesAreWrittenInTheLettersLanguage)
{
    const QDate date(2026, 11, 23);
    EXPECT_EQ(LetterTemplate::formatDate(date, QStringLiteral("en")), QStringLiteral("23 November 2026"));
    EXPECT_EQ(LetterTemplate::formatDate(date, QStringLiteral("ru")), QString::fromUtf8("23 ноября 2026 г."));
    EXPECT_EQ(LetterTemplate::formatDate(QDate(2026, 3, 1), QStringLiteral("ru")),
              QString::fromUtf8("1 марта 2026 г."));
    EXPECT_EQ(LetterTemplate::formatDate(QDate(), QStringLiteral("en")), QString());
}

TEST(LetterTemplate, LawsTypesAndAuthoritiesInTheLettersLanguage)
{
    EXPECT_EQ(LetterTemplate::lawName(Regime::By99z, QStringLiteral("ru")),
              QString::fromUtf8("Закон Республики Беларусь от 7 мая 2021 г. № 99-З «О защите персональных данных»"));
    EXPECT_EQ(LetterTemplate::lawName(Regime::Ru152fz, QStringLiteral("ru")),
              QString::fromUtf8("Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»"));
    EXPECT_TRUE(LetterTemplate::lawName(Regime::Gdpr, QStringLiteral("ru"))
                    .startsWith(QString::fromUtf8("Регламент (ЕС) 2016/679")));
    EXPECT_TRUE(LetterTemplate::lawName(Regime::Gdpr, QStringLiteral("en"))
                    .startsWith(QStringLiteral("Regulation (EU) 2016/679")));
    EXPECT_EQ(LetterTemplate::article(Regime::Gdpr, RequestType::Erasure, QStringLiteral("en")),
              QStringLiteral("art. 17"));
    EXPECT_EQ(LetterTemplate::article(Regime::By99z, RequestType::Erasure, QStringLiteral("ru")),
              QString::fromUtf8("ст. 13"));
    EXPECT_EQ(LetterTemplate::authority(Regime::By99z, QStringLiteral("ru")),
              QString::fromUtf8("Национальный центр защиты персональных данных Республики Беларусь"));
    EXPECT_EQ(LetterTemplate::requestTypeName(RequestType::Rectification, QStringLiteral("en")),
              QStringLiteral("rectification of personal data"));
    // Every regime, type and language has words for every placeholder.
    for (const QString &language : LetterTemplate::languages()) {
        for (int regime = 0; regime <= int(Regime::BrLgpd); ++regime) {
            for (int type = 0; type <= int(RequestType::Complaint); ++type) {
                LetterFields f = fields(language);
                f.regime = Regime(regime);
                f.requestType = RequestType(type);
                for (const QString &name :
                     {QStringLiteral("law"), QStringLiteral("article"), QStringLiteral("authority"),
                      QStringLiteral("complaint_article"), QStringLiteral("request_type")}) {
                    EXPECT_FALSE(LetterTemplate::value(name, f).isEmpty())
                        << name.toStdString() << ' ' << toString(f.regime).toStdString() << ' '
                        << toString(f.requestType).toStdString() << ' ' << language.toStdString();
                }
            }
        }
    }
}

TEST(LetterTemplate, EveryPlaceholderHasADescriptionAndAValue)
{
    const LetterFields f = LetterTemplate::sampleFields(QStringLiteral("en"));
    for (const QString &name : LetterTemplate::placeholders()) {
        EXPECT_FALSE(LetterTemplate::describe(name).isEmpty()) << name.toStdString();
        if (name != QLatin1String("representative_name") && name != QLatin1String("refusal_ground")) {
            EXPECT_FALSE(LetterTemplate::value(name, f).isEmpty()) << name.toStdString();
        }
    }
}

TEST(LetterTemplate, BuiltInEnglishReplyCoversCompletionAndRefusal)
{
    LetterFields f = fields();
    f.regime = Regime::Gdpr;
    f.requestType = RequestType::Erasure;
    f.replyDate = QDate(2026, 12, 1);
    f.outcome = QStringLiteral("Your data were erased.");
    QString letter = render(builtIn(QStringLiteral("en")), f);
    EXPECT_TRUE(
        letter.contains(QStringLiteral("Re: your request of 23 November 2026, No. 42 (erasure of personal data)")))
        << letter.toStdString();
    EXPECT_TRUE(letter.contains(QStringLiteral("Dear Jane Roe,")));
    EXPECT_TRUE(
        letter.contains(QStringLiteral("Regulation (EU) 2016/679 (General Data Protection Regulation) (art. 17)")));
    EXPECT_TRUE(letter.contains(QStringLiteral("Your data were erased.")));
    EXPECT_TRUE(letter.contains(QStringLiteral("lodge a complaint with a supervisory authority")));
    EXPECT_TRUE(letter.contains(QStringLiteral("1 December 2026")));
    EXPECT_FALSE(letter.contains(QStringLiteral("cannot comply")));
    EXPECT_FALSE(letter.contains(QStringLiteral("\n\n\n"))) << letter.toStdString();
    EXPECT_FALSE(letter.contains(QStringLiteral("{{")));

    f.outcome.clear();
    f.refusalGround = QStringLiteral("the request is manifestly unfounded (art. 12(5)).");
    letter = render(builtIn(QStringLiteral("en")), f);
    EXPECT_TRUE(letter.contains(QStringLiteral("cannot comply with your request, on the following ground: the request "
                                               "is manifestly unfounded")))
        << letter.toStdString();
    EXPECT_FALSE(letter.contains(QStringLiteral("\n\n\n"))) << letter.toStdString();
}

TEST(LetterTemplate, BuiltInRussianReplyCitesTheBelarusianLaw)
{
    LetterFields f = fields(QStringLiteral("ru"));
    f.regime = Regime::By99z;
    f.requestType = RequestType::Erasure;
    f.receivedDate = QDate(2026, 11, 23);
    f.representativeName = QString::fromUtf8("Сидоров С. С.");
    const QString letter = render(builtIn(QStringLiteral("ru")), f);
    EXPECT_TRUE(letter.contains(QString::fromUtf8("На заявление от 23 ноября 2026 г. № 42"))) << letter.toStdString();
    EXPECT_TRUE(letter.contains(QString::fromUtf8("«О защите персональных данных», ст. 13)")));
    EXPECT_TRUE(letter.contains(QString::fromUtf8("представителем Сидоров С. С.,")));
    EXPECT_TRUE(letter.contains(QString::fromUtf8("в Национальный центр защиты персональных данных Республики Беларусь "
                                                  "(ст. 15 Закона № 99-З)")));
    EXPECT_FALSE(letter.contains(QStringLiteral("\n\n\n"))) << letter.toStdString();
}
