#pragma once

// Private to app/reports/: the A4 page frame every PDF of the program is drawn in.

#include "app/domain/Result.h"

#include <QByteArray>
#include <QFont>
#include <QMarginsF>
#include <QRect>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QPainter;
class QTextDocument;

namespace pd::pdfpages {

constexpr int kResolution = 300; ///< dots per inch of the PDF's coordinate space

/// A DejaVu font (it has Cyrillic; Qt falls back to another with the glyphs where it is missing), without
/// ligatures so that text copied or searched in the PDF keeps its letters.
QFont font(const QString &family, qreal points);

/// Draws a text document on A4 pages of `device` (a PDF writer, or a printer whose resolution is kResolution), as
/// render() says.
Status paint(QPagedPaintDevice &device, const QMarginsF &marginsMm, const std::function<void(QTextDocument &)> &fill,
             const std::function<void(QPainter &, const QRect &, int, int)> &foot);

/// The A4 PDF of a text document: `fill` gives the document its content (the page size and the writer as paint
/// device are set already), `foot(painter, page, index, pages)` draws below the text of each page (the painter's
/// origin is the top-left of the text area `page`). `marginsMm` in millimetres; `title` goes into the metadata.
/// Errors: no QGuiApplication, or the writer failed (ErrorCode::Storage).
Result<QByteArray> render(const QString &title, const QMarginsF &marginsMm,
                          const std::function<void(QTextDocument &)> &fill,
                          const std::function<void(QPainter &, const QRect &, int, int)> &foot);

} // namespace pd::pdfpages
