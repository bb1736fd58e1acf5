<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>pd::Application</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>The audit trail: who did what to which record, when and why, with verification that no entry was changed or removed.</source>
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
        <source>Operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1 (not signed in)</source>
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
    <name>pd::SubjectsPage</name>
    <message>
        <source>Search by name, e-mail, phone or external id</source>
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
        <source>&amp;State:</source>
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
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number or external id, or set the state filter to All.</source>
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
