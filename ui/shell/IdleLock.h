#pragma once

#include <QObject>
#include <QTimer>

namespace pd {

/// Notices when nobody has used the program for a while: an event filter on the application restarts a timer on
/// every key, mouse, wheel or touch input, and idle() is emitted when the timer runs out. Used by MainWindow to
/// lock itself, as a password manager does.
class IdleLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleLock)

public:
    /// Installs the filter on qApp; not running until start().
    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    /// Minutes without input before idle(); 0 or less disables the lock.
    void setMinutes(int minutes);
    /// The same in milliseconds, for tests that cannot wait minutes; 0 or less disables the lock.
    void setInterval(int milliseconds);
    int interval() const { return m_interval; }

    /// Starts (or restarts) counting; does nothing while disabled.
    void start();
    /// Stops counting until start() (while the window is locked).
    void stop();
    bool isActive() const { return m_timer.isActive(); }

signals:
    /// Nobody touched keyboard, mouse or screen for interval() milliseconds. The timer is stopped.
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    int m_interval = 0;
    bool m_running = false;
};

} // namespace pd
