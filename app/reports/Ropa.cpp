#include "app/reports/Ropa.h"
#include "app/reports/Letterhead_p.h"

#include "app/domain/Permissions.h"
#include "app/domain/Retention.h"
#include "app/policy/ProfileExport.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::Ropa)
};

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

QString retention(const ProfilePurpose &purpose)
{
    QStringList lines{
        QStringLiteral("%1 (%2)").arg(reporting::retentionOf(purpose), toString(purpose.retentionAction))};
    for (const ProfileCategoryRetention &category : purpose.categoryRetention) {
        RetentionRule own;
        own.kind = category.retention;
        own.months = category.retentionMonths;
        own.event = category.retentionEvent;
        lines << QStringLiteral("%1: %2 (%3)")
                     .arg(category.category,
                          category.retentionText.isEmpty() ? retentionRuleSpelling(own) : category.retentionText,
                          toString(category.retentionAction));
    }
    return lines.join(QLatin1Char('\n'));
}

QString recipients(const ProfilePurpose &purpose, bool withContracts)
{
    QStringList lines;
    for (const ProfileRecipient &recipient : purpose.recipients) {
        if (withContracts && recipient.contract.isEmpty()) {
            continue;
        }
        lines << (withContracts ? QStringLiteral("%1: %2").arg(recipient.name, recipient.contract)
                                : QStringLiteral("%1 (%2)").arg(recipient.name, toString(recipient.role)));
    }
    return lines.join(QLatin1Char('\n'));
}

/// Recipients outside the controller's country, with their safeguards.
QString transfers(const ProfilePurpose &purpose, const ProfileController &controller)
{
    QStringList lines;
    for (const ProfileRecipient &recipient : purpose.recipients) {
        if (!recipient.country.isEmpty() && recipient.country != controller.country) {
            lines << QStringLiteral("%1, %2: %3").arg(recipient.name, recipient.country, recipient.safeguards);
        }
    }
    for (const QString &country : purpose.countries) {
        if (country != controller.country) {
            lines << country;
        }
    }
    lines.removeDuplicates();
    return lines.join(QLatin1Char('\n'));
}

QString specialData(const ProfilePurpose &purpose)
{
    return purpose.specialCategory ? Tr::tr("yes: %1").arg(purpose.specialCondition) : Tr::tr("no");
}

QString dpia(DpiaStatus status)
{
    switch (status) {
    case DpiaStatus::NotAssessed:
        return Tr::tr("not assessed");
    case DpiaStatus::NotNeeded:
        return Tr::tr("not needed");
    case DpiaStatus::Needed:
        return Tr::tr("needed");
    case DpiaStatus::InProgress:
        return Tr::tr("in progress");
    case DpiaStatus::Done:
        return Tr::tr("done");
    }
    return {};
}

} // namespace

Result<Ropa::Sheet> Ropa::sheet(Database &database, const Session &who, const QString &controllerCode)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    const Result<Profile> profile = ProfileExport::read(database);
    if (!profile) {
        return profile.error();
    }
    return sheet(profile.value(), who, controllerCode);
}

Result<Ropa::Sheet> Ropa::sheet(const Profile &profile, const Session &who, const QString &controllerCode)
{
    if (Status allowed = Permissions::check(who, Action::ExportRegisters); !allowed) {
        return allowed.error();
    }
    const ProfileController *controller = nullptr;
    for (const ProfileController &candidate : profile.controllers) {
        if (controllerCode.isEmpty() ? candidate.kind == ControllerKind::Own : candidate.code == controllerCode) {
            controller = &candidate;
            break;
        }
    }
    if (!controller) {
        return makeError(ErrorCode::NotFound, controllerCode.isEmpty()
                                                  ? Tr::tr("the register has no own controller")
                                                  : Tr::tr("no controller with the code '%1'").arg(controllerCode));
    }
    Sheet sheet;
    sheet.record = controller->kind == ControllerKind::Own ? Record::Controller : Record::Processor;
    sheet.controllerName = controller->name;
    sheet.controllerCode = controller->code;
    sheet.letterhead = reporting::letterhead(*controller);
    QHash<QString, const ProfileSystem *> systems;
    for (const ProfileSystem &system : profile.systems) {
        systems.insert(system.code, &system);
    }
    if (sheet.record == Record::Controller) {
        sheet.header = {Tr::tr("Purpose of processing"),
                        Tr::tr("Description"),
                        Tr::tr("Lawful basis (art. 6)"),
                        Tr::tr("Special category data (art. 9 condition)"),
                        Tr::tr("Joint controller"),
                        Tr::tr("Categories of individuals"),
                        Tr::tr("Categories of personal data"),
                        Tr::tr("Source of the data"),
                        Tr::tr("Recipients"),
                        Tr::tr("Contracts with processors"),
                        Tr::tr("Third countries and safeguards"),
                        Tr::tr("Retention schedule"),
                        Tr::tr("Security measures"),
                        Tr::tr("Automated decision-making"),
                        Tr::tr("Information system and location of the data"),
                        Tr::tr("DPIA"),
                        Tr::tr("Status")};
    } else {
        sheet.header = {Tr::tr("Processing carried out for the controller"),
                        Tr::tr("Controller and its contacts"),
                        Tr::tr("Contract"),
                        Tr::tr("Categories of processing"),
                        Tr::tr("Categories of personal data"),
                        Tr::tr("Sub-processors"),
                        Tr::tr("Third countries and safeguards"),
                        Tr::tr("Security measures"),
                        Tr::tr("Information system and location of the data"),
                        Tr::tr("Status")};
    }
    for (const ProfilePurpose &purpose : profile.purposes) {
        if (purpose.controller != controller->code) {
            continue;
        }
        const ProfileSystem *system = systems.value(purpose.system);
        const QString where = system ? QStringList{system->name, system->location}
                                           .filter(QRegularExpression(QStringLiteral("\\S")))
                                           .join(QStringLiteral(", "))
                                     : QString();
        const QString status =
            purpose.retiredOn.isEmpty() ? Tr::tr("in use") : Tr::tr("retired on %1").arg(purpose.retiredOn);
        const QString transferred = transfers(purpose, *controller);
        QStringList row;
        QList<int> standOut;
        if (sheet.record == Record::Controller) {
            row = {purpose.title,
                   purpose.description,
                   QStringLiteral("%1 (%2)").arg(toString(purpose.ground), purpose.legalReference),
                   specialData(purpose),
                   controller->jointController,
                   joined(purpose.subjectCategories),
                   joined(purpose.dataCategories),
                   purpose.dataSource,
                   recipients(purpose, false),
                   recipients(purpose, true),
                   transferred,
                   retention(purpose),
                   purpose.securityMeasures,
                   purpose.automatedDecisions,
                   where,
                   dpia(purpose.dpia),
                   status};
            if (purpose.specialCategory) {
                standOut << 3;
            }
            if (!transferred.isEmpty()) {
                standOut << 10;
            }
            if (!purpose.automatedDecisions.isEmpty()) {
                standOut << 13;
            }
            if (purpose.dpia == DpiaStatus::Needed || purpose.dpia == DpiaStatus::InProgress) {
                standOut << 15;
            }
        } else {
            row = {purpose.title,
                   QStringList{controller->name, controller->contact, controller->dpoContact}
                       .filter(QRegularExpression(QStringLiteral("\\S")))
                       .join(QStringLiteral(", ")),
                   controller->contract,
                   joined(purpose.processingKinds),
                   joined(purpose.dataCategories),
                   recipients(purpose, false),
                   transferred,
                   purpose.securityMeasures,
                   where,
                   status};
            if (!transferred.isEmpty()) {
                standOut << 6;
            }
        }
        sheet.rows << row;
        sheet.standOut << standOut;
    }
    return sheet;
}

ReportDocument Ropa::document(const Sheet &sheet, const QString &generatedBy)
{
    ReportDocument report;
    report.title = sheet.record == Record::Controller ? Tr::tr("Record of processing activities")
                                                      : Tr::tr("Record of processing activities as a processor");
    report.subtitle = sheet.record == Record::Controller
                          ? Tr::tr("GDPR art. 30(1); Belarus Decree 422 sub. 3.5: %1").arg(sheet.controllerName)
                          : Tr::tr("GDPR art. 30(2): processing on behalf of %1").arg(sheet.controllerName);
    report.letterhead = sheet.letterhead;
    report.generatedBy = generatedBy;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    for (qsizetype row = 0; row < sheet.rows.size(); ++row) {
        ReportDocument::Section section;
        section.heading = QStringLiteral("%1. %2").arg(row + 1).arg(sheet.rows.at(row).value(0));
        for (qsizetype column = 1; column < sheet.header.size(); ++column) {
            section.fields << ReportDocument::Field{sheet.header.at(column), sheet.rows.at(row).value(column),
                                                    sheet.standOut.at(row).contains(int(column))};
        }
        report.sections << section;
    }
    if (sheet.rows.isEmpty()) {
        ReportDocument::Section none;
        none.heading = Tr::tr("No processing activities");
        none.paragraphs << Tr::tr("The register holds no purpose of this controller.");
        report.sections << none;
    }
    report.signatures = {Tr::tr("Data protection officer")};
    return report;
}

QString Ropa::sheetName(const Sheet &sheet)
{
    return sheet.record == Record::Controller ? Tr::tr("Record of processing") : Tr::tr("Processor record");
}

} // namespace pd
