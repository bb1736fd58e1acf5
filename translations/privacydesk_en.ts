<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then a file in your data folder.</source>
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
        <source>Privacy Desk cannot open the database %1.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Desk cannot read the operators of the database %1.

%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalService</name>
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
        <source>approval #%1 stopped after %2 of %3 subjects; approve it again to finish</source>
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
        <source>%1 UTC</source>
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
        <source>wrong operator name or password</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>operator %1 is deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is locked until %2 UTC after too many wrong passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong operator name or password; operator %1 is now locked for %2 minutes</source>
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
        <source>operator: expected &apos;add&apos; or &apos;list&apos;, got &apos;%1&apos;</source>
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
        <source>settings set %1: VALUE must be a whole number of 0 or more, got &apos;%2&apos;</source>
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
        <source>audit: expected &apos;verify&apos; or &apos;list&apos;, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval: expected &apos;list&apos;, &apos;approve ID&apos; or &apos;reject ID --note TEXT&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval %1: ID: expected an approval number, got &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval reject: --note TEXT is required</source>
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
        <source>import: expected &apos;subjects FILE.csv&apos;, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import subjects: expected one FILE.csv</source>
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
        <source>subject correct: expected ID FIELD VALUE</source>
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
        <source>subjects: expected &apos;search TEXT&apos;, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject: expected show, correct, block, unblock, anonymize or delete, got &apos;%1&apos;</source>
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
    <name>pd::CsvReader</name>
    <message>
        <source>row %1: a quoted field is not closed</source>
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
</context>
<context>
    <name>pd::ImportService</name>
    <message>
        <source>field &apos;name&apos;: a name or an e-mail is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;controller&apos;: required (the database has no own controller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;controller&apos;: no controller with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: required</source>
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
        <source>field &apos;external_id&apos;: a subject with this id is already stored</source>
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
        <source>%1: the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row 1: unknown column &apos;%2&apos; (expected: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row 1: the header needs a &apos;purpose&apos; column and a &apos;name&apos; or &apos;email&apos; column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row %2, %3; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: row %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the rejects file: %2</source>
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
        <source>Viewed</source>
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
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::LockView</name>
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
        <source>The register of data-subject requests: intake from letters, e-mail, web forms and phone calls, identity checks, due dates by regime with extensions and pauses, and the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines at a glance: requests due soon and overdue, blocked subjects awaiting verification, data past its retention period, and the week&apos;s workload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports for the regulator and for subjects: the record of processing, the request register, destruction acts, audit extracts and statistics, as PDF, CSV or XLSX.</source>
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
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
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
</context>
<context>
    <name>pd::PlaceholderPage</name>
    <message>
        <source>This page is not available in this version yet.</source>
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
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; may repeat)</source>
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
        <source>expected &apos;NAME | processor|controller|authority | COUNTRY | SAFEGUARDS&apos;, the last two optional</source>
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
        <source>The register is filled from a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
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
    <name>pd::Settings</name>
    <message>
        <source>setting %1: expected 0 or more, got %2</source>
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
        <source>Sign in with your operator name and password.</source>
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
    <name>pd::SubjectDirectory</name>
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
    <name>pd::SubjectService</name>
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
    <message>
        <source>the block must last until a future date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 has no active item #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 is already anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject #%1 has no field &apos;%2&apos; that can be corrected</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>pd::SubjectView</name>
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
</context>
</TS>
