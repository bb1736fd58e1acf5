#include "app/reports/LetterPdf.h"
#include "app/reports/PdfPages_p.h"

#include <QMarginsF>
#include <QPainter>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace pd {

namespace {

constexpr qreal kMarginMm = 25.0;
constexpr qreal kFontPoints = 11.0;
constexpr qreal kFooterPoints = 8.5;

QFont letterFont(qreal points)
{
    return pdfpages::font(QStringLiteral("DejaVu Serif"), points);
}

QString pageLabel(const QString &language, int page, int pages)
{
    // The letter's language, not the interface's: these are not tr() texts.
    if (language == QLatin1String("ru")) {
        return QString::fromUtf8("Страница %1 из %2").arg(page).arg(pages);
    }
    return QStringLiteral("Page %1 of %2").arg(page).arg(pages);
}

} // namespace

Result<QByteArray> LetterPdf::render(const QString &letterText, const QString &language, const QString &title)
{
    return pdfpages::render(
        title, QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
        [&letterText](QTextDocument &document) {
            document.setDefaultFont(letterFont(kFontPoints));
            // One block per line of the letter: the text is data, never markup.
            QTextCursor cursor(&document);
            QTextBlockFormat block;
            block.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
            block.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
            cursor.setBlockFormat(block);
            QString text = letterText;
            text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            while (text.endsWith(QLatin1Char('\n'))) {
                text.chop(1);
            }
            cursor.insertText(text); // "\n" starts a new block with the same format
        },
        [&language](QPainter &painter, const QRect &page, int index, int pages) {
            if (pages == 1) {
                return;
            }
            painter.setFont(letterFont(kFooterPoints));
            painter.setPen(Qt::darkGray);
            // Half way down the bottom margin (the painter's origin is the top-left of the paint rect).
            const qreal margin = kMarginMm / 25.4 * pdfpages::kResolution;
            painter.drawText(QRectF(0, page.height(), page.width(), margin), Qt::AlignCenter,
                             pageLabel(language, index + 1, pages));
        });
}

} // namespace pd
