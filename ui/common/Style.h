#pragma once

#include <QColor>
#include <QString>

class QWidget;

namespace pd {

/// The colours that carry meaning in every window, in one place: errors and refusals shown inline, warnings (a
/// block, approvals waiting), and good news (a verified audit trail). Chosen to read on the light default palette.
class Style final
{
public:
    Style() = delete;

    /// A refusal, a problem with a field, a failed check.
    static QColor error() { return QColor(0xb0, 0x00, 0x20); }
    /// Something to heed that is not an error: a block, approvals waiting.
    static QColor warning() { return QColor(0x8a, 0x4b, 0x00); }
    /// A check that passed.
    static QColor success() { return QColor(0x1b, 0x5e, 0x20); }

    /// A style sheet giving a widget's text `color` ("color: #b00020;"), with `extra` declarations after it.
    static QString textStyle(const QColor &color, const QString &extra = QString());
    /// Shows the text of `widget` (a label with a message) in the error colour, or in the normal one again.
    static void showAsError(QWidget *widget, bool error = true);
};

} // namespace pd
