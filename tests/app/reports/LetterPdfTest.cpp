#include "app/reports/LetterPdf.h"
#include "PdfText.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "app/domain/LetterTemplate.h"
#include "app/policy/LetterTemplateStore.h"
#include "app/reports/ReplyLetter.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace pd::test {

namespace {

QString builtInReply(const QString &language)
{
    return LetterTemplateStore::builtIn(language, QStringLiteral("reply")).value();
}

} // namespace

TEST(LetterPdfTest, EnglishReplyIsAReadableA4Pdf)
{
    LetterFields fields = LetterTemplate::sampleFields(QStringLiteral("en"));
    fields.requesterName = QStringLiteral("Jane Roe");
    fields.requestNumber = QStringLiteral("314");
    const Result<ReplyLetter::Document> letter = ReplyLetter::fromTemplate(builtInReply(QStringLiteral("en")), fields);
    ASSERT_TRUE(letter.ok()) << letter.error().message.toStdString();
    EXPECT_TRUE(letter->pdf.startsWith("%PDF"));
    EXPECT_EQ(letter->mediaType, QStringLiteral("application/pdf"));

    const QString text = pdfText(letter->pdf);
    EXPECT_TRUE(text.contains(QStringLiteral("Dear Jane Roe,"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Re: your request of 2 November 2026, No. 314"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Yours sincerely,")));

    const QString info = poppler("pdfinfo", letter->pdf);
    EXPECT_TRUE(info.contains(QStringLiteral("Title: Reply to request No. 314"))) << info.toStdString();
    EXPECT_TRUE(info.contains(QStringLiteral("Creator: Privacy Desk"))) << info.toStdString();
    EXPECT_TRUE(info.contains(QStringLiteral("Page size: 595 x 842 pts (A4)"))) << info.toStdString();
    EXPECT_TRUE(info.contains(QStringLiteral("Pages: 1 ")));
    EXPECT_FALSE(info.contains(QStringLiteral("Jane"))); // no personal data in the metadata
}

TEST(LetterPdfTest, RussianReplyKeepsItsCyrillicText)
{
    LetterFields fields = LetterTemplate::sampleFields(QStringLiteral("ru"));
    fields.requesterName = QString::fromUtf8("Лукашэвіч Ірына");
    fields.refusalGround = QString::fromUtf8("заявление не подписано заявителем.");
    fields.outcome.clear();
    const Result<ReplyLetter::Document> letter = ReplyLetter::fromTemplate(builtInReply(QStringLiteral("ru")), fields);
    ASSERT_TRUE(letter.ok()) << letter.error().message.toStdString();
    ASSERT_TRUE(letter->pdf.startsWith("%PDF"));
    const QString text = pdfText(letter->pdf);
    EXPECT_TRUE(text.contains(QString::fromUtf8("Лукашэвіч Ірына"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("В удовлетворении Вашего заявления отказано по следующему основанию: "
                                                "заявление не подписано заявителем.")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("Национальный центр защиты персональных данных")));
    EXPECT_TRUE(text.contains(QString::fromUtf8("«О защите персональных данных»")));
    EXPECT_TRUE(poppler("pdfinfo", letter->pdf).contains(QString::fromUtf8("Title: Ответ на заявление № 123")));
}

TEST(LetterPdfTest, ALongLetterRunsOnToNumberedPagesWithoutLosingText)
{
    QString text;
    for (int i = 1; i <= 120; ++i) {
        text += QStringLiteral("Paragraph %1 of a long list of what was done with the data.\n").arg(i);
    }
    const Result<QByteArray> pdf = LetterPdf::render(text, QStringLiteral("en"), QStringLiteral("Long letter"));
    ASSERT_TRUE(pdf.ok()) << pdf.error().message.toStdString();
    const QString info = poppler("pdfinfo", pdf.value());
    EXPECT_TRUE(info.contains(QStringLiteral("Pages: 3 "))) << info.toStdString();
    const QString extracted = pdfText(pdf.value());
    EXPECT_TRUE(extracted.contains(QStringLiteral("Page 1 of 3")));
    EXPECT_TRUE(extracted.contains(QStringLiteral("Page 3 of 3")));
    for (int i = 1; i <= 120; ++i) {
        EXPECT_TRUE(extracted.contains(QStringLiteral("Paragraph %1 of a long").arg(i))) << i;
    }
}

TEST(LetterPdfTest, BuildUsesTheOfficeTemplateAndNeedsTheRightToHandleRequests)
{
    TestDatabase testDatabase(Backend::SQLite);
    ASSERT_TRUE(testDatabase.database()) << testDatabase.reason().toStdString();
    Database &db = *testDatabase.database();
    const Session officer = makeOperator(db, QStringLiteral("olga"), Role::Officer);
    const Session agent = makeOperator(db, QStringLiteral("artem"), Role::Agent);
    const Session auditor = makeOperator(db, QStringLiteral("aud"), Role::Auditor);
    ASSERT_TRUE(
        LetterTemplateStore::save(db, officer, QStringLiteral("en"), QStringLiteral("reply"),
                                  QStringLiteral("Office letter for {{requester_name}}, No. {{request_number}}."))
            .ok());

    LetterFields fields = LetterTemplate::sampleFields(QStringLiteral("en"));
    fields.requesterName = QStringLiteral("Jane Roe");
    const Result<ReplyLetter::Document> letter = ReplyLetter::build(db, agent, fields);
    ASSERT_TRUE(letter.ok()) << letter.error().message.toStdString();
    EXPECT_EQ(letter->text, QStringLiteral("Office letter for Jane Roe, No. 123."));
    const QString text = pdfText(letter->pdf);
    EXPECT_TRUE(text.contains(QStringLiteral("Office letter for Jane Roe, No. 123."))) << text.toStdString();

    const Result<ReplyLetter::Document> refused = ReplyLetter::build(db, auditor, fields);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
}

} // namespace pd::test
