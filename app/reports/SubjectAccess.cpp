// Everything held about one subject, for an access or portability request (GDPR arts. 15 and 20; Belarus 99-Z
// art. 12): a readable PDF, the JSON of docs/subject-export.md, and its items as CSV.
#include "app/reports/Letterhead_p.h"
#include "app/reports/ReportBuilders_p.h"
#include "app/reports/ReportLanguage.h"

#include "app/domain/Retention.h"
#include "app/domain/VocabularyNames.h"
#include "app/policy/ProfileExport.h"
#include "app/requests/RequestRegister.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "app/subjects/SubjectJson.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace pd::reportbuilders {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SubjectAccess)
};

using T = ReportColumn::Type;

/// The rights a subject has and how to exercise them, in plain words.
QStringList rights(const QString &contact)
{
    const QString where = contact.isEmpty() ? Tr::tr("the controller at the address above") : contact;
    return {
        Tr::tr("You may ask for access to your data and a copy of it, have it corrected or completed, have it "
               "erased or its processing restricted, object to processing, withdraw a consent at any time without "
               "affecting what was done before, and receive the data you provided in a machine-readable form to "
               "pass it to another controller."),
        Tr::tr("To exercise a right, write to %1 stating your name, address, date of birth or identification "
               "number and what you ask for; we answer within the time the law sets (15 days under Belarus Law "
               "99-Z, one month under the GDPR) and tell you if we need longer.")
            .arg(where),
        Tr::tr("You may complain to the data protection authority: in Belarus the National Personal Data "
               "Protection Centre, in the EU the supervisory authority of your country."),
    };
}

} // namespace

Result<Report> subjectAccess(Database &database, const Session &who, const ReportParameters &parameters)
{
    std::optional<qint64> subjectId = parameters.subjectId;
    QString language;
    if (parameters.requestId) {
        Result<RequestRecord> request = RequestRegister::get(database, who, *parameters.requestId);
        if (!request) {
            return request.error();
        }
        if (who.role == Role::Agent && request->assigneeId != who.operatorId) {
            return makeError(ErrorCode::PermissionDenied,
                             Tr::tr("%1 (agent) may export a subject's data only for a request assigned to them; "
                                    "request #%2 is not")
                                 .arg(who.name)
                                 .arg(request->id));
        }
        if (!request->subjectId) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request: #%1 names no subject held here").arg(request->id));
        }
        if (subjectId && *subjectId != *request->subjectId) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("subject: request #%1 is about subject #%2, not #%3")
                                                             .arg(request->id)
                                                             .arg(*request->subjectId)
                                                             .arg(*subjectId));
        }
        subjectId = request->subjectId;
        language = request->language;
    } else if (who.role == Role::Agent) {
        return makeError(ErrorCode::PermissionDenied,
                         Tr::tr("%1 (agent) may export a subject's data only for a request assigned to them: name "
                                "the request")
                             .arg(who.name));
    }
    if (!subjectId) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("subject: name the subject or the request"));
    }
    // The report goes out in the request's language (the window's when there is no request).
    const ReportLanguage::Scope scope(language);
    Result<SubjectDetails> read = SubjectDetailsReader::read(database, who, *subjectId);
    if (!read) {
        return read.error();
    }
    const SubjectDetails &details = read.value();
    Result<Profile> profile = ProfileExport::read(database);
    if (!profile) {
        return profile.error();
    }
    QHash<QString, const ProfilePurpose *> purposes;
    for (const ProfilePurpose &purpose : profile->purposes) {
        purposes.insert(purpose.code, &purpose);
    }
    const ProfileController *controller = nullptr;
    for (const ProfileController &candidate : profile->controllers) {
        if (candidate.name == details.subject.controller || candidate.code == details.subject.controller) {
            controller = &candidate;
        }
    }

    Report report;
    report.kind = QStringLiteral("subject-access");
    report.jsonDocument = subjectJson(details);
    ReportDocument &document = report.document;
    document.title = Tr::tr("Your personal data held by us");
    document.subtitle = Tr::tr("Subject S-%1: %2").arg(details.subject.id).arg(details.subject.displayName);
    if (controller) {
        document.letterhead = reporting::letterhead(*controller);
    }
    document.generatedBy = who.name;
    document.generatedAt = QDateTime::currentDateTimeUtc();

    ReportDocument::Section about;
    about.heading = Tr::tr("Who you are to us");
    about.fields = {{Tr::tr("Name"), details.subject.displayName},
                    {Tr::tr("E-mail"), details.subject.email},
                    {Tr::tr("Phone"), details.subject.phone},
                    {Tr::tr("Controller"), details.subject.controller},
                    {Tr::tr("Recorded since"), shownTime(details.subject.createdAt)}};
    if (details.subject.state == QLatin1String("blocked")) {
        about.fields << ReportDocument::Field{Tr::tr("Processing restricted"), details.blockedReason, true};
    }
    document.sections << about;

    ReportTable items;
    items.key = QStringLiteral("items");
    items.name = Tr::tr("Data");
    items.columns = {{QStringLiteral("category"), Tr::tr("Category"), T::Text, VocabularyNames::category},
                     {QStringLiteral("field"), Tr::tr("Field"), T::Text, VocabularyNames::field},
                     {QStringLiteral("value"), Tr::tr("Value"), T::Text},
                     {QStringLiteral("purpose"), Tr::tr("Purpose"), T::Text},
                     {QStringLiteral("source"), Tr::tr("Source"), T::Text},
                     {QStringLiteral("collected_at"), Tr::tr("Collected (UTC)"), T::DateTime},
                     {QStringLiteral("state"), Tr::tr("State"), T::Text}};
    QStringList purposeCodes;
    for (const SubjectDetails::Item &item : details.items) {
        if (item.state == QLatin1String("anonymized")) {
            continue; // nothing of it is held any more
        }
        const bool blocked = item.state == QLatin1String("blocked");
        items.rows << QStringList{item.category,
                                  item.field,
                                  item.hidden ? Tr::tr("(kept secret: a key or token)") : item.value,
                                  item.purposeTitle,
                                  item.source,
                                  item.collectedAt,
                                  blocked ? Tr::tr("blocked: %1").arg(item.blockedReason) : Tr::tr("in use")};
        items.bold << (blocked ? QList<int>{6} : QList<int>{});
        if (!purposeCodes.contains(item.purposeCode)) {
            purposeCodes << item.purposeCode;
        }
    }
    ReportDocument::Section data;
    data.heading = Tr::tr("Your data, by category and purpose");
    data.table = pageTable(items, {0, 1, 2, 3, 4, 6}, 100000);
    for (qsizetype row = 0; row < items.rows.size(); ++row) {
        if (!items.bold.at(row).isEmpty()) {
            data.table.rows[row][5] = QStringLiteral("\u26a0 ") + data.table.rows.at(row).at(5);
        }
    }
    if (items.rows.isEmpty()) {
        data.table = {};
        data.paragraphs << Tr::tr("We hold no data about you besides the facts above.");
    }
    document.sections << data;

    ReportDocument::Section why;
    why.heading = Tr::tr("Why we process it, who receives it, how long we keep it");
    for (const QString &code : purposeCodes) {
        const ProfilePurpose *purpose = purposes.value(code);
        if (!purpose) {
            continue;
        }
        QStringList recipients;
        QStringList transfers;
        for (const ProfileRecipient &recipient : purpose->recipients) {
            recipients << recipient.name;
            if (controller && !recipient.country.isEmpty() && recipient.country != controller->country) {
                transfers << Tr::tr("%1 in %2 (%3)").arg(recipient.name, recipient.country, recipient.safeguards);
            }
        }
        why.fields << ReportDocument::Field{purpose->title, purpose->description}
                   << ReportDocument::Field{Tr::tr("Legal basis"), purpose->legalReference}
                   << ReportDocument::Field{Tr::tr("Recipients"), recipients.join(QStringLiteral(", "))}
                   << ReportDocument::Field{Tr::tr("Transfers abroad"), transfers.join(QStringLiteral("; ")),
                                            !transfers.isEmpty()}
                   << ReportDocument::Field{Tr::tr("Kept"), reporting::retentionOf(*purpose)};
    }
    if (why.fields.isEmpty()) {
        why.paragraphs << Tr::tr("No processing purpose holds data about you.");
    }
    document.sections << why;

    ReportDocument::Section consents;
    consents.heading = Tr::tr("Your consents");
    consents.table.header = {Tr::tr("Purpose"), Tr::tr("Policy version"), Tr::tr("Given"), Tr::tr("Withdrawn")};
    for (const SubjectDetails::Consent &consent : details.consents) {
        consents.table.rows << QStringList{consent.purposeTitle, consent.policyVersion, shownTime(consent.givenAt),
                                           shownTime(consent.withdrawnAt)};
    }
    if (consents.table.rows.isEmpty()) {
        consents.table = {};
        consents.paragraphs << Tr::tr("No consent is recorded.");
    }
    document.sections << consents;

    ReportDocument::Section disclosed;
    disclosed.heading = Tr::tr("To whom your data was disclosed");
    disclosed.table.header = {Tr::tr("Date"), Tr::tr("Recipient"), Tr::tr("Country"), Tr::tr("Data"),
                              Tr::tr("Legal basis")};
    for (const SubjectDetails::Disclosure &d : details.disclosures) {
        disclosed.table.rows << QStringList{shownDate(d.disclosedAt), d.recipient, d.country, d.categories,
                                            d.legalBasis};
    }
    if (disclosed.table.rows.isEmpty()) {
        disclosed.table = {};
        disclosed.paragraphs << Tr::tr("Your data was not disclosed to anyone outside us.");
    }
    document.sections << disclosed;

    ReportDocument::Section yourRights;
    yourRights.heading = Tr::tr("Your rights and how to exercise them");
    yourRights.paragraphs = rights(controller ? controller->dpoContact : QString());
    document.sections << yourRights;

    report.tables = {items};
    report.count = items.rows.size();
    report.language = language;
    return report;
}

} // namespace pd::reportbuilders
