#pragma once

#include <QWidget>

#include <memory>

class QStackedWidget;
class QTableWidget;

namespace pd {

class Database;
class EmptyState;

/// The register of processing purposes, read-only: who decides, why, on what legal ground, for how long, where.
class PurposesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PurposesPage)

public:
    enum Column { Controller, Purpose, LegalGround, Categories, Retention, Countries, Recipients, ColumnCount };

    explicit PurposesPage(std::shared_ptr<Database> database, QWidget *parent = nullptr);

    /// Reads the register again (it is small: a few dozen rows at most).
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    static QString legalGroundLabel(const QString &stored);

    std::shared_ptr<Database> m_database;
    QStackedWidget *m_views = nullptr;
    QTableWidget *m_table = nullptr;
    EmptyState *m_empty = nullptr;
};

} // namespace pd
