#pragma once

#include "app/storage/DatabaseUrl.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace pd {

/// File > Open Database: a SQLite file (typed or chosen; a new file starts a new database) or a PostgreSQL server
/// (host, port, database, user and password). The password is asked every time and kept only in memory for the
/// connection: the recent-databases list and the settings hold the address without it.
///
/// Tests fill the fields with setUrl() and setPassword() and call accept() instead of exec().
class OpenDatabaseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenDatabaseDialog)

public:
    explicit OpenDatabaseDialog(QWidget *parent = nullptr);

    /// Fills the form from `url` (its password too, when it has one); the password field takes the focus when a
    /// PostgreSQL address lacks one.
    void setUrl(const DatabaseUrl &url);
    void setPassword(const QString &password);
    /// What the form says now; an error naming the field when it is not complete.
    Result<DatabaseUrl> url() const;
    /// A line above the form ("The database could not be opened: ..."), empty to hide it.
    void setMessage(const QString &text, bool error);
    QString messageText() const;

    /// Closes with Accepted when the form makes an address; otherwise names the missing field and stays open.
    void accept() override;

private:
    void updateFields();
    void browse();

    QRadioButton *m_sqlite = nullptr;
    QRadioButton *m_postgres = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QList<QWidget *> m_fileFields;
    QList<QWidget *> m_serverFields;
};

} // namespace pd
