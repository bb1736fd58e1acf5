#pragma once

#include "app/domain/Result.h"
#include "app/storage/DatabaseUrl.h"

#include <QCoreApplication>

class QWidget;

namespace pd {

/// The demo database offered at the first start: made-up subjects, requests and the demo operators, in demo.sqlite
/// of the user's data folder. The desktop program does not link the demo generator; it runs `privacydesk-cli demo`
/// (installed next to it) into a temporary file with a progress dialog whose Cancel stops it, and renames the file
/// only when the command succeeded, so that a cancelled or failed run leaves no half-made demo behind.
class DemoDatabase
{
    Q_DECLARE_TR_FUNCTIONS(pd::DemoDatabase)

public:
    static constexpr int kSubjects = 2000;

    /// Where the demo lives.
    static QString filePath();
    /// The command-line program: PRIVACYDESK_CLI, then next to this program, then the build tree's app/, then PATH.
    /// Empty when none is found.
    static QString cliPath();
    /// The demo database, made first when missing. An error (no command-line program, the run failed, Cancel)
    /// says what happened; nothing was left at filePath() then.
    static Result<DatabaseUrl> prepare(QWidget *parent);
    /// For the sign-in dialog on the demo: who may sign in and with which password.
    static QString signInHint();
};

} // namespace pd
