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

/// Runs the tool `tool` (from `package`) on `bytes` written to a temporary file, with `before` and `after` around
/// the file's path; its standard output.
inline QString runOnFile(const char *tool, const char *package, const QByteArray &bytes, const QStringList &before,
                         const QStringList &after)
{
    const QString program = QStandardPaths::findExecutable(QLatin1String(tool));
    EXPECT_FALSE(program.isEmpty()) << tool << " is missing: install " << package << " (scripts/lib/deps.sh does)";
    if (program.isEmpty()) {
        return {};
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("document"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    file.close();
    QProcess process;
    process.start(program, QStringList(before) << path << after);
    EXPECT_TRUE(process.waitForFinished(30000));
    EXPECT_EQ(process.exitCode(), 0) << tool << ": " << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// Runs a poppler tool on `pdf` with `arguments` before and `after` after the file, and returns its output with
/// whitespace simplified, so that phrases wrapped across lines still match.
inline QString poppler(const char *tool, const QByteArray &pdf, const QStringList &arguments = {},
                       const QStringList &after = {})
{
    return runOnFile(tool, "poppler-utils", pdf, arguments, after).simplified();
}

/// The member `member` of the zip archive `archive` (an .xlsx workbook), through unzip.
inline QString zipMember(const QByteArray &archive, const QString &member)
{
    return runOnFile("unzip", "unzip", archive, {QStringLiteral("-p")}, {member});
}

inline QString pdfText(const QByteArray &pdf)
{
    return poppler("pdftotext", pdf, {QStringLiteral("-enc"), QStringLiteral("UTF-8")}, {QStringLiteral("-")});
}

} // namespace pd::test
