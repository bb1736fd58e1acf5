#pragma once

#include "app/domain/Session.h"

#include <QObject>
#include <QString>

#include <memory>

class QCompleter;
class QLineEdit;
class QStandardItemModel;
class QTimer;

namespace pd {

class Database;

/// Finds a subject by what is typed into a line edit (name words, an e-mail, a phone number, an external id) and
/// offers the matches in a completer: "Ivanova Anna · anna@example.com · +375 29 … (#42)". Choosing one puts the
/// subject's number into the edit and tells who it is. A bare number is taken as the subject's number as it is.
class SubjectLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubjectLookup)

public:
    static constexpr int kMatches = 8;

    SubjectLookup(std::shared_ptr<Database> database, const Session &session, QLineEdit *edit);

    /// Searches for the edit's text now (typing waits a moment first).
    void search();
    QCompleter *completer() const { return m_completer; }
    /// The chosen subject's description, empty when the edit holds no chosen subject.
    QString chosenDescription() const { return m_chosenText; }

signals:
    /// The matches of the last search are in the completer (possibly none).
    void searched(int matches);
    /// A subject was chosen from the matches.
    void chosen(qint64 subjectId, const QString &description);

private:
    std::shared_ptr<Database> m_database;
    Session m_session;
    QLineEdit *m_edit = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_matches = nullptr;
    QTimer *m_delay = nullptr;
    QString m_chosenId;
    QString m_chosenText;
};

} // namespace pd
