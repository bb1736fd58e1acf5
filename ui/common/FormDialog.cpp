#include "ui/common/FormDialog.h"
#include "ui/common/Style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

namespace {
std::optional<QHash<QString, QVariant>> g_nextValues;
QString g_lastTitle;
} // namespace

FormDialog::FormDialog(const QString &title, const QString &explanation, const QString &okText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    if (!explanation.isEmpty()) {
        auto *label = new QLabel(explanation, this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    Style::showAsError(m_problem);
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(480);
    updateState();
}

void FormDialog::addText(const QString &key, const QString &label, bool required, const QString &placeholder,
                         const QString &initial)
{
    auto *edit = new QLineEdit(initial, this);
    edit->setObjectName(key);
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textChanged, this, &FormDialog::updateState);
    m_form->addRow(required ? label + QLatin1Char('*') : label, edit);
    m_fields.insert(key, edit);
    if (required) {
        m_required << key;
    }
    updateState();
}

void FormDialog::addPassword(const QString &key, const QString &label)
{
    addText(key, label, true);
    auto *edit = static_cast<QLineEdit *>(m_fields.value(key));
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
}

void FormDialog::addMultiLine(const QString &key, const QString &label, bool required, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(key);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(fontMetrics().height() * 4 + 12);
    connect(edit, &QPlainTextEdit::textChanged, this, &FormDialog::updateState);
    m_form->addRow(required ? label + QLatin1Char('*') : label, edit);
    m_fields.insert(key, edit);
    if (required) {
        m_required << key;
    }
    updateState();
}

void FormDialog::addDate(const QString &key, const QString &label, const QDate &initial, const QDate &maximum)
{
    auto *edit = new QDateEdit(initial, this);
    edit->setObjectName(key);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    if (maximum.isValid()) {
        edit->setMaximumDate(maximum);
    }
    m_form->addRow(label, edit);
    m_fields.insert(key, edit);
}

void FormDialog::addChoice(const QString &key, const QString &label, const QList<std::pair<QString, QString>> &items,
                           const QString &initial)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(key);
    for (const auto &[stored, shown] : items) {
        combo->addItem(shown, stored);
    }
    const int index = combo->findData(initial);
    combo->setCurrentIndex(std::max(0, index));
    m_form->addRow(label, combo);
    m_fields.insert(key, combo);
}

void FormDialog::addCheck(const QString &key, const QString &label, bool initial)
{
    auto *box = new QCheckBox(label, this);
    box->setObjectName(key);
    box->setChecked(initial);
    m_form->addRow(QString(), box);
    m_fields.insert(key, box);
}

QVariant FormDialog::value(const QString &key) const
{
    QWidget *field = m_fields.value(key);
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        return edit->text();
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(field)) {
        return edit->toPlainText();
    }
    if (auto *edit = qobject_cast<QDateEdit *>(field)) {
        return edit->date();
    }
    if (auto *combo = qobject_cast<QComboBox *>(field)) {
        return combo->currentData();
    }
    if (auto *box = qobject_cast<QCheckBox *>(field)) {
        return box->isChecked();
    }
    return {};
}

void FormDialog::setValue(const QString &key, const QVariant &value)
{
    QWidget *field = m_fields.value(key);
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        edit->setText(value.toString());
    } else if (auto *edit = qobject_cast<QPlainTextEdit *>(field)) {
        edit->setPlainText(value.toString());
    } else if (auto *edit = qobject_cast<QDateEdit *>(field)) {
        edit->setDate(value.toDate());
    } else if (auto *combo = qobject_cast<QComboBox *>(field)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    } else if (auto *box = qobject_cast<QCheckBox *>(field)) {
        box->setChecked(value.toBool());
    }
}

void FormDialog::updateState()
{
    QStringList missing;
    for (const QString &key : std::as_const(m_required)) {
        if (text(key).isEmpty()) {
            missing << m_form->labelForField(m_fields.value(key))->property("text").toString().remove(QLatin1Char('*'));
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
    m_problem->setText(missing.isEmpty() ? QString() : tr("Required: %1").arg(missing.join(QLatin1String(", "))));
}

bool FormDialog::run()
{
    g_lastTitle = windowTitle();
    if (g_nextValues) {
        const QHash<QString, QVariant> values = *g_nextValues;
        g_nextValues.reset();
        if (values.isEmpty()) {
            return false;
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            setValue(it.key(), it.value());
        }
        return true;
    }
    return exec() == QDialog::Accepted;
}

void FormDialog::setNextValues(std::optional<QHash<QString, QVariant>> values)
{
    g_nextValues = std::move(values);
}

QString FormDialog::lastTitle()
{
    return g_lastTitle;
}

} // namespace pd
