// Importing real files on both backends: aliases and mappings, JSON Lines, the checks of every field, card numbers
// that never reach any file the program writes, and rows that update a stored subject instead of duplicating it.
#include "CliRunner.h"
#include "ServiceFixture.h"
#include "TestEnvironment.h"

#include "app/storage/Database.h"
#include "app/storage/Dialect.h"
#include "app/subjects/ImportService.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

const QString kCard = QStringLiteral("4111 1111 1111 1111");
const QString kCardDigits = QStringLiteral("4111111111111111");

} // namespace

class ImportFormatsTest : public ServiceFixture
{
protected:
    qint64 subjectCount() { return scalar(QStringLiteral("SELECT COUNT(*) FROM subjects")).toLongLong(); }

    Result<ImportService::Summary> importText(const QString &text, const QString &name,
                                              ImportService::Options options = {})
    {
        options.keepGoing = true;
        return ImportService::importText(db(), as("officer"), text, name, options);
    }

    QString item(const char *email, const char *field)
    {
        return scalar(QStringLiteral("SELECT i.value FROM pd_items i JOIN subjects s ON s.id = i.subject_id WHERE "
                                     "s.email = ? AND i.field = ?"),
                      {QLatin1String(email), QLatin1String(field)})
            .toString();
    }
};

TEST_P(ImportFormatsTest, AFileFromAnotherSystemIsUnderstoodByItsHeaders)
{
    const qint64 before = subjectCount();
    const QString text = QStringLiteral("\xFEFF"
                                        "first_name;last_name;E-mail;Date of birth;country;city;ip;external_id\r\n"
                                        "Алесь;Навіцкі;ales@example.by;1990-04-01;BY;Minsk;192.0.2.10;A-1\r\n"
                                        "\"Anna \"\"Ann\"\"\";Müller;anna@example.de;;DE;\"Berlin; Mitte\";;A-2\r\n");
    ImportService::Options options;
    options.purposeCode = QStringLiteral("registration");
    const Result<ImportService::Summary> summary = importText(text, QStringLiteral("crm.csv"), options);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 2);
    EXPECT_TRUE(summary->rejected.isEmpty()) << summary->rejected.first().problem.toStdString();
    EXPECT_EQ(subjectCount(), before + 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE external_id = 'A-1'")).toString(),
              QStringLiteral("Алесь Навіцкі"));
    EXPECT_EQ(item("ales@example.by", "birth_date"), QStringLiteral("1990-04-01"));
    EXPECT_EQ(item("ales@example.by", "country"), QStringLiteral("BY"));
    EXPECT_EQ(item("ales@example.by", "ip"), QStringLiteral("192.0.2.10"));
    EXPECT_EQ(item("anna@example.de", "city"), QStringLiteral("Berlin; Mitte"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE external_id = 'A-2'")).toString(),
              QStringLiteral("Anna \"Ann\" Müller"));
}

TEST_P(ImportFormatsTest, JsonLinesAndAMappingFile)
{
    ImportService::Options options;
    options.file.mapping = {{QStringLiteral("client_no"), QStringLiteral("external_id")},
                            {QStringLiteral("segment"), QStringLiteral("recipient.segments")}};
    const QString text = QStringLiteral(
        "{\"name\": \"Boris\", \"email\": \"boris@example.org\", \"client_no\": \"J-1\", \"segment\": \"VIP\", "
        "\"purpose\": \"registration\"}\n"
        "{\"name\": \"Clara\", \"email\": \"clara@example.org\", \"client_no\": \"J-2\", \"purpose\": "
        "\"registration\", \"favourite\": \"tea\"}\n"
        "[1, 2]\n");
    const Result<ImportService::Summary> summary = importText(text, QStringLiteral("export.jsonl"), options);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 2);
    ASSERT_EQ(summary->rejected.size(), 1);
    EXPECT_EQ(summary->rejected.first().row, 3);
    ASSERT_EQ(summary->warnings.size(), 1);
    EXPECT_TRUE(summary->warnings.first().contains(QStringLiteral("'favourite'")));
    EXPECT_EQ(item("boris@example.org", "segments"), QStringLiteral("VIP"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT external_id FROM subjects WHERE email = 'clara@example.org'")).toString(),
              QStringLiteral("J-2"));
}

TEST_P(ImportFormatsTest, EveryBadFieldIsReportedWithRowAndFieldButNotItsValue)
{
    const qint64 before = subjectCount();
    const QString text = QStringLiteral("name,email,phone,birth_date,country,ip,collected_at,purpose\n"
                                        "Good One,good@example.org,+375 29 111-22-33,1980-01-01,BY,10.1.2.3,,"
                                        "registration\n"
                                        "Bad Mail,bad-mail-value,,,,,,registration\n"
                                        "Bad Phone,p@example.org,call-me-maybe,,,,,registration\n"
                                        "Bad Birth,b@example.org,,2999-01-01,,,,registration\n"
                                        "Bad Country,c@example.org,,,Narnia,,,registration\n"
                                        "Bad Ip,i@example.org,,,,300.1.1.1,,registration\n"
                                        "Bad Date,d@example.org,,,,,yesterday,registration\n"
                                        "No Purpose,n@example.org,,,,,,\n");
    const Result<ImportService::Summary> summary = importText(text, QStringLiteral("checks.csv"));
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 1);
    EXPECT_EQ(subjectCount(), before + 1);
    const QList<std::pair<int, const char *>> expected = {{3, "'email'"},   {4, "'phone'"}, {5, "'birth_date'"},
                                                          {6, "'country'"}, {7, "'ip'"},    {8, "'collected_at'"},
                                                          {9, "'purpose'"}};
    ASSERT_EQ(summary->rejected.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const ImportService::Rejected &rejected = summary->rejected.at(i);
        EXPECT_EQ(rejected.row, expected.at(i).first);
        EXPECT_TRUE(rejected.problem.contains(QLatin1String(expected.at(i).second))) << rejected.problem.toStdString();
        for (const char *value : {"bad-mail-value", "call-me-maybe", "2999", "Narnia", "300.1", "yesterday"}) {
            EXPECT_FALSE(rejected.problem.contains(QLatin1String(value))) << rejected.problem.toStdString();
        }
    }
    // Without --rejects one bad row refuses the whole file.
    const Result<ImportService::Summary> strict =
        ImportService::importText(db(), as("officer"), text, QStringLiteral("checks2.csv"), false);
    ASSERT_FALSE(strict.ok());
    EXPECT_TRUE(strict.error().message.contains(QStringLiteral("row 3, field 'email'")));
    EXPECT_EQ(subjectCount(), before + 1);
}

TEST_P(ImportFormatsTest, AFullCardNumberRejectsItsRowAndIsWrittenNowhere)
{
    const ScopedUmask everybodyReads(0022);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("payments.csv"));
    const QString rejects = dir.filePath(QStringLiteral("rejects.csv"));
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(QStringLiteral("name,email,card_masked,note,purpose\n"
                                 "Masked Card,masked@example.org,411111******1111,,registration\n"
                                 "Full Card,full@example.org,,\"card %1, call back\",registration\n")
                      .arg(kCard)
                      .toUtf8());
    }
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const CliRun run =
        runCli({QStringLiteral("--db"), testDatabase().url(), QStringLiteral("--operator"), QStringLiteral("officer"),
                QStringLiteral("import"), QStringLiteral("subjects"), file, QStringLiteral("--rejects"), rejects},
               environment);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("Imported 1 subjects; 1 rows rejected"))) << run.out.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE email = 'full@example.org'")).toInt(), 0);
    EXPECT_EQ(item("masked@example.org", "card_masked"), QStringLiteral("411111******1111"));
    for (const QString &output : {run.out, run.err}) {
        EXPECT_FALSE(output.contains(kCard) || output.contains(kCardDigits));
    }
    QFile written(rejects);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QString rejected = QString::fromUtf8(written.readAll());
    EXPECT_TRUE(rejected.contains(QStringLiteral("[card number removed]"))) << rejected.toStdString();
    EXPECT_TRUE(rejected.contains(QStringLiteral("full card number")));
    EXPECT_FALSE(rejected.contains(QStringLiteral("4111 1111")));
    // No file the program wrote holds the number: the database (and its journal) included.
    ASSERT_TRUE(db().checkpoint().ok());
    const QString url = testDatabase().url();
    QStringList places = {dir.path()};
    if (url.startsWith(QLatin1String("sqlite:"))) {
        places << QFileInfo(url.mid(7)).absolutePath();
    }
    for (const QString &place : places) {
        QDirIterator files(place, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path == file) {
                continue; // the file given to import
            }
            QFile stored(path);
            ASSERT_TRUE(stored.open(QIODevice::ReadOnly)) << path.toStdString();
            const QByteArray bytes = stored.readAll();
            EXPECT_FALSE(bytes.contains(kCard.toUtf8()) || bytes.contains(kCardDigits.toUtf8())) << path.toStdString();
        }
    }
}

TEST_P(ImportFormatsTest, ARowForAStoredSubjectUpdatesItInsteadOfDuplicatingIt)
{
    const QString first = QStringLiteral("name,email,phone,external_id,purpose\n"
                                         "Dana Old,dana@example.org,+375 29 000-00-01,U-1,registration\n"
                                         "Egor,egor@example.org,,,registration\n");
    ASSERT_TRUE(importText(first, QStringLiteral("first.csv")).ok());
    const qint64 before = subjectCount();
    const qint64 dana = scalar(QStringLiteral("SELECT id FROM subjects WHERE external_id = 'U-1'")).toLongLong();

    // The same people again: Dana by her id (a new name and phone), Egor by his e-mail (nothing new).
    const QString second = QStringLiteral("name,email,phone,external_id,purpose\n"
                                          "Dana New,dana@example.org,+375 29 000-00-02,U-1,registration\n"
                                          "Egor,egor@example.org,,,registration\n");
    ImportService::Options dry;
    dry.dryRun = true;
    const Result<ImportService::Summary> preview = importText(second, QStringLiteral("second.csv"), dry);
    ASSERT_TRUE(preview.ok()) << preview.error().message.toStdString();
    EXPECT_EQ(preview->imported, 0);
    EXPECT_EQ(preview->updated, 2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {dana}).toString(),
              QStringLiteral("Dana Old"))
        << "a dry run stores nothing";

    const Result<ImportService::Summary> summary = importText(second, QStringLiteral("second.csv"));
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 0);
    EXPECT_EQ(summary->updated, 1);
    EXPECT_EQ(summary->unchanged, 1);
    EXPECT_EQ(summary->updatedRows, (QList<int>{2, 3}));
    EXPECT_EQ(subjectCount(), before) << "nobody is stored twice";
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {dana}).toString(),
              QStringLiteral("Dana New"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT phone FROM subjects WHERE id = ?"), {dana}).toString(),
              QStringLiteral("+375 29 000-00-02"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ? AND field = 'phone'"), {dana})
                  .toInt(),
              1)
        << "the value is corrected, not added";
    EXPECT_EQ(scalar(QStringLiteral("SELECT fields FROM audit_log WHERE action = 'subject.update' AND subject_id = ?"),
                     {dana})
                  .toString()
                  .contains(QStringLiteral("phone")),
              true);

    // A blocked subject is not changed by an import.
    scalar(QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = 'disputed' WHERE id = ?"), {dana});
    const Result<ImportService::Summary> blocked =
        importText(QStringLiteral("name,email,external_id,purpose\nDana Third,dana@example.org,U-1,registration\n"),
                   QStringLiteral("third.csv"));
    ASSERT_TRUE(blocked.ok());
    ASSERT_EQ(blocked->rejected.size(), 1);
    EXPECT_TRUE(blocked->rejected.first().problem.contains(QStringLiteral("blocked")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {dana}).toString(),
              QStringLiteral("Dana New"));
}

TEST_P(ImportFormatsTest, AFirstLoadBuildsTheSearchIndexesAgainAtTheEnd)
{
    const auto indexes = [this] {
        return scalar(dialectOf(db()) == Dialect::PostgreSQL
                          ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()")
                          : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"))
            .toInt();
    };
    const int before = indexes();
    QString text = QStringLiteral("name,email,purpose\n");
    for (int i = 1; i <= ImportService::kBulkLoadRows; ++i) {
        text += QStringLiteral("Bulk Person %1,bulk%1@example.org,registration\n").arg(i);
    }
    const Result<ImportService::Summary> summary = importText(text, QStringLiteral("first-load.csv"));
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, ImportService::kBulkLoadRows);
    EXPECT_EQ(indexes(), before) << "every index the load suspended is there again";
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE email_key = 'bulk777@example.org'")).toInt(),
              1);
}

TEST_P(ImportFormatsTest, ASubjectsExportedDataComesBackInThroughTheImport)
{
    // Another controller's export (docs/subject-export.md) is what `subject show --json` writes: take one, remove the
    // subject, and import the export for a purpose of ours.
    const qint64 subject =
        scalar(QStringLiteral("SELECT MIN(s.id) FROM subjects s WHERE s.state = 'active' AND s.email <> '' AND EXISTS "
                              "(SELECT 1 FROM pd_items i WHERE i.subject_id = s.id AND i.field = 'ip')"))
            .toLongLong();
    ASSERT_GT(subject, 0);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const QStringList base = {QStringLiteral("--db"), testDatabase().url(), QStringLiteral("--operator"),
                              QStringLiteral("officer")};
    const CliRun shown = runCli(base + QStringList{QStringLiteral("subject"), QStringLiteral("show"),
                                                   QString::number(subject), QStringLiteral("--json")},
                                environment);
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    const auto itemsOf = [this](qint64 id) {
        QStringList items;
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.prepare(QStringLiteral("SELECT category, field, value FROM pd_items WHERE subject_id = ? AND state <> "
                                     "'anonymized' ORDER BY 1, 2, 3"));
        query.addBindValue(id);
        EXPECT_TRUE(query.exec());
        while (query.next()) {
            const QString item = query.value(0).toString() + QLatin1Char('.') + query.value(1).toString() +
                                 QLatin1Char('=') + query.value(2).toString();
            if (!items.contains(item)) {
                items << item;
            }
        }
        return items;
    };
    const QStringList before = itemsOf(subject);
    const QString email = scalar(QStringLiteral("SELECT email FROM subjects WHERE id = ?"), {subject}).toString();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("export.json"));
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(shown.out.toUtf8());
    }
    scalar(QStringLiteral("DELETE FROM subjects WHERE id = ?"), {subject});

    const CliRun imported = runCli(base + QStringList{QStringLiteral("import"), QStringLiteral("subjects"), file,
                                                      QStringLiteral("--purpose"), QStringLiteral("registration")},
                                   environment);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("Imported 1 subjects"))) << imported.out.toStdString();
    const qint64 back = scalar(QStringLiteral("SELECT id FROM subjects WHERE email = ?"), {email}).toLongLong();
    ASSERT_GT(back, 0);
    // Every distinct value comes back (one per field: a second value of the same field is reported, not taken).
    QStringList fields;
    QStringList expected;
    for (const QString &item : before) {
        const QString field = item.section(QLatin1Char('='), 0, 0).section(QLatin1Char('.'), 1);
        if (!fields.contains(field)) {
            fields << field;
            expected << item;
        }
    }
    QStringList got;
    for (const QString &item : itemsOf(back)) {
        got << item.section(QLatin1Char('='), 0, 0).section(QLatin1Char('.'), 1) + QLatin1Char('=') +
                   item.section(QLatin1Char('='), 1);
    }
    for (const QString &item : expected) {
        const QString fieldValue = item.section(QLatin1Char('.'), 1);
        EXPECT_TRUE(got.contains(fieldValue)) << fieldValue.toStdString() << " did not come back";
    }
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(DISTINCT purpose_id) FROM pd_items WHERE subject_id = ?"), {back}).toInt(),
        1)
        << "collected for the purpose of ours that was named";
}

PD_INSTANTIATE_FOR_BACKENDS(ImportFormatsTest);
