#include "app/reports/PdfPages_p.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace pd::pdfpages {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::PdfPages)
};

} // namespace

QFont font(const QString &family, qreal points)
{
    QFont result = QFontDatabase::families().contains(family) ? QFont(family) : QFont();
    result.setStyleHint(family.contains(QLatin1String("Serif")) ? QFont::Serif : QFont::SansSerif);
    result.setStyleStrategy(QFont::PreferNoShaping);
    result.setPointSizeF(points);
    return result;
}

Status paint(QPagedPaintDevice &device, const QMarginsF &marginsMm, const std::function<void(QTextDocument &)> &fill,
             const std::function<void(QPainter &, const QRect &, int, int)> &foot)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return makeError(ErrorCode::Storage, Tr::tr("drawing a document needs the graphical application (fonts)"));
    }
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, marginsMm, QPageLayout::Millimeter));
    const QRect page = device.pageLayout().paintRectPixels(kResolution);

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&device);
    document.setDocumentMargin(0);
    document.setPageSize(QSizeF(page.width(), page.height()));
    fill(document);

    const int pages = std::max(1, document.pageCount());
    QPainter painter;
    if (!painter.begin(&device)) {
        return makeError(ErrorCode::Storage, Tr::tr("the document could not be started"));
    }
    for (int index = 0; index < pages; ++index) {
        if (index > 0) {
            device.newPage();
        }
        painter.save();
        painter.translate(0, -index * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, index * page.height(), page.width(), page.height());
        context.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        foot(painter, page, index, pages);
    }
    if (!painter.end()) {
        return makeError(ErrorCode::Storage, Tr::tr("the document could not be finished"));
    }
    return {};
}

Result<QByteArray> render(const QString &title, const QMarginsF &marginsMm,
                          const std::function<void(QTextDocument &)> &fill,
                          const std::function<void(QPainter &, const QRect &, int, int)> &foot)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Privacy Desk %1").arg(QLatin1String(PRIVACYDESK_VERSION)));
        if (Status painted = paint(writer, marginsMm, fill, foot); !painted) {
            return painted.error();
        }
    }
    buffer.close();
    if (!bytes.startsWith("%PDF")) {
        return makeError(ErrorCode::Storage, Tr::tr("the PDF writer produced no document"));
    }
    return bytes;
}

} // namespace pd::pdfpages
