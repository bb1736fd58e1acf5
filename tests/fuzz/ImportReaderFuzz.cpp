// libFuzzer target: any bytes given to the import reader. It must never crash, hang or read out of bounds, and what
// it reads must survive being written back: every record, quoted with CsvReader::quote and read again, gives the same
// fields. Card-number redaction must leave no full number behind.
#include "app/domain/CardNumbers.h"
#include "app/domain/CsvReader.h"
#include "app/domain/ImportFile.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "import_reader_fuzz: %s\n", what);
        std::abort();
    }
}

void roundTrip(const QString &text, QChar separator)
{
    pd::CsvReader reader(text, separator);
    QStringList fields;
    int records = 0;
    while (reader.next(&fields) && records < 10000) {
        ++records;
        QStringList quoted;
        for (const QString &field : fields) {
            quoted << pd::CsvReader::quote(field, separator);
        }
        pd::CsvReader again(quoted.join(separator) + QLatin1Char('\n'), separator);
        QStringList reread;
        require(again.next(&reread), "a written record cannot be read back");
        // A lone empty field is written as an empty line, which reads back as one empty field: the same.
        require(reread == fields, "a written record reads back differently");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024) {
        return 0;
    }
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    roundTrip(text, u',');
    roundTrip(text, u';');
    for (const char *name : {"fuzz.csv", "fuzz.jsonl", "fuzz.json"}) {
        const pd::Result<pd::ImportFile> file = pd::ImportFile::parse(text, QLatin1String(name), {});
        if (file.ok()) {
            for (const pd::ImportFile::Record &record : file->records) {
                require(record.values.size() == file->header.size() || !record.problem.isEmpty(),
                        "a record without a problem has a value for every column");
            }
        }
    }
    require(!pd::cardnumbers::contains(pd::cardnumbers::redact(text)), "redaction left a card number");
    return 0;
}
