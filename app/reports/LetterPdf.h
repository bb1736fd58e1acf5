#pragma once

#include "app/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace pd {

/// Draws a letter (plain text, as LetterTemplate::render makes it) as an A4 PDF.
///
/// 25 mm margins, DejaVu Serif 11 pt (it has Cyrillic; Qt falls back to another font with the glyphs where it is
/// missing), text wrapped at word boundaries, page numbers at the foot when the letter runs to a second page.
/// Needs a QGuiApplication (fonts); runs on any thread that has one in the process, without widgets.
class LetterPdf
{
public:
    /// The PDF bytes. `language` ("en", "ru") picks the words of the page numbers; `title` goes into the PDF's
    /// metadata and should name no person (e.g. "Reply to request 123"). Errors: no QGuiApplication, or the
    /// writer failed (ErrorCode::Storage).
    static Result<QByteArray> render(const QString &letterText, const QString &language, const QString &title);
};

} // namespace pd
