#pragma once

#include "app/requests/Request.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

/// Where a request stands on its way: identity → carry out → reply → complete. The request page shows the stages
/// and offers the step of the current one as its main button.
class RequestProgress final
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestProgress)

public:
    enum Stage { Identity, CarryOut, Reply, Complete, StageCount };

    /// `executed`: the timeline records a carried-out step; `hasOperations`: the request's type has one to carry out.
    RequestProgress(const RequestRecord &record, bool executed, bool hasOperations);

    /// Whether a stage is behind the request (a stage with nothing to do for it counts as done).
    bool isDone(Stage stage) const;
    /// The first stage not done; StageCount when the request is closed.
    Stage current() const;
    /// The stages as one line of rich text: done ones ticked, the current one in bold.
    QString html() const;
    static QString name(Stage stage);

private:
    const RequestRecord &m_record;
    bool m_executed = false;
    bool m_hasOperations = false;
};

} // namespace pd
