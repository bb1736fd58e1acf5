#include "app/reports/LetterPdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

#include <cmath>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::LetterPdf)
};

constexpr int kResolution = 300; // dots per inch of the PDF's coordinate space
constexpr qreal kMarginMm = 25.0;
constexpr qreal kFontPoints = 11.0;
constexpr qreal kFooterPoints = 8.5;

QFont letterFont(qreal points)
{
    const QString serif = QStringLiteral("DejaVu Serif");
    QFont font = QFontDatabase::families().contains(serif) ? QFont(serif) : QFont();
    font.setStyleHint(QFont::Serif);
    // No ligatures: "Office" must stay six letters when the text is copied or searched in the PDF.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(points);
    return font;
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
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return makeError(ErrorCode::Storage, Tr::tr("drawing a PDF needs the graphical application (fonts)"));
    }

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Privacy Desk %1").arg(QLatin1String(PRIVACYDESK_VERSION)));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                         QPageLayout::Millimeter));
        const QRect page = writer.pageLayout().paintRectPixels(kResolution);

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDefaultFont(letterFont(kFontPoints));
        document.setDocumentMargin(0);
        document.setPageSize(QSizeF(page.width(), page.height()));
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

        const int pages = std::max(1, document.pageCount());
        QPainter painter;
        if (!painter.begin(&writer)) {
            return makeError(ErrorCode::Storage, Tr::tr("the PDF writer could not start"));
        }
        const QFont footerFont = letterFont(kFooterPoints);
        for (int index = 0; index < pages; ++index) {
            if (index > 0) {
                writer.newPage();
            }
            painter.save();
            painter.translate(0, -index * page.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, index * page.height(), page.width(), page.height());
            context.palette.setColor(QPalette::Text, Qt::black);
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();
            if (pages > 1) {
                painter.setFont(footerFont);
                painter.setPen(Qt::darkGray);
                // Half way down the bottom margin (the painter's origin is the top-left of the paint rect).
                const qreal margin = kMarginMm / 25.4 * kResolution;
                painter.drawText(QRectF(0, page.height(), page.width(), margin), Qt::AlignCenter,
                                 pageLabel(language, index + 1, pages));
            }
        }
        if (!painter.end()) {
            return makeError(ErrorCode::Storage, Tr::tr("the PDF writer could not finish"));
        }
    }
    buffer.close();
    if (!bytes.startsWith("%PDF")) {
        return makeError(ErrorCode::Storage, Tr::tr("the PDF writer produced no document"));
    }
    return bytes;
}

} // namespace pd
