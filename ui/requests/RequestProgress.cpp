#include "ui/requests/RequestProgress.h"

#include "app/domain/VocabularyNames.h"

#include <QStringList>

namespace pd {

RequestProgress::RequestProgress(const RequestRecord &record, bool executed, bool hasOperations)
    : m_record(record), m_executed(executed), m_hasOperations(hasOperations)
{
}

bool RequestProgress::isDone(Stage stage) const
{
    switch (stage) {
    case Identity:
        return m_record.identityResult == QLatin1String("confirmed");
    case CarryOut:
        return m_executed || !m_hasOperations || !m_record.subjectId;
    case Reply:
        return !m_record.repliedAt.isEmpty();
    case Complete:
        return !m_record.isOpen();
    case StageCount:
        break;
    }
    return false;
}

RequestProgress::Stage RequestProgress::current() const
{
    if (!m_record.isOpen()) {
        return StageCount;
    }
    // A request waiting for the requester's identity is at that stage even when an earlier check confirmed it.
    if (m_record.status == RequestStatus::New || m_record.status == RequestStatus::IdentityPending) {
        return Identity;
    }
    for (int stage = CarryOut; stage < StageCount; ++stage) {
        if (!isDone(Stage(stage))) {
            return Stage(stage);
        }
    }
    return Complete;
}

QString RequestProgress::name(Stage stage)
{
    switch (stage) {
    case Identity:
        return tr("Identity");
    case CarryOut:
        return tr("Carry out");
    case Reply:
        return tr("Reply");
    case Complete:
        return tr("Complete");
    case StageCount:
        break;
    }
    return {};
}

QString RequestProgress::html() const
{
    const Stage now = current();
    QStringList parts;
    for (int index = 0; index < StageCount; ++index) {
        const Stage stage = Stage(index);
        const QString text = QStringLiteral("%1. %2").arg(index + 1).arg(name(stage)).toHtmlEscaped();
        if (stage == now) {
            parts << QStringLiteral("<b>%1</b>").arg(text);
        } else if (isDone(stage) && (now == StageCount || stage < now)) {
            parts << QStringLiteral("<span style='color:#2e7d32'>%1 ✓</span>").arg(text);
        } else {
            parts << QStringLiteral("<span style='color:#777'>%1</span>").arg(text);
        }
    }
    QString line = parts.join(QStringLiteral(" &nbsp;→&nbsp; "));
    if (now == StageCount) {
        line += QStringLiteral(" &nbsp;·&nbsp; ") +
                VocabularyNames::requestStatus(toString(m_record.status)).toHtmlEscaped();
    }
    return line;
}

} // namespace pd
