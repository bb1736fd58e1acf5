#include "ui/policy/PurposeDetails.h"

#include "ui/common/Labels.h"
#include "ui/common/Style.h"
#include "ui/policy/RegisterLabels.h"

#include <QStringList>

namespace pd {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

class Html
{
public:
    void heading(const QString &text)
    {
        m_text += QStringLiteral("<h3>%1</h3><table cellspacing=\"2\" width=\"100%\">").arg(escaped(text));
    }
    void end() { m_text += QStringLiteral("</table>"); }
    /// A row with a label; an empty value is written as "not recorded" in grey, so that gaps show.
    void row(const QString &label, const QString &value, bool standOut = false)
    {
        const QString shown =
            value.isEmpty() ? QStringLiteral("<span style=\"color:gray\">%1</span>")
                                  .arg(escaped(PurposeDetails::tr("not recorded")))
            : standOut
                ? QStringLiteral("<b style=\"%1\">%2</b>").arg(Style::textStyle(Style::warning()), escaped(value))
                : escaped(value);
        m_text +=
            QStringLiteral("<tr><td width=\"40%\" style=\"padding-right:12px; color:#555\">%1</td><td>%2</td></tr>")
                .arg(escaped(label), shown);
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

QString fieldNames(const QStringList &fields)
{
    QStringList names;
    for (const QString &field : fields) {
        names << Labels::field(field);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString PurposeDetails::html(const Profile &register_, const ProfilePurpose &purpose)
{
    ProfileController controller;
    for (const ProfileController &candidate : register_.controllers) {
        if (candidate.code == purpose.controller) {
            controller = candidate;
        }
    }
    ProfileSystem system;
    for (const ProfileSystem &candidate : register_.systems) {
        if (candidate.code == purpose.system) {
            system = candidate;
        }
    }
    Html html;
    html.heading(tr("Purpose"));
    html.row(tr("Title"), purpose.title);
    html.row(tr("Code"), purpose.code);
    html.row(tr("Description"), purpose.description);
    html.row(tr("Legal ground"),
             purpose.legalReference.isEmpty()
                 ? RegisterLabels::legalGround(purpose.ground)
                 : tr("%1 (%2)").arg(RegisterLabels::legalGround(purpose.ground), purpose.legalReference));
    html.row(tr("Special categories"),
             purpose.specialCategory ? tr("Yes: %1").arg(purpose.specialCondition.isEmpty() ? tr("condition not stated")
                                                                                            : purpose.specialCondition)
                                     : tr("No"),
             purpose.specialCategory);
    html.row(tr("Automated decisions"), purpose.automatedDecisions.isEmpty() ? tr("None") : purpose.automatedDecisions,
             !purpose.automatedDecisions.isEmpty());
    html.row(tr("Impact assessment"), RegisterLabels::dpia(purpose.dpia),
             purpose.dpia == DpiaStatus::Needed || purpose.dpia == DpiaStatus::InProgress);
    if (!purpose.retiredOn.isEmpty()) {
        html.row(tr("Status"),
                 tr("Retired on %1: no new data or consent is taken for it").arg(Labels::localDate(purpose.retiredOn)),
                 true);
    }
    html.end();

    html.heading(tr("Controller"));
    html.row(tr("Name"), controller.name);
    html.row(tr("Our role"), RegisterLabels::controllerKind(controller.kind));
    if (controller.kind == ControllerKind::Client) {
        html.row(tr("Contract with the client"), controller.contract);
    }
    html.row(tr("Address"), controller.address);
    html.row(tr("Contact"), controller.contact);
    html.row(tr("Data protection officer"), controller.dpoContact);
    html.row(tr("Representative"), controller.representative);
    html.row(tr("Joint controller"), controller.jointController.isEmpty() ? tr("None") : controller.jointController);
    html.end();

    html.heading(tr("Data"));
    html.row(tr("Subjects"), purpose.subjectCategories.join(QStringLiteral(", ")));
    QStringList categories;
    for (const QString &category : purpose.dataCategories) {
        categories << Labels::category(category);
    }
    html.row(tr("Categories"), categories.join(QStringLiteral(", ")));
    html.row(tr("Fields"), fieldNames(purpose.dataFields));
    html.row(tr("Source"), purpose.dataSource);
    html.row(tr("Processing"), purpose.processingKinds.join(QStringLiteral(", ")));
    html.row(tr("Information system"), system.name.isEmpty()       ? QString()
                                       : system.location.isEmpty() ? system.name
                                                                   : tr("%1 (%2)").arg(system.name, system.location));
    html.end();

    html.heading(tr("Retention"));
    const RetentionRule rule{purpose.retention, purpose.retentionMonths, purpose.retentionEvent,
                             purpose.retentionAction};
    html.row(purpose.categoryRetention.isEmpty() ? tr("All data") : tr("Other data"),
             tr("%1 (%2)").arg(RegisterLabels::rule(rule), purpose.retentionText));
    for (const ProfileCategoryRetention &entry : purpose.categoryRetention) {
        const RetentionRule period{entry.retention, entry.retentionMonths, entry.retentionEvent, entry.retentionAction};
        html.row(Labels::category(entry.category),
                 tr("%1 (%2)").arg(RegisterLabels::rule(period), entry.retentionText));
    }
    html.row(tr("Destruction"), purpose.deletionMethod);
    html.end();

    html.heading(tr("Recipients and transfers"));
    if (purpose.recipients.isEmpty()) {
        html.row(tr("Recipients"), tr("None"));
    }
    for (const ProfileRecipient &recipient : purpose.recipients) {
        QStringList parts{RegisterLabels::recipientRole(recipient.role)};
        if (!recipient.country.isEmpty()) {
            parts << recipient.country;
        }
        if (!recipient.safeguards.isEmpty()) {
            parts << recipient.safeguards;
        }
        if (!recipient.contract.isEmpty()) {
            parts << tr("contract: %1").arg(recipient.contract);
        }
        // A transfer to another country than the controller's stands out.
        const bool transfer =
            !recipient.country.isEmpty() && !controller.country.isEmpty() && recipient.country != controller.country;
        html.row(recipient.name,
                 transfer ? tr("Transfer abroad: %1").arg(parts.join(QStringLiteral(", ")))
                          : parts.join(QStringLiteral(", ")),
                 transfer);
    }
    html.row(tr("Countries"), purpose.countries.join(QStringLiteral(", ")));
    html.end();

    html.heading(tr("Security"));
    html.row(tr("Measures"), purpose.securityMeasures);
    html.end();
    return html.text();
}

} // namespace pd
