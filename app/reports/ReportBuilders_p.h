#pragma once

// Private to app/reports/: the builder of each report kind, called by Reports::build after its role check.

#include "app/reports/Reports.h"

namespace pd::reportbuilders {

Result<Report> ropa(Database &database, const Session &who, const ReportParameters &parameters, bool processor);
Result<Report> requests(Database &database, const Session &who, const ReportParameters &parameters,
                        const Reports::Progress &progress);
Result<Report> breaches(Database &database, const Session &who);
Result<Report> disclosures(Database &database, const Session &who, const ReportParameters &parameters);
Result<Report> audit(Database &database, const Session &who, const ReportParameters &parameters);
Result<Report> statistics(Database &database, const Session &who, const ReportParameters &parameters);
Result<Report> subjectAccess(Database &database, const Session &who, const ReportParameters &parameters);
Result<Report> destruction(Database &database, const Session &who, const ReportParameters &parameters);

/// "1 January 2026 to 31 December 2026" in the UI language.
QString periodText(const QDate &from, const QDate &to);
/// A stored UTC timestamp as the page shows it: the date and the time to the minute ("" when empty).
QString shownTime(const QString &stored);
/// A stored date as the page shows it.
QString shownDate(const QString &stored);
/// The first table's rows as the document's table, of the columns `shown` (indexes into the table's columns); times
/// as dates only when `datesOnly` (a wide table).
ReportDocument::Table pageTable(const ReportTable &table, const QList<int> &shown, int limit, bool datesOnly = false);

} // namespace pd::reportbuilders
