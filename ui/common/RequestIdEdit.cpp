#include "ui/common/RequestIdEdit.h"

#include <QRegularExpressionValidator>

namespace pd {

RequestIdEdit::RequestIdEdit(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("requestIdEdit"));
    setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[1-9][0-9]{0,17}")), this));
    setPlaceholderText(tr("optional, e.g. 42"));
    setAccessibleName(tr("Request number"));
}

std::optional<qint64> RequestIdEdit::requestId() const
{
    bool ok = false;
    const qint64 id = text().trimmed().toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace pd
