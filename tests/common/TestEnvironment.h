#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace pd::test {

/// How long a test waits for something the program does in the background (a count, a page, a worker, another
/// connection reaching a lock) before it fails: long enough for a loaded CI machine, only ever reached when
/// something broke.
inline constexpr int kWaitMs = 10000;

/// The folders of one test process: a temporary home with its own XDG configuration, data, cache and state
/// folders, set in the environment (HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME) for as
/// long as this object lives, and removed with it. QSettings, QStandardPaths and the command-line tool started by
/// the tests (it inherits the environment) all land there, so tests running in parallel never share a settings
/// file and never touch the real user's. Create it before the Q*Application.
class TestEnvironment
{
public:
    TestEnvironment();
    ~TestEnvironment();
    TestEnvironment(const TestEnvironment &) = delete;
    TestEnvironment &operator=(const TestEnvironment &) = delete;

    /// False when the temporary folder could not be made (the reason went to stderr).
    bool isValid() const { return m_home.isValid(); }
    /// The temporary home.
    QString home() const { return m_home.path(); }
    /// The home of the user who ran the tests, before it was replaced (empty when HOME was not set).
    static QString originalHome();

private:
    QTemporaryDir m_home;
};

/// Sets the process's umask for as long as it lives (0022: what most desktops use, under which a file made without
/// care is readable by everybody), so that a test of file modes does not depend on the umask it was started with.
/// Child processes started meanwhile (the command-line tool) inherit it.
class ScopedUmask
{
public:
    explicit ScopedUmask(unsigned mask = 0022);
    ~ScopedUmask();
    ScopedUmask(const ScopedUmask &) = delete;
    ScopedUmask &operator=(const ScopedUmask &) = delete;

private:
    unsigned m_previous;
};

/// The permission bits of a file as `ls -l` counts them (0600, 0644, ...); -1 when it does not exist.
int fileMode(const QString &path);

} // namespace pd::test
