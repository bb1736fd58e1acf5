#include "ui/shell/OpenDatabaseDialog.h"

#include "ui/common/MessageBox.h"
#include "ui/common/Style.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pd {

OpenDatabaseDialog::OpenDatabaseDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("openDatabaseDialog"));
    setWindowTitle(tr("Open Database \u2014 Privacy Desk"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("openDatabaseMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_sqlite = new QRadioButton(tr("A database &file on this computer (SQLite)"), this);
    m_sqlite->setObjectName(QStringLiteral("sqliteChoice"));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("databaseFile"));
    m_file->setPlaceholderText(tr("e.g. /srv/privacy/office.sqlite; a new file starts a new database"));
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    browse->setObjectName(QStringLiteral("browseDatabase"));
    browse->setAutoDefault(false);
    auto *fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_fileFields = {m_file, browse};

    m_postgres = new QRadioButton(tr("A shared database on a &server (PostgreSQL)"), this);
    m_postgres->setObjectName(QStringLiteral("postgresChoice"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setPlaceholderText(tr("e.g. db.office.example"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setGroupSeparatorShown(false);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_database->setPlaceholderText(tr("e.g. privacydesk"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("asked every time, never stored"));
    auto *server = new QFormLayout;
    server->setContentsMargins(24, 0, 0, 0);
    server->addRow(tr("&Host:"), m_host);
    server->addRow(tr("P&ort:"), m_port);
    server->addRow(tr("&Database:"), m_database);
    server->addRow(tr("&User:"), m_user);
    server->addRow(tr("&Password:"), m_password);
    for (QWidget *field : std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_password}) {
        m_serverFields.append(field);
        if (QWidget *label = server->labelForField(field)) {
            m_serverFields.append(label);
        }
    }

    auto *group = new QButtonGroup(this);
    group->addButton(m_sqlite);
    group->addButton(m_postgres);
    m_sqlite->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &OpenDatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OpenDatabaseDialog::reject);
    connect(browse, &QPushButton::clicked, this, &OpenDatabaseDialog::browse);
    connect(m_sqlite, &QRadioButton::toggled, this, &OpenDatabaseDialog::updateFields);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_sqlite);
    layout->addLayout(fileRow);
    layout->addSpacing(8);
    layout->addWidget(m_postgres);
    layout->addLayout(server);
    layout->addWidget(buttons);
    setMinimumWidth(44 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    updateFields();
    m_file->setFocus();
}

void OpenDatabaseDialog::setUrl(const DatabaseUrl &url)
{
    if (url.backend() == DatabaseUrl::Backend::SQLite) {
        m_sqlite->setChecked(true);
        m_file->setText(url.path());
        m_file->setFocus();
        return;
    }
    m_postgres->setChecked(true);
    m_host->setText(url.host());
    m_port->setValue(url.port());
    m_database->setText(url.databaseName());
    m_user->setText(url.user());
    m_password->setText(url.password());
    (url.password().isEmpty() ? m_password : m_host)->setFocus();
}

void OpenDatabaseDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

Result<DatabaseUrl> OpenDatabaseDialog::url() const
{
    if (m_sqlite->isChecked()) {
        const QString path = m_file->text().trimmed();
        if (path.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, tr("Enter the database file, or choose it with Browse."));
        }
        if (QFileInfo(path).isDir()) {
            return makeError(ErrorCode::InvalidArgument, tr("%1 is a folder; enter a file in it.").arg(path));
        }
        return DatabaseUrl::sqlite(QFileInfo(path).absoluteFilePath());
    }
    if (m_host->text().trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, tr("Enter the server's host name."));
    }
    if (m_database->text().trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, tr("Enter the name of the database on the server."));
    }
    return DatabaseUrl::postgresql(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(),
                                   m_user->text().trimmed(), m_password->text());
}

void OpenDatabaseDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    Style::showAsError(m_message, error);
    m_message->setVisible(!text.isEmpty());
}

QString OpenDatabaseDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OpenDatabaseDialog::accept()
{
    const Result<DatabaseUrl> address = url();
    if (!address) {
        setMessage(address.error().message, true);
        return;
    }
    QDialog::accept();
}

void OpenDatabaseDialog::updateFields()
{
    for (QWidget *field : qAsConst(m_fileFields)) {
        field->setEnabled(m_sqlite->isChecked());
    }
    for (QWidget *field : qAsConst(m_serverFields)) {
        field->setEnabled(m_postgres->isChecked());
    }
}

void OpenDatabaseDialog::browse()
{
    const QString file =
        MessageBox::getOpenFileName(this, tr("Open Database"), QFileInfo(m_file->text()).absolutePath(),
                                    tr("Privacy Desk databases (*.sqlite *.db);;All files (*)"));
    if (!file.isEmpty()) {
        m_file->setText(file);
    }
}

} // namespace pd
