#include "app/reports/BreachNotice.h"
#include "app/reports/Letterhead_p.h"

#include "app/breaches/BreachRegister.h"
#include "app/domain/BreachDeadlines.h"
#include "app/policy/ProfileExport.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::BreachNotice)
};

/// A moment for a regulator: the date in the report's language, the time in UTC, said so.
QString utc(const std::optional<QDateTime> &when)
{
    if (!when) {
        return {};
    }
    const QDateTime at = when->toUTC();
    return Tr::tr("%1 %2 UTC")
        .arg(QLocale().toString(at.date(), QLocale::ShortFormat), at.time().toString(QStringLiteral("HH:mm")));
}

QString approximate(const std::optional<qint64> &count)
{
    return count ? Tr::tr("about %1").arg(QLocale().toString(*count)) : Tr::tr("not known yet");
}

/// The letterhead of the own controller (the first one the register lists).
Result<QStringList> ownLetterhead(Database &database)
{
    const Result<Profile> profile = ProfileExport::read(database);
    if (!profile) {
        return profile.error();
    }
    for (const ProfileController &controller : profile->controllers) {
        if (controller.kind == ControllerKind::Own) {
            return reporting::letterhead(controller);
        }
    }
    return QStringList();
}

} // namespace

Result<ReportDocument> BreachNotice::build(Database &database, const Session &who, qint64 id,
                                           const std::optional<Regime> &regime)
{
    const Result<BreachRegister::Breach> found = BreachRegister::get(database, who, id);
    if (!found) {
        return found.error();
    }
    const BreachRegister::Breach &breach = found.value();
    QList<BreachRegister::Notification> notices;
    for (const BreachRegister::Notification &notice : breach.notifications) {
        if (!regime || notice.regime == *regime) {
            notices << notice;
        }
    }
    if (notices.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("breach #%1 is not recorded under %2").arg(id).arg(toString(regime.value())));
    }
    Result<QStringList> head = ownLetterhead(database);
    if (!head) {
        return head.error();
    }

    ReportDocument report;
    report.title = Tr::tr("Notification of a personal-data breach");
    QStringList sources;
    for (const BreachRegister::Notification &notice : notices) {
        sources << notice.source;
    }
    report.subtitle =
        Tr::tr("Breach #%1, to the supervisory authority under:\n%2").arg(id).arg(sources.join(QLatin1Char('\n')));
    report.letterhead = head.value();
    report.generatedBy = who.name;
    report.generatedAt = QDateTime::currentDateTimeUtc();

    const BreachRegister::Input &d = breach.details;
    ReportDocument::Section what;
    what.heading = Tr::tr("The breach");
    what.fields = {
        {Tr::tr("Became known"), utc(d.discovered)},
        {Tr::tr("Recorded"), Tr::tr("%1 by %2").arg(utc(breach.recorded), breach.recordedBy)},
        {Tr::tr("Nature of the breach"), d.nature},
        {Tr::tr("Categories of data"), d.categories.join(QStringLiteral(", "))},
        {Tr::tr("Subjects concerned"), approximate(d.subjects)},
        {Tr::tr("Records concerned"), approximate(d.records)},
        {Tr::tr("Likely consequences"), d.consequences},
        {Tr::tr("Measures taken"), d.measuresTaken},
        {Tr::tr("Measures proposed"), d.measuresProposed},
        {Tr::tr("Contact point (DPO)"), d.dpoContact},
    };
    report.sections << what;

    ReportDocument::Section told;
    told.heading = Tr::tr("Notices");
    told.table.header = {Tr::tr("Regime"), Tr::tr("Due by"), Tr::tr("Notified"), Tr::tr("Reasons for the delay")};
    for (const BreachRegister::Notification &notice : notices) {
        told.table.rows << QStringList{notice.source,
                                       notice.notifyBy ? utc(notice.notifyBy) : Tr::tr("no fixed deadline"),
                                       notice.notifiedAt ? utc(notice.notifiedAt) : Tr::tr("not yet"),
                                       notice.isLate() ? notice.lateReason : QString()};
        if (notice.followUpBy) {
            told.paragraphs << Tr::tr("The result of the investigation is due by %1 (%2).")
                                   .arg(utc(notice.followUpBy), toString(notice.regime));
        }
    }
    const bool anyLate = std::any_of(notices.cbegin(), notices.cend(),
                                     [](const BreachRegister::Notification &notice) { return notice.isLate(); });
    if (anyLate) {
        told.fields << ReportDocument::Field{Tr::tr("Late"),
                                             Tr::tr("This notice was made after its deadline; the reasons are given "
                                                    "below."),
                                             true};
    }
    report.sections << told;

    ReportDocument::Section subjects;
    subjects.heading = Tr::tr("The subjects");
    subjects.fields = {
        {Tr::tr("High risk to the subjects"), d.highRisk ? Tr::tr("yes") : Tr::tr("no"), d.highRisk},
        {Tr::tr("Subjects told"),
         breach.subjectsTold ? utc(breach.subjectsTold)
                             : (d.highRisk ? Tr::tr("not yet: they are to be told without undue delay (GDPR art. 34)")
                                           : Tr::tr("not required"))},
    };
    report.sections << subjects;
    report.signatures = {Tr::tr("Data protection officer"), Tr::tr("For the controller")};
    return report;
}

} // namespace pd
