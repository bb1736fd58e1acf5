#pragma once

#include "app/domain/Session.h"
#include "app/subjects/SubjectDirectory.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"

#include <gtest/gtest.h>

#include <memory>

namespace pd {
class MainWindow;
class SubjectsPage;
class SubjectPanel;
} // namespace pd

namespace pd::test {

/// A demo database (DemoGenerator: realistic subjects, items, consents, requests and the demo operators) and the
/// real main window signed in as one of the demo operators.
class DemoFixture : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    /// Fills the database with `subjects` demo subjects (call first).
    void generate(int subjects);
    /// Signs a demo operator in ("officer", "agent", "officer2", ...) with the demo password.
    Session signIn(const QString &name);
    /// Opens the main window for `session` on the Subjects page.
    void openWindow(const Session &session);

    Database &db() { return *m_testDatabase.database(); }
    MainWindow &window() { return *m_window; }
    SubjectsPage &page();
    SubjectPanel &panel();

    /// Waits until the list's count arrived and equals `rows` (any count when negative).
    bool waitForRows(int rows = -1);
    /// The first subject in `state` with an active account e-mail item, read as `who`.
    SubjectDetails subjectWithEmail(const Session &who, DataState state = DataState::Active);
    /// Subjects matching `filter`, counted as `who`.
    qint64 count(const Session &who, const SubjectFilter &filter);
    /// The item of the subject with this category and field (0 when none).
    static qint64 itemId(const SubjectDetails &details, const QString &category, const QString &field);
    /// The value of an item as the data tree shows it, empty when the row is not there.
    QString shownValue(qint64 itemId);
    /// Whether the subject page's timeline lists an entry with this action.
    bool timelineHas(const QString &action);

    TestDatabase m_testDatabase{Backend::SQLite};
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pd::test
