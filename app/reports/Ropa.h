#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/policy/Profile.h"
#include "app/reports/ReportPdf.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

class Database;

/// The record of processing activities of one controller (GDPR art. 30; Belarus Decree 422 sub. 3.5), laid out as
/// the UK ICO's controller template and the CNIL's register lay it out: one row per processing activity, blank
/// cells for what is not recorded. For the own controller the controller's record (art. 30(1)); for a client we
/// process for (seed 003 sub. 2) the processor's record (art. 30(2)), as its own report.
class Ropa
{
public:
    enum class Record { Controller, Processor };

    struct Sheet
    {
        Record record = Record::Controller;
        QStringList letterhead; ///< the controller: name, address, contacts, DPO, representative
        QString controllerName;
        QString controllerCode;
        QStringList header;
        QList<QStringList> rows;
        /// Per row, the columns a regulator must not miss (special data, a DPIA that is needed, transfers).
        QList<QList<int>> standOut;
    };

    /// The record of controller `controllerCode` (the first own controller when empty). Officers and auditors
    /// (Action::ExportRegisters).
    static Result<Sheet> sheet(Database &database, const Session &who, const QString &controllerCode = {});
    /// The same from a register already read (ProfileExport::read).
    static Result<Sheet> sheet(const Profile &profile, const Session &who, const QString &controllerCode = {});
    /// The sheet as a report (a section per activity), for ReportPdf.
    static ReportDocument document(const Sheet &sheet, const QString &generatedBy);
    /// The name of its sheet in a workbook.
    static QString sheetName(const Sheet &sheet);
};

} // namespace pd
