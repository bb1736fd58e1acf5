#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/reports/ReportFile.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace pd {

class Database;

/// The reports for regulators and subjects, by kind, as `privacydesk-cli report KIND` and the Reports page offer
/// them.
enum class ReportKind {
    Ropa,            ///< record of processing, the controller's (GDPR art. 30(1), Decree 422 sub. 3.5)
    ProcessorRecord, ///< record of processing for a client we process for (art. 30(2))
    Requests,        ///< the register of data-subject requests of a period, yearly counts, on-time rate
    Destruction,     ///< an act confirming destruction with its event-log extract (numbered, kept)
    Breaches,        ///< the register of personal-data breaches
    Disclosures,     ///< disclosures to recipients of a period (Belarus 99-Z art. 12)
    Audit,           ///< an audit trail extract with the verification of its chain
    Statistics,      ///< requests per type and status, on-time rate, subjects per purpose and category, erasures
    SubjectAccess,   ///< everything held about one subject (access, portability)
};

/// What a report is made of, besides its kind. Which members a kind reads: Reports::needs().
struct ReportParameters
{
    QDate from; ///< the period, inclusive (requests, disclosures, audit, statistics, destruction)
    QDate to;
    QString controller;              ///< ropa, processor-record: the controller's code (default: the own one)
    std::optional<qint64> subjectId; ///< subject-access; destruction: the deletion of this subject
    std::optional<qint64> requestId; ///< subject-access: the request it answers; destruction: its deletions
    std::optional<qint64> act;       ///< destruction: print act N again instead of drawing up a new one
    QDate retentionSweep;            ///< destruction: what the retention sweep of this day destroyed
};

class Reports
{
public:
    /// What a kind reads of ReportParameters, for the CLI's checks and the Reports page's fields.
    struct Needs
    {
        bool period = false;      ///< from and to are required
        bool controller = false;  ///< may name a controller
        bool subject = false;     ///< subject or request required
        bool destruction = false; ///< one of: subject, request, period, retention sweep, act
    };

    static QList<ReportKind> all();
    /// "ropa", "processor-record", "requests", ... as the CLI names them.
    static QString name(ReportKind kind);
    static std::optional<ReportKind> parse(const QString &name);
    /// The report's title in the UI language.
    static QString title(ReportKind kind);
    static Needs needs(ReportKind kind);

    /// Whether `who` may run `kind` at all (the roles table: officers and auditors read registers, administrators the
    /// audit extract, agents only the access report of a request assigned to them). PermissionDenied otherwise.
    static Status allowed(const Session &who, ReportKind kind);

    /// Called now and then with the share done (0..1); returning false cancels (ErrorCode::Cancelled).
    using Progress = std::function<bool(double done)>;

    /// Builds a report. Missing or contradictory parameters are ErrorCode::InvalidArgument naming the parameter.
    /// Runs on the calling thread's connection (a worker thread may call it). Drawing up a destruction act stores it
    /// (numbered; officers only); every other kind only reads.
    static Result<Report> build(Database &database, const Session &who, ReportKind kind,
                                const ReportParameters &parameters, const Progress &progress = {});

    /// Gives a subject-access report to the access or portability request it was built for: its PDF, JSON and CSV are
    /// kept with the request, which takes the step "carry out" (RequestExecution, ProvideData: in progress, audited).
    /// Needs a QGuiApplication (the PDF). Returns the id of the first document kept.
    static Result<qint64> answerRequest(Database &database, const Session &who, qint64 requestId, const Report &report);

    /// Records in the audit trail that `who` exported `report` as `format` (kind, parameters and size; never the
    /// content).
    static Status recordExport(Database &database, const Session &who, const Report &report, ReportFormat format,
                               const ReportParameters &parameters);
};

} // namespace pd
