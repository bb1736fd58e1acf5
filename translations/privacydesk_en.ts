<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Application</name>
    <message>
        <source>Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk: records of personal data and data-subject requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database address is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk cannot read the operators of the database %1.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then the database signed in to last, then a file in your data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalQueue</name>
    <message>
        <source>there is no approval #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval #%1 is already %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval #%1 needs a second officer: %2 asked for it and cannot approve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a note is required: why the approval is cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalService</name>
    <message>
        <source>approval #%1 stopped after %2 of %3 subjects; approve it again to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval #%1 stopped on the way; approve it again to finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsDialog</name>
    <message>
        <source>Pending Approvals — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymizing or deleting many subjects at once waits here until a second officer approves it. The officer who asked cannot approve their own request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) cannot approve or reject irreversible actions; a privacy officer can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject ids: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s) with all their data now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln subject with all their data now, as %1 asked? This cannot be undone.</numerusform>
            <numerusform>Delete %Ln subjects with all their data now, as %1 asked? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s) now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>Anonymize %Ln subject now, as %1 asked? This cannot be undone.</numerusform>
            <numerusform>Anonymize %Ln subjects now, as %1 asked? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) deleted.</source>
        <translation>
            <numerusform>Approval #%1 carried out: %Ln subject deleted.</numerusform>
            <numerusform>Approval #%1 carried out: %Ln subjects deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>Approval #%1 carried out: %Ln subject anonymized.</numerusform>
            <numerusform>Approval #%1 carried out: %Ln subjects anonymized.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is approval #%1 rejected? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rejection needs a note saying why; approval #%1 is still pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval #%1 rejected: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Approval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop an approval that waits or was carried out in part; what was done stays done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (half done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started and stopped on the way: approve it again to finish, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln? This cannot be undone.</source>
        <translation>
            <numerusform>Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln subject? This cannot be undone.</numerusform>
            <numerusform>Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln subjects? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval #%1 stopped on the way: what was done stays done. Approve it again to finish it, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel approval #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval #%1 has done %2 of %3 subjects; those stay as they are and the others are not touched. Why is it cancelled? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is approval #%1 cancelled? Nothing of it was done. The note is kept in the audit trail; it must not contain personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling needs a note saying why; approval #%1 is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval #%1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or anonymized for %Ln subject(s), as the register of purposes says. This cannot be undone.</source>
        <translation>
            <numerusform>Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or anonymized for %Ln subject, as the register of purposes says. This cannot be undone.</numerusform>
            <numerusform>Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or anonymized for %Ln subjects, as the register of purposes says. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: the retention sweep changed %Ln subject(s).</source>
        <translation>
            <numerusform>Approval #%1 carried out: the retention sweep changed %Ln subject.</numerusform>
            <numerusform>Approval #%1 carried out: the retention sweep changed %Ln subjects.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditExtract</name>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries in the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole: no entry was changed, removed or reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken at entry #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries are listed; the CSV or XLSX extract of the same period holds every one (up to %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditLog</name>
    <message>
        <source>entry %1 follows entry %2: entries in between were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 appears out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it: an entry was removed, reordered or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit trail ends at entry %1 but entry %2 was written: the last entries were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the head of the audit trail does not match its last entry %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditModel</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuditPage</name>
    <message>
        <source>&amp;Verify Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that no entry of the audit trail was changed, removed or reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not include reading the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is read by officers, auditors and administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries of operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries of the kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries about subject id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days are counted in UTC, as the audit trail records them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every entry again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator names must match exactly. Widen the dates, choose All actions, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sign-in and every change of personal data, operators and settings is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audit trail intact: %Ln entries verified</source>
        <translation>
            <numerusform>Audit trail intact: %Ln entry verified</numerusform>
            <numerusform>Audit trail intact: %Ln entries verified</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail broken at entry #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::AuthService</name>
    <message>
        <source>the password must have at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password must not start or end with a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator name is 2 to 40 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot hash the password (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first operator must be an administrator (--role admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator named %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong operator name or password, or the account is locked or deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last active administrator: add or activate another one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is already deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is already active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is already %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BackupActions</name>
    <message>
        <source>Schema %1, %2 subjects, %3 audit entries; the audit chain is whole and the file is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a checked copy of the database to a file only you can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up the Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is in %1. %2 Data erased from now on stays in this copy until it is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore From Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with a checked backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore From a Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace everything in the database with the backup %1? Whatever was recorded since that backup is lost, and data erased since comes back and must be erased again. The copy is checked first; a damaged one replaces nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was restored. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BackupService</name>
    <message>
        <source>the copy could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backups here are of an SQLite database; back a PostgreSQL server up with pg_dump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a database (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the database is damaged (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has schema %2; this version reads schemas 1 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its audit trail is broken at entry #%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup: name the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup: %1 is the database itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup did not pass its check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore: the database is busy; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy was not restored, nothing was replaced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checked copy could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BlockDialog</name>
    <message>
        <source>subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;whole subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the &amp;items ticked below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the block first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the items to block, or choose the whole subject.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BreachDeadlines</name>
    <message>
        <source>GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law 99-Z art. 16: immediately, at most within three working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 21(3.1): within 24 hours; the result of the investigation within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LGPD art. 48, ANPD Resolution 15/2024: within three working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cal. Civ. Code 1798.82: in the most expedient time possible, no fixed deadline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BreachNotice</name>
    <message>
        <source>%1 %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification of a personal-data breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach #%1, to the supervisory authority under:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Became known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact point (DPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons for the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of the investigation is due by %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notice was made after its deadline; the reasons are given below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk to the subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet: they are to be told without undue delay (GDPR art. 34)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the controller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BreachRegister</name>
    <message>
        <source>regime: at least one regime applies to a breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regime: a regime is named twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nature: describe what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>categories: &apos;%1&apos; is not a category key (lower-case letters, digits, - and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subjects, records: a number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach #%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at: before the breach was discovered (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach #%1 was notified already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: the notice is late for %1; the reasons for the delay are required (GDPR art. 33(1))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach #%1: the subjects were told already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a date and time is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: lies in the future</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BulkAction</name>
    <message>
        <source>a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no subjects were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the block must last until a future date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BulkActionDialog</name>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values are removed or generalized; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All data is destroyed; only the fact of deletion is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) will be blocked; subjects already blocked or anonymized are skipped.</source>
        <translation>
            <numerusform>%Ln subject will be blocked; subjects already blocked or anonymized are skipped.</numerusform>
            <numerusform>%Ln subjects will be blocked; subjects already blocked or anonymized are skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>required, e.g. erasure request, retention period over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s)</source>
        <translation>
            <numerusform>%Ln subject</numerusform>
            <numerusform>%Ln subjects</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln data item(s) — %1</source>
        <translation>
            <numerusform>%Ln data item — %1</numerusform>
            <numerusform>%Ln data items — %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no data items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln consent record</numerusform>
            <numerusform>%Ln consent records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disclosure(s) to third parties</source>
        <translation>
            <numerusform>%Ln disclosure to third parties</numerusform>
            <numerusform>%Ln disclosures to third parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked: deleting ends the block</source>
        <translation>
            <numerusform>%Ln of them blocked: deleting ends the block</numerusform>
            <numerusform>%Ln of them blocked: deleting ends the block</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked</source>
        <translation>
            <numerusform>%Ln of them blocked</numerusform>
            <numerusform>%Ln of them blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them with data-subject requests</source>
        <translation>
            <numerusform>%Ln of them with data-subject requests</numerusform>
            <numerusform>%Ln of them with data-subject requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Block %Ln subject(s)</source>
        <translation>
            <numerusform>Block %Ln subject</numerusform>
            <numerusform>Block %Ln subjects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)</source>
        <translation>
            <numerusform>Anonymize %Ln subject</numerusform>
            <numerusform>Anonymize %Ln subjects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)</source>
        <translation>
            <numerusform>Delete %Ln subject</numerusform>
            <numerusform>Delete %Ln subjects</numerusform>
        </translation>
    </message>
    <message>
        <source>Give a reason first; it is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)? Values are removed or generalized; this cannot be undone.</source>
        <translation>
            <numerusform>Anonymize %Ln subject? Values are removed or generalized; this cannot be undone.</numerusform>
            <numerusform>Anonymize %Ln subjects? Values are removed or generalized; this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)? All data is destroyed; only the fact of deletion is kept.</source>
        <translation>
            <numerusform>Delete %Ln subject? All data is destroyed; only the fact of deletion is kept.</numerusform>
            <numerusform>Delete %Ln subjects? All data is destroyed; only the fact of deletion is kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>What will be lost:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BulkJob</name>
    <message>
        <source>Working — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking subjects: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymizing subjects: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting subjects: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing more was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) were not changed yet: the action waits for a second officer (approval #%1).</source>
        <translation>
            <numerusform>%Ln subject was not changed yet: the action waits for a second officer (approval #%1).</numerusform>
            <numerusform>%Ln subjects were not changed yet: the action waits for a second officer (approval #%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) blocked.</source>
        <translation>
            <numerusform>%Ln subject blocked.</numerusform>
            <numerusform>%Ln subjects blocked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>%Ln subject anonymized.</numerusform>
            <numerusform>%Ln subjects anonymized.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) deleted.</source>
        <translation>
            <numerusform>%Ln subject deleted.</numerusform>
            <numerusform>%Ln subjects deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped (already in that state, or gone).</source>
        <translation>
            <numerusform>%Ln skipped (already in that state, or gone).</numerusform>
            <numerusform>%Ln skipped (already in that state, or gone).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln subject(s) were not touched.</source>
        <translation>
            <numerusform>Cancelled: %Ln subject was not touched.</numerusform>
            <numerusform>Cancelled: %Ln subjects were not touched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::CalendarDialog</name>
    <message>
        <source>Working-Day Calendars — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines of data-subject requests are counted in working days on the calendar of the country whose law applies. New requests count on the calendar as edited here; requests already registered keep their due dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days off and edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. transfer by government decree of 2025-12-20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) cannot edit the calendars; privacy officers and administrators can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Germany</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited by the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days in %1: %2. Office edits: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public holidays are built in for this country: add the days off it observes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Day Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Working Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an edit (%2). Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now a day off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now a working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It falls on a weekend, so deadlines do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was one already, so deadlines do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? The built-in holiday holds again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? It becomes an ordinary %2 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edit of %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in holidays cannot be removed: add a working day on that date instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in holiday, noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in holiday taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added day off (a weekend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working day (transfer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working day (no change)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CalendarService</name>
    <message>
        <source>country: expected a two-letter ISO code such as BY, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day: expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no edit on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CliApp</name>
    <message>
        <source>Try &apos;privacydesk-cli --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is at schema version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2 controllers, %3 information systems, %4 purposes, %5 recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: --subjects N is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: --subjects: expected a whole number from 1 to 10000000, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: --requests: expected a whole number from 0 to 10000000, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: --seed: expected a whole number, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: --today: expected a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data: %1 subjects, %2 data items, %3 consents, %4 disclosures, %5 requests in %6 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --operator NAME (and the password in PRIVACYDESK_PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--operator %1: set the password in the environment variable PRIVACYDESK_PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator add: expected one NAME, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator add: --role is required (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator add: --role: expected %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator add: set the new operator&apos;s password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 (%2) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator list: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings: expected &apos;show&apos; or &apos;set KEY VALUE&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings set: unknown KEY &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit verify: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit trail broken at entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail intact: %1 entries verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit list: --subject: expected a subject id, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit list: --%1: expected YYYY-MM-DD, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit list: --limit: expected a whole number above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval %1: ID: expected an approval number, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval %1 approved and carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval %1 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 subjects; %2 rows rejected%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (written to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --request: expected a request number, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ID: expected a subject number, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subjects search: expected one TEXT (quote it when it has spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subjects search: --state: expected active, blocked or anonymized, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subjects search: --category: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subjects search: --limit: expected a whole number from 1 to 100000, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject show: expected one ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 (%2), version %3, controller %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --reason TEXT is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --until: expected a date as YYYY-MM-DD (block only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1: %2 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one or more IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a second officer: approval #%1 (privacydesk-cli approval approve %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing to do: the subjects are gone or already %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 subjects done, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --subject: expected a subject number, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --subject ID, or --name with --new-subject (or without a subject) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 request under %2, registered from the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request list: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request list: --status: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request list: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request list: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request list: --limit: expected a positive number, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request show: expected one ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request show: expected a request number, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1: %2 under %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  received %1, due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(extended from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(clock stopped since %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  requester: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  subject: #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  possible duplicate of #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown &apos;%2&apos; (expected one of: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one NAME, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --role: expected %2, got &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: set the new password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of operator %1 was set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings set %1: VALUE must be a whole number from %2 to %3, got &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval: expected &apos;list&apos;, &apos;approve ID&apos;, &apos;reject ID --note TEXT&apos; or &apos;cancel ID --note TEXT&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval %1: --note TEXT is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval %1 cancelled; what was done stays done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: every local user can read a password given in --db (ps); put it in PGPASSFILE, or the whole URL in PRIVACYDESK_DB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject correct: expected ID FIELD VALUE, ID FIELD - (the value on standard input) or ID FIELD --value-file FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --from: not a JSON object (at character %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --from: unknown key &apos;%1&apos; (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request add: --%1: expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted demo run was removed before this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected ID DATE (YYYY-MM-DD, or none while the contract runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DATE: expected YYYY-MM-DD or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1: the contract ended on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1: the contract runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --today: expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention on %1 (nothing is changed: --dry-run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), kept: no date can be computed yet, waiting for %1</source>
        <translation>
            <numerusform>%Ln item, kept: no date can be computed yet, waiting for %1</numerusform>
            <numerusform>%Ln items, kept: no date can be computed yet, waiting for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention on %1: %2 subjects would change, more than one officer may change alone. Nothing was done: approval #%3 waits for a second officer (privacydesk-cli approval approve %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items due; held back: %2 blocked, %3 under an open request, %4 under a legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects deleted: %1, anonymized: %2; subjects that keep other data: %3 (items deleted: %4, anonymized: %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled erasures carried out: %1, held back: %2; subjects changed by someone else meanwhile and left: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waits for a second officer (approval #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --today: a sweep cannot run for a day after today; a later day is for --dry-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 items due: %3 to %4; held back: %5 blocked, %6 under an open request, %7 under a legal hold; %8 more due within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --separator: expected , or ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --mapping: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run, nothing was stored: %1 new subjects, %2 rows for subjects stored already (they would be updated), %3 rows rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects stored already: %1 updated, %2 unchanged (not duplicated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one subject ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1: the legal hold is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 is on legal hold: the retention sweep keeps its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one purpose CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a number, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected SUBJECT-ID PURPOSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --version V (the policy version agreed to) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --channel: expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent #%1 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one CONSENT-ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent #%1 withdrawn; the data held for its purpose is scheduled for erasure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version %1 is in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --limit: expected a number above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1: consent #%2 for %3, version %4 (given %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 consents need re-consent (%2 shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import subjects: expected one FILE (.csv, .jsonl or a subject&apos;s .json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --format: expected csv, jsonl or subject-json, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register of purposes was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an ISO date and time with its offset, e.g. 2026-12-01T09:30:00Z or 2026-12-01T12:30:00+03:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected one BREACH-ID (a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --%2: expected a number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --regime: unknown regime &apos;%2&apos; (expected %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --regime R[,R...] is required (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --nature TEXT (what happened) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notified %1, late: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notify by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; result of the investigation by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 discovered %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es).</source>
        <translation>
            <numerusform>%n breach.</numerusform>
            <numerusform>%n breaches.</numerusform>
        </translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach #%1, discovered %2, recorded %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  nature: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  categories: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  subjects: about %1; records: about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  likely consequences: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  measures taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  measures proposed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  DPO: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  high risk: the subjects were told %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  high risk: the subjects are to be told without undue delay (GDPR art. 34)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach #%1: the notice to the regulator is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach #%1: telling the subjects is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --out FILE (the PDF to write) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the PDF: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach #%1: the notification is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --out FILE (the file to write) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit chain is broken at entry #%1; the extract says so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --%2: expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --%2: expected a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report: name the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report: unknown report &apos;%1&apos;; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --format: expected pdf, csv, xlsx or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --from DATE and --to DATE (the period) are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --%2 does not apply to this report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: --attach needs --request ID (the request it answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in %2 (rows: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to request #%1 (PDF, JSON and CSV); the request is carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act No. %1 is kept until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1 (backups are kept %2 days: settings backup_keep_days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: name one file: %1 FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1, %2 subjects, %3 audit entries with their chain whole, integrity ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to %1 and checked: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from %1 (%2). What was in the database since that backup is gone; data erased after it was made is back and must be erased again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ConsentReview</name>
    <message>
        <source>version: a policy version is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no policy version is recorded: record the one in force first, or name it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ConsentService</name>
    <message>
        <source>policy version: required (what the subject agreed to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose: there is no purpose &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; rests on %2, not on consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is %2: no new consent can be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no consent #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent #%1 was already withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; belongs to another controller than subject #%2&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2: no new consent is taken for it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CorrectDialog</name>
    <message>
        <source>Correct %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. typo reported by the subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the audit trail: say why, without personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the corrected value first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the correction first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CorrectionService</name>
    <message>
        <source>subject #%1 has no field &apos;%2&apos; that can be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 has no item #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos; of subject #%2 is %3 and cannot be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: payment data comes from the payment system and is not corrected here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::CsvReader</name>
    <message>
        <source>row %1: a quoted field is not closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DashboardCharts</name>
    <message>
        <source>%1: %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1: %L2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1: %L2 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1: %L2 of %L3 completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests by deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received and completed per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the figures again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar, slice or point to list its requests; right-click to save the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not include the requests of data subjects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard is for officers, agents and auditors: its figures come from the register of requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines as of %1, counted at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When requests of data subjects are registered, this page shows what is pending, what is due soon and how many were answered in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Check that the folder exists and that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) not yet notified to the regulator. The notice of breach #%1 (%2) was due %3: notify now and record the reasons for the delay.</source>
        <translation>
            <numerusform>%n personal-data breach not yet notified to the regulator. The notice of breach #%1 (%2) was due %3: notify now and record the reasons for the delay.</numerusform>
            <numerusform>%n personal-data breaches not yet notified to the regulator. The notice of breach #%1 (%2) was due %3: notify now and record the reasons for the delay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) to notify to the regulator. The next notice is due %3: breach #%1 (%2).</source>
        <translation>
            <numerusform>%n personal-data breach to notify to the regulator. The next notice is due %3: breach #%1 (%2).</numerusform>
            <numerusform>%n personal-data breaches to notify to the regulator. The next notice is due %3: breach #%1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>privacydesk-cli breach list --due lists every notice still to make.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt SQL driver for %1 is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it holds other tables); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer Privacy Desk (schema %2; this version knows up to %3); nothing was changed. Update Privacy Desk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it is not an SQLite file); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DatabaseUrl</name>
    <message>
        <source>database URL is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database URL &quot;sqlite:&quot; names no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database URL is not a valid postgresql://user:password@host:port/dbname URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database URL names no database: expected postgresql://user@host:port/dbname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database URL must start with sqlite: or postgresql:// (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Deadlines</name>
    <message>
        <source>Law 99-Z art. 11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law 99-Z art. 12(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law 99-Z art. 10(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law 99-Z art. 13(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law 99-Z art. 14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR art. 12(3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR art. 12(3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCPA §1798.130(a)(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 14(3), 20(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 21(2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 21(5.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 21(5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>152-FZ art. 21</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LGPD art. 19(II)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DemoDatabase</name>
    <message>
        <source>The demo is made by privacydesk-cli, which was not found next to this program or on the PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the demo database: %1 made-up people with their data, consents and requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the demo was cancelled; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo operators: officer, officer2, agent, auditor and admin; each one&apos;s password is its name followed by -demo-2026 (officer-demo-2026).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DemoGenerator</name>
    <message>
        <source>the database already holds %1 subjects; demo data goes only into an empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo generator stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data generation cancelled after %1 subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo profile has no purpose &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo profile lacks the controllers &apos;operator&apos; and &apos;client-retail&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::DestructionAct</name>
    <message>
        <source>Privacy officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data of subject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the erasure of request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the retention sweep of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the destructions of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period: give the first and the last day, the first not after the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destruction: name one of a subject, a request, a period, a retention sweep or an act to print again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no destruction is recorded for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>act: there is no act of destruction No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>act: an act printed again lists what it listed; give only its number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>we, on the client&apos;s instructions (seed 003 sub. 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all data of the subject (anonymized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act No. %1 confirming the destruction of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covering %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator (controller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed by (name, position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects whose data was destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects are named by the reference the deletion log keeps; none of their erased values is kept anywhere, this act included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract from the event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole: no entry was changed or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken at entry #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit entry names these subjects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ErasureService</name>
    <message>
        <source>there is no such subject to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject is already anonymized</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::FieldRules</name>
    <message>
        <source>field &apos;%1&apos;: a value is required (to remove data, anonymize or delete the subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;email&apos;: not an e-mail address (expected name@domain.tld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;phone&apos;: not a phone number (7 to 15 digits, optionally +, spaces, dashes, brackets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;card_expiry&apos;: expected MM/YY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;card_masked&apos;: only a masked number is stored (first 6 and last 4 digits, e.g. 427683******1234)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: a line break is not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: contains a control character (code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;email&apos;: longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;country&apos;: not a country code (two capital letters of ISO 3166-1, e.g. BY, DE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;ip&apos;: not an IPv4 or IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::FirstAdministratorDialog</name>
    <message>
        <source>First Administrator — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no operators yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first administrator. The administrator adds the other operators (officers, agents, auditors), changes settings and reads the audit trail, but does not see personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an operator name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the officers fill in the register later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a profile file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register of processing to start with: controllers, information systems and purposes of one privacy policy. Officers change it later on the Purposes page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy profiles (*.profile);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database of made-up people and requests, to try everything without real data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Another Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy pro&amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the De&amp;mo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::FormDialog</name>
    <message>
        <source>Required: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::HelpDialogs</name>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected subject or request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search box into the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back from a subject or request to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the chosen report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chosen report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the chosen report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk User Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ImportDialog</name>
    <message>
        <source>Import Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects from a CSV or JSON Lines file. Columns are matched by their header; choose where the others go. Every row is checked first: the preview shows the problem of each row that would be rejected. A row for a subject stored already updates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the file&apos;s extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file&apos;s purpose column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Rejected Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rejected rows with their problem, as CSV readable by you only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an officer may import subjects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An understood column, a data item as category.field, or ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a place a column can go: choose one from the list, or write category.field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows: %2 new subjects, %3 for subjects stored already (they are updated), %4 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 new subjects; updated %2 stored ones (%3 unchanged); %4 rows rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the rows stored so far stay; import the same file again to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rejected rows were saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[card number removed]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One subject&apos;s data (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects (*.csv *.jsonl *.ndjson *.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ImportFile</name>
    <message>
        <source>&apos;%1&apos; is not a target: expected one of the understood columns, category.field (a data item, e.g. account.city) or ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: expected &apos;column = target&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: column &apos;%3&apos; is mapped twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file has no JSON objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: expected text, a number or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row 1: column &apos;%2&apos; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not understood and is ignored (map it to a data field to import it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row 1: columns &apos;%2&apos; and &apos;%3&apos; both go to &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the mapping names column &apos;%2&apos;, which the file does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON: there is no &quot;items&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: item %2: category and field must be lower-case names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items were hidden or anonymized in the export and are not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 further values of a field already taken are not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consents are not imported: they were given to the other controller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ImportService</name>
    <message>
        <source>field &apos;controller&apos;: required (the database has no own controller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;controller&apos;: no controller with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: no purpose with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;collected_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;external_id&apos;: the same id appears on an earlier row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row %2, %3; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the rejects file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose belongs to another controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB; split it into smaller files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: subject #%2 was blocked, anonymized or deleted meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds what looks like a full card number, which is never stored; only a masked number may be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: a name or an e-mail is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: secrets (tokens, keys, passwords) are not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: required (a column, or --purpose for every row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: the purpose is not based on consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;policy_version&apos;: required with consent_given_at (the version the subject agreed to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;email&apos;: the same e-mail appears on an earlier row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row 1: the file needs a name (full_name, or first_name and last_name) or an email column, and a purpose column unless --purpose names the purpose of every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--purpose: no purpose with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject it names is blocked: its data is not changed until the block is lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rows %2-%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the rows up to row %1 were stored, import the same file again to carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose is retired (no new data is collected for it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Labels</name>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number (masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of disclosures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus 99-Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCPA/CPRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russia 152-FZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brazil LGPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>act of destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letter template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>information system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator&apos;s role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator reactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated by an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items deleted (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items anonymized (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of contract recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal hold lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request sent for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose reinstated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar day set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar day removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act of destruction drawn up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority notified of a breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects told of a breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter template changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter template reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LegalHoldService</name>
    <message>
        <source>subject #%1 is anonymized: nothing of it is left to hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is not on hold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplate</name>
    <message>
        <source>line %1: “{{” is not closed with “}}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: unknown placeholder {{%2}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: {{/%2}} closes a section that was not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: {{/%2}} does not close {{%3%4}} opened on line %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: section {{%2%3}} is not closed with {{/%3}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the right asked for, e.g. erasure of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the day the request was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last day to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of this reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who wrote: the subject&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the requester&apos;s postal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the requester&apos;s e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the representative, when there is one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the request asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why the request was refused (empty otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the full name of the law of the request&apos;s regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the article giving the right asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the requester may complain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the article giving the right to complain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the controller&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the controller&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the controller&apos;s contact for questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data protection officer&apos;s contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who signs the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signatory&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateDialog</name>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply (completed or refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply Letter Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the chosen placeholder at the cursor (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{{#name}}…{{/name}}: only when name has a value.
{{^name}}…{{/name}}: only when it has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter preview with sample values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview as a &amp;refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to &amp;Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the %1 %2 template with the built-in one? The office&apos;s edited text is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to the %1 %2 template?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problem under the template first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateStore</name>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letter kind &apos;%1&apos;: expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in %1 template for &apos;%2&apos; is missing from this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller #%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no controller of kind &apos;own&apos; is recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LockScreen</name>
    <message>
        <source>Privacy Desk is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of %1 to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Privacy Desk; the next operator signs in when it starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide everything until your password is entered again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending &amp;Approvals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irreversible actions waiting for a second officer (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln approval(s) waiting</source>
        <translation>
            <numerusform>%Ln approval waiting</numerusform>
            <numerusform>%Ln approvals waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply Letter &amp;Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-Day &amp;Calendars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention Sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Subjects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite %3, PostgreSQL client %4, libsodium %5.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to another database; this window closes once you are signed in there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No databases yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Migrations</name>
    <message>
        <source>migration %1 is missing from this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the migration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration %1 could not be committed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::OpenDatabaseDialog</name>
    <message>
        <source>Open Database — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database &amp;file on this computer (SQLite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. /srv/privacy/office.sqlite; a new file starts a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared database on a &amp;server (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. db.office.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. privacydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked every time, never stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database file, or choose it with Browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::OperatorsPage</name>
    <message>
        <source>Who may sign in to this database, and what each may do. Accounts are never deleted: a deactivated operator can no longer sign in, and their history stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new operator signs in with this name and password and is asked for nothing else. Tell them the password in person; they cannot change it themselves yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Jane Smith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator %1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 may do from their next sign-in. A window already open keeps the old role until it is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in. What they did stays in the audit trail under their name, and the account can be activated again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets a new password for %1 and lifts a lock-out. The old password stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passwords differ; the password was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may try to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PdfPages</name>
    <message>
        <source>the PDF writer produced no document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drawing a document needs the graphical application (fonts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document could not be finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Permissions</name>
    <message>
        <source>sign in first: %1 needs an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 (%2) may not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block or unblock personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymize personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handle data-subject requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change processing purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export whole registers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve irreversible actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change reply-letter templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record personal-data breaches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PrivateFile</name>
    <message>
        <source>cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make %1 readable by its owner only: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ProfileInstaller</name>
    <message>
        <source>profile &apos;%1&apos;: %2 refers to %3 &apos;%4&apos;, which the profile does not define</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ProfileLoader</name>
    <message>
        <source>%1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: field &apos;%3&apos;: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: [%3]: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section header is not closed (expected &apos;[TYPE CODE]&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: unknown section type (expected [profile], [controller CODE], [system CODE] or [purpose CODE])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: [profile] takes no code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: expected exactly one code, as in &apos;[%2 CODE]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid code (expected lowercase letters, digits and &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section given twice (first on line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code &apos;%1&apos; is already used by the %2 on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is neither a section header nor a field (expected &apos;[TYPE CODE]&apos; or &apos;key = value&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found before any section (expected a [profile] section first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field in [%1] (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;%1&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty (expected a value: the field is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 of the list is empty (expected a comma-separated list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a country code (expected an ISO 3166 alpha-2 code in capitals, such as BY or DE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a controller kind (expected own or client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected contract-term, legal, backup-cycle, until-withdrawal, &apos;&lt;N&gt; months after &lt;event&gt;&apos; or &apos;&lt;N&gt; years after &lt;event&gt;&apos; with &lt;event&gt; one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period must be at least 1 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention event (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention rule (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recipient role (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a legal ground (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data category (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a [%1 CODE] section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no [%1 %2] in this profile (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[profile]: section is missing (expected a [profile] section with name and policy_version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile defines no purpose (expected at least one [purpose CODE] section)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the profile: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the profile is not UTF-8 text (expected a UTF-8 text file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the profile is larger than %2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not what retention ends with (expected delete or anonymize)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (expected &apos;CATEGORY | RULE | ACTION | TEXT&apos;, the last two optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of this purpose&apos;s categories (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category &apos;%1&apos; is given a period twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT&apos;, the last three optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither yes nor no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is given for a purpose without special categories of data (expected &apos;special = yes&apos; with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a DPIA status (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (expected YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; and &apos;category_retention&apos; may repeat)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ProgressJob</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PurposeDetails</name>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automated decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired on %1: no new data or consent is taken for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients and transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer abroad: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PurposeEditor</name>
    <message>
        <source>New Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Purpose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cipients and transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;, such as support-chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the privacy policy words it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the article or clause, such as GDPR art. 6(1)(b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special categories of data (health, biometrics, beliefs, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition that allows them, such as GDPR art. 9(2)(a) explicit consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information s&amp;ystem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal re&amp;ference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9 co&amp;ndition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automated decisions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact assessment (DP&amp;IA):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, such as Customers, Visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated field names, such as name, email, phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject, a client, public sources, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, such as collection, storage, deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of &amp;subjects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of &amp;data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource of the data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kinds of processing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policy&apos;s own words for the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept, and the policy&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Period for a Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the data is destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>technical and organisational measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy&apos;s &amp;words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories kept
for other periods:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destruction method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security &amp;measures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO codes of the countries where the data is processed, such as BY, DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguards for a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;untries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policy&apos;s own words for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PurposeRegister</name>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::PurposesPage</name>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register of purposes could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No processing purposes are registered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client: we process this data on the client&apos;s instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our own company: we decide why and how this data is processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Controller...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the data is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New System...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those who process data on our behalf (Decree 422: authorised persons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing of the selected purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Purpose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1; %n category(ies) kept for other periods</source>
        <translation>
            <numerusform>%1; %n category kept for another period</numerusform>
            <numerusform>%1; %n categories kept for other periods</numerusform>
        </translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a purpose to see its record of processing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reinstate...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A purpose belongs to a controller. Add the controller first, on the Controllers tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who decides why and how the data is processed: our own company, or a client for whom we process data on instructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract with the client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for a client: the contract we process under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO code, such as BY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint controller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Information System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Information System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An information system that holds personal data, and where the data is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the data is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data centre, city, country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Changes apply to every purpose this processor receives data for (%n purpose(s)).</source>
        <translation>
            <numerusform>Changes apply to every purpose this processor receives data for (%n purpose).</numerusform>
            <numerusform>Changes apply to every purpose this processor receives data for (%n purposes).</numerusform>
        </translation>
    </message>
    <message>
        <source>ISO code, such as DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safeguards for a transfer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>such as standard contractual clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agreement it processes under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take no new data or consent from the day it is retired. Nothing is deleted: the data held for it stays under its retention rule, and the purpose stays in the register and its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take new data and consents again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why, for the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officers add them with New Purpose (a controller first, on the Controllers tab), or load a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RegisterEditor</name>
    <message>
        <source>code: &apos;%1&apos; is already used by another %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no %1 &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code: &apos;%1&apos; is not a valid code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds a line break or &apos;|&apos;, which the register cannot keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; is in use, not retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: a processor needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no processor &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processor &apos;%1&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the letterhead is that of one of the office&apos;s own controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not part of the letterhead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RegisterLabels</name>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are the controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We process for this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the contract lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A period after an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until the backup expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until consent is withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period set by law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawal of consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) after %1</source>
        <translation>
            <numerusform>%n year after %1</numerusform>
            <numerusform>%n years after %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) after %1</source>
        <translation>
            <numerusform>%n month after %1</numerusform>
            <numerusform>%n months after %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, then anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, then delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RegisterReports</name>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of personal-data breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR art. 33(5); Belarus Law 99-Z art. 16; Russia 152-FZ art. 21(3.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects (approx.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records (approx.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPO contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk: subjects told (art. 34)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications to regulators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify by (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the investigation by (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notified (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: notified %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: due by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no fixed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no high risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>told %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No personal-data breach has been recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of disclosures to third parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 12(2); GDPR art. 15(1)(c)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosed (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anonymized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No personal data was disclosed in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics of processing and requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests received, by right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests received, by status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests completed in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects per purpose (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects per data category (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasures per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ReplyStep</name>
    <message>
        <source>Reply to request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter is made in %1 from the office&apos;s template (Tools → Reply letter templates) and kept with the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make and record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the letter&apos;s language, e.g. Your data were erased from all our systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatory&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply letter is kept with the request. Save a copy of the PDF for sending?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reply letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the letter is recorded, but the copy could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ReportPdf</name>
    <message>
        <source>Generated by Privacy Desk %1 on %2 at %3 UTC by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name, date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Reports</name>
    <message>
        <source>Data protection officer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register has no client we process for; a processor&apos;s record needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is our own; its record is the report ropa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is a client; its record is the report processor-record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing as a processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act of destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject&apos;s data (access, portability)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period: the first and the last day are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request: only a subject&apos;s data answers a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised persons (processors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information systems (Belarus Decree 422 sub. 3.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register names no information system of this controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no purpose of the register uses it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>The controller&apos;s record of processing activities (GDPR art. 30(1), Belarus Decree 422 sub. 3.5), one row per activity as the ICO and CNIL templates lay it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of the processing we carry out for a client (GDPR art. 30(2)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request received in the period with all its fields, yearly counts per right and the on-time rate, for a transparency report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A numbered act confirming the destruction of personal data, with an extract of the event log. Drawing one up keeps it for three years; it can be printed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every personal-data breach recorded, with the notice each regime wants and when it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosures of personal data to recipients in the period (Belarus Law 99-Z art. 12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail of the period, with the verification of its hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per right and status, the on-time rate, subjects per purpose and category, erasures per month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything held about one subject, with its rights, for an access or portability request: a readable PDF, JSON to take elsewhere, and CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the report and show it (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report to a file only you can read (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the report&apos;s pages (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give to the Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the PDF, JSON and CSV with the access or portability request and carry it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a report and its parameters, then press Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file you save holds every row; the preview shows the first %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reports for your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are made by privacy officers and auditors; administrators make the audit extract, support agents the subject&apos;s data for their requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw Up an Act of Destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw up a new act of destruction for what you chose? It gets the next number and is kept for three years; to print an existing act again, choose &quot;Print an act again&quot; and its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s); %2 page(s).</source>
        <translation>
            <numerusform>%1: %Ln row; %2 page(s).</numerusform>
            <numerusform>%1: %Ln rows; %2 page(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the first %2 of %3 rows are shown; the file holds every one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s).</source>
        <translation>
            <numerusform>%1: %Ln row.</numerusform>
            <numerusform>%1: %Ln rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1 (%Ln row(s)). Only you can read the file.</source>
        <translation>
            <numerusform>Saved to %1 (%Ln row). Only you can read the file.</numerusform>
            <numerusform>Saved to %1 (%Ln rows). Only you can read the file.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the Data to the Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this report (PDF, JSON and CSV) with request #%1 and mark the request as carried out? The reply is sent as the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with request #%1 as PDF, JSON and CSV; the request is carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One subject&apos;s deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure of a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything destroyed in a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retention sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print an act again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act covers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject number, e.g. 1042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (our own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a client we process for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first that applies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestClosing</name>
    <message>
        <source>reply: the letter is not a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>form: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent on: %1 is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 was withdrawn: no answer is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent on: before the request was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent on %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision: expected granted or partly-granted (a refusal is recorded with its ground)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 is %2: only a request in progress is completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 has no recorded answer: send the reply letter first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legal ground: required (the article that allows the refusal, and why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution: reject the approval first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the requester: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestExecution</name>
    <message>
        <source>consent #%1 is not an active consent of this subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject has no active consent to withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 is %2: it is carried out once the identity is confirmed and the request is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request of type %1 cannot run &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 is not linked to a subject: there is no data to act on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent for approval #%1 by a second officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 blocked until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1 blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; of subject #%2 corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n consent(s) withdrawn; erasure of the data kept for them scheduled by %1</source>
        <translation type="unfinished">%n consent withdrawn; erasure of the data kept for it scheduled by %1</translation>
    </message>
    <message>
        <source>The subject&apos;s data attached (%n item(s))</source>
        <translation type="unfinished">The subject&apos;s data attached (%n item)</translation>
    </message>
    <message>
        <source>The approved erasure was carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure was not approved; the request is back in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestIdEdit</name>
    <message>
        <source>optional, e.g. 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestIntakeDialog</name>
    <message>
        <source>New request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The substance of the request, in the requester&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked*:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as a new subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surname, first name, patronymic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, if given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identification number, if given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>power of attorney: number and date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document of authority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: link an existing subject or register a new one, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: required when the request is not linked to a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth: expected YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked: required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document of authority: required when a representative acts for the subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name, e-mail, phone or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: choose one of the subjects found, or give a subject number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestListModel</name>
    <message>
        <source>clock stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) overdue)</source>
        <translation>
            <numerusform>%1 (%Ln day overdue)</numerusform>
            <numerusform>%1 (%Ln days overdue)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) left)</source>
        <translation>
            <numerusform>%1 (%Ln day left)</numerusform>
            <numerusform>%1 (%Ln days left)</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: the legal deadline has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestPanel</name>
    <message>
        <source>Delete the subject&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize the subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the subject&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent and schedule erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the subject&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask requester…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mplete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdrawn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 · due %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extended from %1; requester told on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock stopped since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>%Ln day overdue</numerusform>
            <numerusform>%Ln days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) left</source>
        <translation>
            <numerusform>%Ln day left</numerusform>
            <numerusform>%Ln days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an open request #%1 of the same subject and type exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request awaits approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows no extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not linked to a subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to carry out for this type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the identity first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a request in progress is completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply letter first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the requester&apos;s identity was checked. Proportionate means: no more than the request needs. Only that a document was seen is recorded; never keep a copy or its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ID card shown at the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock stops until the requester answers (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock keeps running: %1 does not stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. proof of identity, the account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requester answered. The days waited move the due date on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows one extension with reasons, of which the requester must be told within the first period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. complex request: data in several systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester told on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on subject #%1 (%2). The change is recorded in the audit trail with this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. email, phone, name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all data of subject #%1 (%2)? Items, consents and disclosures are removed for good; only the fact of deletion is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize subject #%1 (%2)? Names, contacts and identifiers are replaced for good and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second officer must approve this (approval #%1). The request waits until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal names the article of the law that allows it and why it applies. The requester keeps the right to complain to the supervisory authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 99-Z art. 13(3): data needed for a court case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1 withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requester withdrew the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. phoned on 23 November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;More Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next step (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second officer decides in Tools ▸ Pending Approvals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestProgress</name>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestRegister</name>
    <message>
        <source>there is no request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no document #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestReport</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s address and contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative and authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity checked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity checked (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester told of the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pauses of the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal ground of a refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form of the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, resumed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (erased)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(withheld: the subject&apos;s data was erased)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per year and right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of data-subject requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 14; GDPR arts. 12 to 22</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 requests are listed; the CSV, XLSX or JSON register of the same period holds every one with all its fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every field of each request (requester, identity check, extension, pauses, systems, processors, action, decision and reply) is in the CSV, XLSX or JSON register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request was received in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestService</name>
    <message>
        <source>there is no request #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else (version %2, you saw version %3); nothing was saved: look at the request again and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 is %2: it changes no more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else meanwhile; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: the register has no own controller to keep a new subject under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requester name: required (surname, first name and patronymic where there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what is asked: required (the substance of the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received: %1 is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth: not a date in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel: expected email, web-form, letter, phone or in-person, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>form of the answer: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language: expected en or ru, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>representative&apos;s document: required when a representative acts for the subject (power of attorney or other document of authority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail: required when the answer goes by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address: required when the answer goes by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: either link an existing subject or create one, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: there is no subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request registered; an open request #%1 of the same subject and type exists (possible duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method: say how the identity was checked (e.g. ID card shown at the office)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity not confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say what the requester was asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since: %1 is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since: before the request was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clock already stands since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clock stands from %1 until the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clock keeps running (%1 does not stop it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: %1 is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1: the clock is not stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: before the clock was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requester answered; the clock runs again (%n day(s) paused, due %1)</source>
        <translation type="unfinished">The requester answered; the clock runs again (%n day paused, due %1)</translation>
    </message>
    <message>
        <source>reason: required (the law allows an extension only with reasons given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requester notified: the date the requester was told, not in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1: %2 allows no extension for this request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request #%1 was already extended to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requester notified: before the request was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requester notified: after the original deadline %1; the law requires the notice within the first period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline extended to %1 (requester told on %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignee: there is no operator #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignee: %1 does not handle requests (only active officers and agents do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment: empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestStats</name>
    <message>
        <source>the date to count from is not a valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dashboard shows 1 to %1 weeks, not %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a request received by letter, e-mail, web form, phone or in person (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester&apos;s name or request number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All laws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 4–7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only requests %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message>
        <source>No request matches. Change the filter, or register a new request with New request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due within 3 days</source>
        <translation>
            <numerusform>%Ln due within 3 days</numerusform>
            <numerusform>%Ln due within 3 days</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RestrictionService</name>
    <message>
        <source>the block must last until a future date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Retention</name>
    <message>
        <source>the date of collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject&apos;s registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the withdrawal of consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event the rule does not know (&apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a period (the rule has none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the backup cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period the law sets (record it in the register of purposes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RetentionDialog</name>
    <message>
        <source>Retention Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an officer may run the retention sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1. Data past its retention period is deleted or anonymized as each purpose&apos;s rule says. Blocked data, data of a subject with an open request and data under a legal hold are held back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date can be computed yet: waiting for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under an open request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under a legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete or anonymize the data whose retention period is over (%Ln item(s) and scheduled erasure(s))? A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This cannot be undone.</source>
        <translation>
            <numerusform>Delete or anonymize the data whose retention period is over (%Ln item or scheduled erasure)? A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This cannot be undone.</numerusform>
            <numerusform>Delete or anonymize the data whose retention period is over (%Ln items and scheduled erasures)? A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the Retention Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting and anonymizing what is due…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was done: the sweep would change %Ln subject(s), more than one officer may change alone. Approval #%1 waits for a second officer (Tools &gt; Pending Approvals).</source>
        <translation>
            <numerusform>Nothing was done: the sweep would change %Ln subject, more than one officer may change alone. Approval #%1 waits for a second officer (Tools &gt; Pending Approvals).</numerusform>
            <numerusform>Nothing was done: the sweep would change %Ln subjects, more than one officer may change alone. Approval #%1 waits for a second officer (Tools &gt; Pending Approvals).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep done. Subjects deleted: %1, anonymized: %2. Subjects that keep other data: %3 (items deleted: %4, anonymized: %5). Scheduled erasures carried out: %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects changed by someone else meanwhile and left as they were: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: what was done stays done; run the sweep again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, data category &apos;%2&apos; (kept for a period of its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RetentionRuleEdit</name>
    <message>
        <source>How long the data is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then anonymize</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::RetentionRun</name>
    <message>
        <source>the retention sweep runs as of today or an earlier day, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Ropa</name>
    <message>
        <source>yes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register has no own controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no controller with the code &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose of processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawful basis (art. 6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special category data (art. 9 condition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of individuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contracts with processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third countries and safeguards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automated decision-making</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information system and location of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing carried out for the controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller and its contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing activities as a processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR art. 30(1); Belarus Decree 422 sub. 3.5: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR art. 30(2): processing on behalf of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register holds no purpose of this controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Settings</name>
    <message>
        <source>setting %1: expected %2 to %3, got %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>Settings — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in and approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-day calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2; %3 when never set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every workstation locks its window after that long without input; only the signed-in operator&apos;s password opens it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four-eyes approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every deletion needs a second officer, whatever its size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymizing or deleting more subjects than this at once, or one operator&apos;s anonymizations and deletions adding up to more within the period, waits for a second privacy officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is erased from the database stays in backups until they expire; the retention run records when that will be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators change these settings; your role (%1) can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data protection officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. dpo@example.org, +375 17 000-00-00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the head of every report and reply letter. These are the office&apos;s own controller in the register of processing; officers edit its other fields on the Purposes page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators and privacy officers change the letterhead; your role (%1) can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were saved. They apply on every workstation of this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letterhead was saved; the next report and letter carry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the settings you changed but did not save?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock an idle window after (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passwords that lock an account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it locked for (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second officer approves more subjects than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted together over (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups are kept for (days):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SheetFile</name>
    <message>
        <source>no temporary folder for the workbook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook could not be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>Sign in — Privacy Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your operator name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 with your operator name and password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectAccess</name>
    <message>
        <source>the controller at the address above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may ask for access to your data and a copy of it, have it corrected or completed, have it erased or its processing restricted, object to processing, withdraw a consent at any time without affecting what was done before, and receive the data you provided in a machine-readable form to pass it to another controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To exercise a right, write to %1 stating your name, address, date of birth or identification number and what you ask for; we answer within the time the law sets (15 days under Belarus Law 99-Z, one month under the GDPR) and tell you if we need longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may complain to the data protection authority: in Belarus the National Personal Data Protection Centre, in the EU the supervisory authority of your country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them; request #%2 is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request: #%1 names no subject held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: request #%1 is about subject #%2, not #%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them: name the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: name the subject or the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your personal data held by us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject S-%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who you are to us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kept secret: a key or token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data, by category and purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We hold no data about you besides the facts above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why we process it, who receives it, how long we keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No processing purpose holds data about you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To whom your data was disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data was not disclosed to anyone outside us.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rights and how to exercise them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectChanges</name>
    <message>
        <source>a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 was changed by someone else at %2 (version %3, you edited version %4); nothing was saved: look at the newer values and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is anonymized: nothing of it can change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is blocked: its data is read-only until the block is lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 has no active item #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare the anonymization in SQLite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectDataTree</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>No purpose recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret values (tokens, keys) are never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectDetailsReader</name>
    <message>
        <source>there is no subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectFilterBar</name>
    <message>
        <source>Search by name, e-mail, phone, external id or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show subjects in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show subjects processed for purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show subjects of controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show subjects with data of category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every subject again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontroller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectListModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectLookup</name>
    <message>
        <source>anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectPanel</name>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the subject again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1. The data is read-only until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked until %1: %2. The data is read-only until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymized: nothing of this subject identifies anyone any more, and nothing can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) blocked; they are read-only until the block is lifted.</source>
        <translation>
            <numerusform>%Ln item blocked; it is read-only until the block is lifted.</numerusform>
            <numerusform>%Ln items blocked; they are read-only until the block is lifted.</numerusform>
        </translation>
    </message>
    <message>
        <source>No subject is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is anonymized: nothing of it can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is blocked: its data is read-only until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the item to correct in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is blocked: it is read-only until the block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret values are never shown, so they are not corrected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is already blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this subject is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the selected value (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict processing (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the block (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove what identifies the subject (Ctrl+Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this subject while you were working on it, so nothing was saved. The page now shows the newer values; what you entered is still in the dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed yet: this waits for a second officer (approval #%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectRecordTabs</name>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is recorded for this subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This subject has made no requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this subject was disclosed to third parties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is recorded about this subject yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosures (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SubjectsPage</name>
    <message>
        <source>Anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subjects could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s)</source>
        <translation>
            <numerusform>%Ln subject</numerusform>
            <numerusform>%Ln subjects</numerusform>
        </translation>
    </message>
    <message>
        <source>This database holds no subjects yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects appear here once they are imported or recorded. To try the panel out, fill an empty database with made-up subjects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subject matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not include viewing personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects are shown to officers, agents and auditors. Administrators manage operators and settings and read the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All matching the &amp;filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Block, Anonymize and Delete to every subject the search and filters find, not only the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subject is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) matching</source>
        <translation>
            <numerusform>%Ln subject matching</numerusform>
            <numerusform>%Ln subjects matching</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subject first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everything about the selected subject (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the selected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict the processing of the subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove what identifies the subjects; cannot be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the subjects&apos; data; cannot be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the action in progress ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subject matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select subjects in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number, external id or IP address, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting what will change…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::UiLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk will speak %1 from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::UnblockDialog</name>
    <message>
        <source>Lift the block of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required, e.g. accuracy verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject was &amp;told before the block is lifted (GDPR art. 18(3))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. e-mail of 3 March, phone call today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How and when the subject was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How and when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lift block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for lifting the block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject must be told before the block is lifted: tick the box once they were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Versions</name>
    <message>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::sql</name>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing an information system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacing the recipients of a purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing the purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value that must be unique is already stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reference to a row that does not exist, or a row others refer to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value the database does not accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value of the wrong form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another workstation changed the same data at the same time; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is out of resources (disk, memory or connections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database user may not do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the statement was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database refused the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constraint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the register of purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the policy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacing the retention periods of a purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing the retention period of a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retiring the purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the retention periods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
