#pragma once

#include <QLineEdit>

#include <optional>

namespace pd {

/// The optional "request #" field of the change dialogs: digits only, empty for none.
class RequestIdEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestIdEdit)

public:
    explicit RequestIdEdit(QWidget *parent = nullptr);

    /// The request the change answers, nullopt when the field is empty.
    std::optional<qint64> requestId() const;
};

} // namespace pd
