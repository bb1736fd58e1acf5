// Reading import files without a database: CSV per RFC 4180 with either separator, JSON Lines, header aliases,
// mappings, and the card numbers that are never imported.
#include "app/domain/ImportFile.h"
#include "app/domain/CardNumbers.h"
#include "app/domain/CsvReader.h"
#include "app/domain/FieldRules.h"

#include <gtest/gtest.h>

using namespace pd;

TEST(CardNumbers, FullNumbersAreFoundHoweverTheyAreWritten)
{
    EXPECT_TRUE(cardnumbers::contains(QStringLiteral("4111111111111111")));
    EXPECT_TRUE(cardnumbers::contains(QStringLiteral("paid with 4111 1111 1111 1111 yesterday")));
    EXPECT_TRUE(cardnumbers::contains(QStringLiteral("5500-0000-0000-0004")));
    EXPECT_TRUE(cardnumbers::contains(QStringLiteral("card 4111 1111 1111 1111 123"))) << "a CVV after it";
    EXPECT_TRUE(cardnumbers::contains(QStringLiteral("378282246310005"))) << "15 digits (Amex)";
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("4111111111111112"))) << "fails Luhn";
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("411111******1111"))) << "masked";
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("4111 11** **** 1111")));
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("+375 29 123-45-67"))) << "a phone number";
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("2026-11-23T10:00:00Z")));
    EXPECT_FALSE(cardnumbers::contains(QStringLiteral("12345678901234567890123"))) << "an identifier of 23 digits";
    EXPECT_EQ(cardnumbers::redact(QStringLiteral("a 4111-1111-1111-1111 b")),
              QStringLiteral("a [card number removed] b"));
}

TEST(FieldRulesImport, CountryCodesAndIpAddressesAreChecked)
{
    EXPECT_TRUE(FieldRules::valueProblem(QStringLiteral("country"), QStringLiteral("BY")).isEmpty());
    EXPECT_FALSE(FieldRules::valueProblem(QStringLiteral("country"), QStringLiteral("XX")).isEmpty());
    EXPECT_FALSE(FieldRules::valueProblem(QStringLiteral("country"), QStringLiteral("by")).isEmpty());
    EXPECT_FALSE(FieldRules::valueProblem(QStringLiteral("country"), QStringLiteral("Belarus")).isEmpty());
    for (const char *good : {"192.168.0.1", "10.0.0.0/8", "::1", "2001:db8::7", "fe80::1:2:3:4",
                             "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1"}) {
        EXPECT_TRUE(FieldRules::isIpAddress(QLatin1String(good))) << good;
    }
    for (const char *bad : {"999.1.1.1", "1.2.3", "1.2.3.4.5", "2001:db8::7::1", "12345::", "localhost", "1.2.3.4/33",
                            "1:2:3:4:5:6:7:8:9"}) {
        EXPECT_FALSE(FieldRules::isIpAddress(QLatin1String(bad))) << bad;
    }
    const QString problem = FieldRules::valueProblem(QStringLiteral("ip"), QStringLiteral("999.1.1.1"));
    EXPECT_TRUE(problem.contains(QStringLiteral("'ip'")));
    EXPECT_FALSE(problem.contains(QStringLiteral("999"))) << "never the value";
}

TEST(ImportFileCsv, SemicolonsBomCrlfAndQuotedFieldsAreRead)
{
    const QString text = QStringLiteral("\xFEFF"
                                        "Full Name;E-mail;Notes\r\n"
                                        "\"Навіцкі; Алесь\";ales@example.by;\"said \"\"hi\"\"\r\nand left\"\r\n"
                                        "Anna;anna@example.org;\r\n");
    const Result<ImportFile> file = ImportFile::parse(text, QStringLiteral("people.csv"), {});
    ASSERT_TRUE(file.ok()) << file.error().message.toStdString();
    EXPECT_EQ(file->separator, QChar(u';'));
    EXPECT_EQ(file->header,
              (QStringList{QStringLiteral("Full Name"), QStringLiteral("E-mail"), QStringLiteral("Notes")}));
    ASSERT_EQ(file->records.size(), 2);
    EXPECT_EQ(file->value(file->records.at(0), QStringLiteral("full_name")), QStringLiteral("Навіцкі; Алесь"));
    EXPECT_EQ(file->value(file->records.at(0), QStringLiteral("email")), QStringLiteral("ales@example.by"));
    EXPECT_EQ(file->records.at(0).values.at(2), QStringLiteral("said \"hi\"\r\nand left"));
    EXPECT_EQ(file->records.at(1).row, 3) << "rows as a spreadsheet numbers them";
    ASSERT_EQ(file->warnings.size(), 1);
    EXPECT_TRUE(file->warnings.first().contains(QStringLiteral("'Notes'")));
}

TEST(ImportFileCsv, AMappingDecidesWhereColumnsGoAndTwoColumnsCannotShareATarget)
{
    ImportFile::Options options;
    const Result<QHash<QString, QString>> mapping = ImportFile::readMapping(
        QStringLiteral("# from the shop's export\nKundennummer = external_id\nStadt = account.city\nNotiz = ignore\n"),
        QStringLiteral("shop.map"));
    ASSERT_TRUE(mapping.ok()) << mapping.error().message.toStdString();
    options.mapping = mapping.value();
    const Result<ImportFile> file = ImportFile::parse(
        QStringLiteral("Kundennummer,name,Stadt,Notiz\nK-1,Anna,Minsk,x\n"), QStringLiteral("shop.csv"), options);
    ASSERT_TRUE(file.ok()) << file.error().message.toStdString();
    EXPECT_EQ(file->value(file->records.first(), QStringLiteral("external_id")), QStringLiteral("K-1"));
    EXPECT_EQ(file->targets.at(2).toString(), QStringLiteral("account.city"));
    EXPECT_TRUE(file->warnings.isEmpty()) << "an ignored column that the mapping names is no surprise";

    const Result<ImportFile> twice =
        ImportFile::parse(QStringLiteral("name,full_name\nA,B\n"), QStringLiteral("twice.csv"), {});
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(twice.error().message.contains(QStringLiteral("both go to 'full_name'")))
        << twice.error().message.toStdString();

    const Result<QHash<QString, QString>> bad =
        ImportFile::readMapping(QStringLiteral("a = email\nb = Not A Target\n"), QStringLiteral("bad.map"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.startsWith(QStringLiteral("bad.map: line 2"))) << bad.error().message.toStdString();
}

TEST(ImportFileJsonLines, ObjectsAreRowsAndTheirKeysTheColumns)
{
    const Result<ImportFile> file =
        ImportFile::parse(QStringLiteral("{\"full_name\": \"Anna\", \"email\": \"anna@example.org\"}\n"
                                         "\n"
                                         "not json\n"
                                         "{\"email\": \"b@example.org\", \"phone\": 375291234567, \"tags\": [1]}\n"),
                          QStringLiteral("people.jsonl"), {});
    ASSERT_TRUE(file.ok()) << file.error().message.toStdString();
    EXPECT_EQ(file->format, ImportFile::Format::Jsonl);
    EXPECT_EQ(file->header, (QStringList{QStringLiteral("email"), QStringLiteral("full_name"), QStringLiteral("phone"),
                                         QStringLiteral("tags")}))
        << "each object's keys in alphabetical order, as they first appear";
    ASSERT_EQ(file->records.size(), 3);
    EXPECT_EQ(file->records.at(0).row, 1);
    EXPECT_TRUE(file->records.at(0).problem.isEmpty());
    EXPECT_EQ(file->records.at(1).row, 3);
    EXPECT_FALSE(file->records.at(1).problem.isEmpty()) << "the line that is not JSON";
    EXPECT_EQ(file->value(file->records.at(2), QStringLiteral("phone")), QStringLiteral("375291234567"));
    EXPECT_TRUE(file->records.at(2).problem.contains(QStringLiteral("'tags'")));
}

TEST(ImportFileCsv, WhatIsWrittenReadsBackTheSame)
{
    // Found by the fuzz target: a field that starts with a byte-order mark lost it when it began a file.
    const QStringList fields = {QStringLiteral("\xFEFF") + QStringLiteral("x"), QStringLiteral("a,b"),
                                QStringLiteral("say \"hi\""), QStringLiteral("two\r\nlines"), QString()};
    for (const QChar separator : {QChar(u','), QChar(u';')}) {
        QStringList quoted;
        for (const QString &field : fields) {
            quoted << CsvReader::quote(field, separator);
        }
        CsvReader reader(quoted.join(separator) + QLatin1Char('\n'), separator);
        QStringList read;
        ASSERT_TRUE(reader.next(&read));
        EXPECT_EQ(read, fields);
    }
}
