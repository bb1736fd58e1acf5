#include "ui/shell/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace pd {

IdleLock::IdleLock(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_running = false;
        emit idle();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
}

void IdleLock::setMinutes(int minutes)
{
    // Clamped so that the milliseconds fit an int (about 24 days, "never" in practice).
    setInterval(minutes <= 0 ? 0 : std::min(minutes, 35000) * 60 * 1000);
}

void IdleLock::setInterval(int milliseconds)
{
    m_interval = std::max(0, milliseconds);
    if (m_running) {
        start();
    }
}

void IdleLock::start()
{
    m_running = m_interval > 0;
    if (m_running) {
        m_timer.start(m_interval);
    } else {
        m_timer.stop();
    }
}

void IdleLock::stop()
{
    m_running = false;
    m_timer.stop();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    if (m_running) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TabletPress:
            m_timer.start(m_interval);
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pd
