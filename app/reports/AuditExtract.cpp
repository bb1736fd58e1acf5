#include "app/reports/AuditExtract.h"
#include "app/reports/ReportLanguage.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::AuditExtract)
};

constexpr int kPage = 5000;

} // namespace

Result<AuditExtract::Extract> AuditExtract::build(Database &database, const Session &who, const QDate &from,
                                                  const QDate &to)
{
    if (!from.isValid() || !to.isValid() || to < from) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("period: the first day must not come after the last"));
    }
    Extract extract;
    extract.from = from;
    extract.to = to;
    Result<AuditLog::Verification> verified = AuditLog::verify(database, who);
    if (!verified) {
        return verified.error();
    }
    extract.verification = verified.value();
    AuditFilter filter;
    filter.from = from.toString(Qt::ISODate);
    filter.to = to.toString(Qt::ISODate);
    Result<qint64> total = AuditLog::count(database, who, filter);
    if (!total) {
        return total.error();
    }
    extract.total = total.value();
    extract.header = {Tr::tr("Entry"),  Tr::tr("Time (UTC)"), Tr::tr("Operator"), Tr::tr("Action"),
                      Tr::tr("Object"), Tr::tr("Subject"),    Tr::tr("Request"),  Tr::tr("Fields"),
                      Tr::tr("Reason"), Tr::tr("Details"),    Tr::tr("Hash")};
    const int wanted = int(std::min<qint64>(extract.total, kMaxEntries));
    for (int offset = 0; offset < wanted; offset += kPage) {
        Result<QList<AuditRecord>> page =
            AuditLog::find(database, who, filter, offset, std::min(kPage, wanted - offset));
        if (!page) {
            return page.error();
        }
        for (const AuditRecord &record : page.value()) {
            const AuditEntry &e = record.entry;
            extract.rows << QStringList{QString::number(record.id),
                                        record.at,
                                        record.operatorName,
                                        e.action,
                                        e.objectType.isEmpty() ? QString()
                                                               : QStringLiteral("%1 %2").arg(e.objectType, e.objectId),
                                        e.subjectId ? QString::number(*e.subjectId) : QString(),
                                        e.requestId ? QString::number(*e.requestId) : QString(),
                                        e.fields.join(QStringLiteral(", ")),
                                        e.reason,
                                        e.details,
                                        record.hash};
        }
        if (page->size() < std::min(kPage, wanted - offset)) {
            break; // fewer than counted: entries of the period are never removed, but the count ran a moment before
        }
    }
    std::reverse(extract.rows.begin(), extract.rows.end()); // find() gives the newest first
    return extract;
}

ReportDocument AuditExtract::document(const Extract &extract, const QString &generatedBy)
{
    const QLocale locale = ReportLanguage::locale();
    ReportDocument report;
    report.title = Tr::tr("Audit trail extract");
    report.period = Tr::tr("%1 to %2")
                        .arg(locale.toString(extract.from, QStringLiteral("d MMMM yyyy")),
                             locale.toString(extract.to, QStringLiteral("d MMMM yyyy")));
    report.generatedBy = generatedBy;
    report.generatedAt = QDateTime::currentDateTimeUtc();

    ReportDocument::Section check;
    check.heading = Tr::tr("Verification of the chain");
    const AuditLog::Verification &v = extract.verification;
    check.fields = {
        {Tr::tr("Entries in the trail"), locale.toString(v.entries)},
        {Tr::tr("Hash chain"),
         v.ok() ? Tr::tr("whole: no entry was changed, removed or reordered")
                : Tr::tr("broken at entry #%1: %2").arg(v.firstBrokenId).arg(v.problem),
         !v.ok()},
        {Tr::tr("Entries in the period"), locale.toString(extract.total)},
    };
    report.sections << check;

    ReportDocument::Section entries;
    entries.heading = Tr::tr("Entries");
    entries.table.header = {extract.header.value(0), extract.header.value(1), extract.header.value(2),
                            extract.header.value(3), extract.header.value(4), extract.header.value(8)};
    const qsizetype shown = std::min<qsizetype>(extract.rows.size(), kPdfEntries);
    for (qsizetype row = 0; row < shown; ++row) {
        const QStringList &r = extract.rows.at(row);
        // The CSV keeps the stored ISO timestamp; the page a date and a time to the second.
        const QDateTime at = QDateTime::fromString(r.value(1), Qt::ISODate).toUTC();
        const QString when = at.isValid() ? locale.toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
                                                at.time().toString(QStringLiteral("HH:mm:ss"))
                                          : r.value(1);
        entries.table.rows << QStringList{r.value(0), when, r.value(2), r.value(3), r.value(4), r.value(8)};
    }
    if (extract.total > shown) {
        entries.paragraphs << Tr::tr("%1 of %2 entries are listed; the CSV or XLSX extract of the same period holds "
                                     "every one (up to %3).")
                                  .arg(locale.toString(qint64(shown)), locale.toString(extract.total),
                                       locale.toString(kMaxEntries));
    }
    if (extract.rows.isEmpty()) {
        entries.table.header.clear();
        entries.paragraphs << Tr::tr("No entries in this period.");
    }
    report.sections << entries;
    report.signatures = {Tr::tr("Checked by")};
    return report;
}

} // namespace pd
