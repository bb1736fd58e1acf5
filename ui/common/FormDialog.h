#pragma once

#include <QDate>
#include <QDialog>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace pd {

/// A small form for one step of work on a request (identity check, extension, refusal, ...): labelled fields, an
/// explanation on top, inline validation, and OK/Cancel. Required fields must be filled before OK is enabled;
/// `check` may add a rule of its own and say what is wrong under the form.
///
/// Tests fill the fields by key (setValue) and call accept() on the dialog, or use the pre-answer seam
/// (setNextValues) to answer the next exec() without showing it.
class FormDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    FormDialog(const QString &title, const QString &explanation, const QString &okText, QWidget *parent = nullptr);

    void addText(const QString &key, const QString &label, bool required, const QString &placeholder = QString(),
                 const QString &initial = QString());
    /// A password: typed characters are not shown.
    void addPassword(const QString &key, const QString &label);
    void addMultiLine(const QString &key, const QString &label, bool required, const QString &placeholder = QString());
    void addDate(const QString &key, const QString &label, const QDate &initial, const QDate &maximum = QDate());
    /// A choice: `items` are (stored value, label) pairs.
    void addChoice(const QString &key, const QString &label, const QList<std::pair<QString, QString>> &items,
                   const QString &initial = QString());
    void addCheck(const QString &key, const QString &label, bool initial);

    QVariant value(const QString &key) const;
    QString text(const QString &key) const { return value(key).toString().trimmed(); }
    QDate date(const QString &key) const { return value(key).toDate(); }
    bool checked(const QString &key) const { return value(key).toBool(); }
    void setValue(const QString &key, const QVariant &value);

    /// Shows the form modally (or takes the pre-set values); true when accepted.
    bool run();

    /// The next run() of any form returns accepted with these values (unset keys keep their initial values)
    /// without showing anything; an empty map: as if cancelled. For tests.
    static void setNextValues(std::optional<QHash<QString, QVariant>> values);
    /// The title of the last form run or pre-answered, for tests.
    static QString lastTitle();

private:
    void updateState();

    QFormLayout *m_form = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QWidget *> m_fields;
    QStringList m_required;
};

} // namespace pd
