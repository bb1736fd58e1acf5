// The Purposes page's editing: the purpose editor, the forms for controllers, systems and processors, and
// retirement. Every change goes through RegisterEditor (officers; audited with before and after).
#include "ui/policy/PurposesPage.h"

#include "app/domain/Permissions.h"
#include "ui/common/FormDialog.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/policy/PurposeEditor.h"
#include "ui/policy/RegisterLabels.h"

#include <QDate>
#include <QTableWidget>

namespace pd {

namespace {

template <typename T> T entryWithCode(const QList<T> &entries, const QString &code)
{
    for (const T &entry : entries) {
        if (entry.code == code) {
            return entry;
        }
    }
    return T();
}

} // namespace

void PurposesPage::editPurpose(const QString &code)
{
    if (!Permissions::allows(m_session.role, Action::ManagePurposes)) {
        return;
    }
    if (m_register.controllers.isEmpty()) {
        MessageBox::information(this, tr("New Purpose"),
                                tr("A purpose belongs to a controller. Add the controller first, on the Controllers "
                                   "tab."));
        return;
    }
    const ProfilePurpose before = code.isEmpty() ? ProfilePurpose() : entryWithCode(m_register.purposes, code);
    ProfilePurpose start = before;
    if (code.isEmpty()) {
        start.controller = m_register.controllers.first().code;
        start.retention = RetentionKind::ContractTerm;
    }
    PurposeEditor editor(
        m_register, start,
        [this, before](const ProfilePurpose &after) {
            return RegisterEditor::savePurpose(*m_database, m_session, before, after);
        },
        this);
    if (editor.exec() == QDialog::Accepted) {
        reload();
    }
}

void PurposesPage::editController(const QString &code)
{
    if (!Permissions::allows(m_session.role, Action::ManagePurposes)) {
        return;
    }
    const ProfileController before = code.isEmpty() ? ProfileController() : entryWithCode(m_register.controllers, code);
    const QString title = code.isEmpty() ? tr("New Controller") : tr("Edit Controller");
    FormDialog form(title,
                    tr("Who decides why and how the data is processed: our own company, or a client for whom we "
                       "process data on instructions."),
                    tr("Save"), this);
    if (code.isEmpty()) {
        form.addText(QStringLiteral("code"), tr("Code:"), true, tr("lowercase letters, digits and '-'"));
    }
    form.addText(QStringLiteral("name"), tr("Name:"), true, QString(), before.name);
    form.addChoice(QStringLiteral("kind"), tr("Our role:"),
                   {{toString(ControllerKind::Own), RegisterLabels::controllerKind(ControllerKind::Own)},
                    {toString(ControllerKind::Client), RegisterLabels::controllerKind(ControllerKind::Client)}},
                   toString(before.kind));
    form.addText(QStringLiteral("contract"), tr("Contract with the client:"), false,
                 tr("for a client: the contract we process under"), before.contract);
    form.addText(QStringLiteral("address"), tr("Address:"), false, QString(), before.address);
    form.addText(QStringLiteral("country"), tr("Country:"), false, tr("ISO code, such as BY"), before.country);
    form.addText(QStringLiteral("contact"), tr("Contact:"), false, QString(), before.contact);
    form.addText(QStringLiteral("dpo"), tr("Data protection officer:"), false, QString(), before.dpoContact);
    form.addText(QStringLiteral("representative"), tr("Representative:"), false, QString(), before.representative);
    form.addText(QStringLiteral("joint"), tr("Joint controller:"), false, tr("none"), before.jointController);
    if (!form.run()) {
        return;
    }
    ProfileController after = before;
    after.code = code.isEmpty() ? form.text(QStringLiteral("code")) : code;
    after.name = form.text(QStringLiteral("name"));
    after.kind = parseControllerKind(form.text(QStringLiteral("kind"))).value_or(ControllerKind::Own);
    after.contract = form.text(QStringLiteral("contract"));
    after.address = form.text(QStringLiteral("address"));
    after.country = form.text(QStringLiteral("country"));
    after.contact = form.text(QStringLiteral("contact"));
    after.dpoContact = form.text(QStringLiteral("dpo"));
    after.representative = form.text(QStringLiteral("representative"));
    after.jointController = form.text(QStringLiteral("joint"));
    report(RegisterEditor::saveController(*m_database, m_session, before, after), title);
}

void PurposesPage::editSystem(const QString &code)
{
    if (!Permissions::allows(m_session.role, Action::ManagePurposes) || m_register.controllers.isEmpty()) {
        return;
    }
    const ProfileSystem before = code.isEmpty() ? ProfileSystem() : entryWithCode(m_register.systems, code);
    const QString title = code.isEmpty() ? tr("New Information System") : tr("Edit Information System");
    FormDialog form(title, tr("An information system that holds personal data, and where the data is kept."),
                    tr("Save"), this);
    if (code.isEmpty()) {
        form.addText(QStringLiteral("code"), tr("Code:"), true, tr("lowercase letters, digits and '-'"));
    }
    form.addText(QStringLiteral("name"), tr("Name:"), true, QString(), before.name);
    QList<std::pair<QString, QString>> controllers;
    for (const ProfileController &controller : std::as_const(m_register.controllers)) {
        controllers.append({controller.code, controller.name});
    }
    form.addChoice(QStringLiteral("controller"), tr("Controller:"), controllers, before.controller);
    form.addText(QStringLiteral("location"), tr("Where the data is:"), false, tr("data centre, city, country"),
                 before.location);
    form.addText(QStringLiteral("description"), tr("Description:"), false, QString(), before.description);
    if (!form.run()) {
        return;
    }
    ProfileSystem after = before;
    after.code = code.isEmpty() ? form.text(QStringLiteral("code")) : code;
    after.name = form.text(QStringLiteral("name"));
    after.controller = form.text(QStringLiteral("controller"));
    after.location = form.text(QStringLiteral("location"));
    after.description = form.text(QStringLiteral("description"));
    report(RegisterEditor::saveSystem(*m_database, m_session, before, after), title);
}

void PurposesPage::editProcessor(const QString &name)
{
    if (!Permissions::allows(m_session.role, Action::ManagePurposes) || name.isEmpty()) {
        return;
    }
    RegisterEditor::Processor before;
    for (const RegisterEditor::Processor &processor : std::as_const(m_processors)) {
        if (processor.name == name) {
            before = processor;
        }
    }
    FormDialog form(tr("Edit Processor"),
                    tr("Changes apply to every purpose this processor receives data for (%n purpose(s)).", nullptr,
                       int(before.purposes.size())),
                    tr("Save"), this);
    form.addText(QStringLiteral("name"), tr("Name:"), true, QString(), before.name);
    form.addText(QStringLiteral("country"), tr("Country:"), false, tr("ISO code, such as DE"), before.country);
    form.addText(QStringLiteral("safeguards"), tr("Safeguards for a transfer:"), false,
                 tr("such as standard contractual clauses"), before.safeguards);
    form.addText(QStringLiteral("contract"), tr("Contract:"), false, tr("the agreement it processes under"),
                 before.contract);
    if (!form.run()) {
        return;
    }
    RegisterEditor::Processor after = before;
    after.name = form.text(QStringLiteral("name"));
    after.country = form.text(QStringLiteral("country"));
    after.safeguards = form.text(QStringLiteral("safeguards"));
    after.contract = form.text(QStringLiteral("contract"));
    report(RegisterEditor::saveProcessor(*m_database, m_session, before, after), tr("Edit Processor"));
}

void PurposesPage::retireOrReinstate()
{
    const QString code = selectedCode(m_table);
    if (!Permissions::allows(m_session.role, Action::ManagePurposes) || code.isEmpty()) {
        return;
    }
    const ProfilePurpose purpose = entryWithCode(m_register.purposes, code);
    const bool retiring = purpose.retiredOn.isEmpty();
    const QString title = retiring ? tr("Retire Purpose") : tr("Reinstate Purpose");
    FormDialog form(title,
                    retiring ? tr("'%1' will take no new data or consent from the day it is retired. Nothing is "
                                  "deleted: the data held for it stays under its retention rule, and the purpose "
                                  "stays in the register and its history.")
                                   .arg(purpose.title)
                             : tr("'%1' will take new data and consents again.").arg(purpose.title),
                    retiring ? tr("Retire") : tr("Reinstate"), this);
    if (retiring) {
        form.addDate(QStringLiteral("on"), tr("Retired on:"), QDate::currentDate());
    }
    form.addMultiLine(QStringLiteral("reason"), tr("Reason:"), true, tr("why, for the audit trail"));
    if (!form.run()) {
        return;
    }
    const QString reason = form.text(QStringLiteral("reason"));
    report(retiring
               ? RegisterEditor::retirePurpose(*m_database, m_session, code, form.date(QStringLiteral("on")), reason)
               : RegisterEditor::reinstatePurpose(*m_database, m_session, code, reason),
           title);
}

} // namespace pd
