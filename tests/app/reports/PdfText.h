#pragma once

// What a PDF or workbook the program wrote says, read back with poppler's tools and unzip (scripts/lib/deps.sh
// installs both).
#include <gtest/gtest.h>

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace pd::test {

/// Runs a poppler tool on `pdf` (written to a temporary file) with `arguments` before and `after` after the file,
/// and returns its output with whitespace simplified, so that phrases wrapped across lines still match.
inline QString poppler(const char *tool, const QByteArray &pdf, const QStringList &arguments = {},
                       const QStringList &after = {})
{
    const QString program = QStandardPaths::findExecutable(QLatin1String(tool));
    EXPECT_FALSE(program.isEmpty()) << tool << " is missing: install poppler-utils (scripts/lib/deps.sh does)";
    if (program.isEmpty()) {
        return {};
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("document.pdf"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly) && file.write(pdf) == pdf.size());
    file.close();
    QProcess process;
    process.start(program, QStringList(arguments) << path << after);
    EXPECT_TRUE(process.waitForFinished(30000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

/// The member `member` of the zip archive `archive` (an .xlsx workbook), through unzip.
inline QString zipMember(const QByteArray &archive, const QString &member)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    EXPECT_FALSE(program.isEmpty()) << "unzip is missing (scripts/lib/deps.sh installs it)";
    if (program.isEmpty()) {
        return {};
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("archive.zip"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly) && file.write(archive) == archive.size());
    file.close();
    QProcess process;
    process.start(program, {QStringLiteral("-p"), path, member});
    EXPECT_TRUE(process.waitForFinished(30000));
    EXPECT_EQ(process.exitCode(), 0) << member.toStdString() << ": " << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

inline QString pdfText(const QByteArray &pdf)
{
    return poppler("pdftotext", pdf, {QStringLiteral("-enc"), QStringLiteral("UTF-8")}, {QStringLiteral("-")});
}

} // namespace pd::test
