#include "app/storage/DriverMessages.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace pd {

namespace {

QtMessageHandler s_previous = nullptr;

void filter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = message.toUtf8();
    if (isWithheldDriverMessage(text.constData())) {
        if (s_previous) {
            s_previous(type, context,
                       QStringLiteral("a database driver message was withheld: it may quote personal data"));
        }
        return;
    }
    if (s_previous) {
        s_previous(type, context, message);
    }
}

} // namespace

bool isWithheldDriverMessage(const char *message)
{
    const QByteArray text(message);
    // PostgreSQL's messages (through libpq) and Qt's PostgreSQL driver, which may quote rows, values and the
    // EXECUTE with its bound values.
    for (const char *marker : {"ERROR:", "DETAIL:", "HINT:", "CONTEXT:", "EXECUTE ", "QPSQL", "qpsqlpstmt",
                               "Unable to free statement", "LINE "}) {
        if (text.contains(marker)) {
            return true;
        }
    }
    return false;
}

void installDriverMessageFilter()
{
    s_previous = qInstallMessageHandler(filter);
}

} // namespace pd
