#include "TestEnvironment.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

#include <cstdio>

namespace pd::test {

namespace {

QString &savedHome()
{
    static QString home;
    return home;
}

} // namespace

TestEnvironment::TestEnvironment() : m_home(QDir::tempPath() + QStringLiteral("/privacydesk-test-home.XXXXXX"))
{
    if (!m_home.isValid()) {
        std::fprintf(stderr, "cannot create a temporary home for the tests: %s\n", qPrintable(m_home.errorString()));
        return;
    }
    savedHome() = qEnvironmentVariable("HOME");
    const QDir home(m_home.path());
    const std::pair<const char *, const char *> folders[] = {
        {"XDG_CONFIG_HOME", ".config"},
        {"XDG_DATA_HOME", ".local/share"},
        {"XDG_CACHE_HOME", ".cache"},
        {"XDG_STATE_HOME", ".local/state"},
    };
    qputenv("HOME", QFile::encodeName(m_home.path()));
    for (const auto &[variable, folder] : folders) {
        const QString path = home.filePath(QLatin1String(folder));
        home.mkpath(path);
        qputenv(variable, QFile::encodeName(path));
    }
}

TestEnvironment::~TestEnvironment()
{
    if (m_home.isValid() && !savedHome().isNull()) {
        qputenv("HOME", QFile::encodeName(savedHome()));
    }
}

QString TestEnvironment::originalHome()
{
    return savedHome();
}

ScopedUmask::ScopedUmask(unsigned mask) : m_previous(::umask(mode_t(mask))) {}

ScopedUmask::~ScopedUmask()
{
    ::umask(mode_t(m_previous));
}

int fileMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return int(info.st_mode & 07777);
}

} // namespace pd::test
