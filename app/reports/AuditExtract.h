#pragma once

#include "app/access/AuditLog.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/reports/ReportPdf.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QStringList>

namespace pd {

class Database;

/// An extract of the audit trail for a period, with the verification of the whole chain it comes from: what an
/// inspector or a destruction act asks for. Entries name operators, actions and objects; the trail holds no erased
/// value (AuditLog). Officers, auditors and administrators (Action::ViewAudit).
class AuditExtract
{
public:
    static constexpr int kMaxEntries = 100000; ///< an extract is for a period; more wants a shorter one
    static constexpr int kPdfEntries = 2000;   ///< the PDF lists this many, the CSV and XLSX every one

    struct Extract
    {
        QDate from;
        QDate to;
        AuditLog::Verification verification;
        qint64 total = 0; ///< entries in the period (more than `rows` when over kMaxEntries)
        QStringList header;
        QList<QStringList> rows; ///< oldest first
    };

    static Result<Extract> build(Database &database, const Session &who, const QDate &from, const QDate &to);
    static ReportDocument document(const Extract &extract, const QString &generatedBy);
};

} // namespace pd
