#include "app/domain/CsvReader.h"

#include <QCoreApplication>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::CsvReader)
};
} // namespace

namespace pd {

CsvReader::CsvReader(QString text, QChar separator) : m_text(std::move(text)), m_separator(separator)
{
    if (m_text.startsWith(QChar(0xFEFF))) {
        m_text.remove(0, 1); // a byte-order mark, as spreadsheets write it
    }
}

bool CsvReader::next(QStringList *fields)
{
    fields->clear();
    if (!m_error.isEmpty() || m_position >= m_text.size()) {
        return false;
    }
    ++m_row;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    while (m_position < m_text.size()) {
        const QChar c = m_text.at(m_position++);
        if (quoted) {
            if (c == u'"') {
                if (m_position < m_text.size() && m_text.at(m_position) == u'"') {
                    field.append(u'"');
                    ++m_position;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == m_separator) {
            fields->append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && m_position < m_text.size() && m_text.at(m_position) == u'\n') {
                ++m_position;
            }
            fields->append(field);
            return true;
        } else {
            field.append(c);
        }
    }
    if (quoted) {
        m_error = Tr::tr("row %1: a quoted field is not closed").arg(m_row);
        return false;
    }
    fields->append(field);
    return true;
}

QChar CsvReader::detectSeparator(const QString &text)
{
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            break;
        } else if (!quoted && c == u',') {
            ++commas;
        } else if (!quoted && c == u';') {
            ++semicolons;
        }
    }
    return semicolons > commas ? u';' : u',';
}

QString CsvReader::quote(const QString &field, QChar separator)
{
    // A field that starts with a byte-order mark is quoted too: unquoted at the start of a file it would be taken
    // for the file's own mark.
    if (!field.startsWith(QChar(0xFEFF)) && !field.contains(separator) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r'))) {
        return field;
    }
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace pd
