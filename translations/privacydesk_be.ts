<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="be_BY">
<context>
    <name>pd::Application</name>
    <message>
        <source>unknown</source>
        <translation>невядома</translation>
    </message>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>Privacy Desk: records of personal data and data-subject requests.</source>
        <translation>Privacy Desk: улік персанальных даных і запытаў суб&apos;ектаў персанальных даных.</translation>
    </message>
    <message>
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then a file in your data folder.</source>
        <translation>База даных для адкрыцця: sqlite:/path/file.sqlite або postgresql://user:password@host:port/dbname. Па змаўчанні — пераменная асяроддзя PRIVACYDESK_DB, інакш файл у тэчцы даных карыстальніка.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The database address is not valid: %1.</source>
        <translation>Няправільны адрас базы даных: %1.</translation>
    </message>
    <message>
        <source>Privacy Desk cannot open the database %1.

%2</source>
        <translation>Privacy Desk не можа адкрыць базу даных %1.

%2</translation>
    </message>
</context>
<context>
    <name>pd::CliApp</name>
    <message>
        <source>Try &apos;privacydesk-cli --help&apos;.</source>
        <translation>Падрабязней: &apos;privacydesk-cli --help&apos;.</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>параметр --%1 не прымае значэння</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>для параметра --%1 патрэбна значэнне</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>невядомы параметр --%1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>невядомы параметр %1</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>для параметра %1 патрэбна значэнне</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>не пазначана каманда</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>невядомая каманда &apos;%1&apos;</translation>
    </message>
    <message>
        <source>init: unexpected argument &apos;%1&apos;</source>
        <translation>init: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Database %1 is at schema version %2.</source>
        <translation>База даных %1: версія схемы %2.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2 controllers, %3 information systems, %4 purposes, %5 recipients.</source>
        <translation>Профіль &quot;%1&quot;: аператараў — %2, інфармацыйных сістэм — %3, мэт апрацоўкі — %4, атрымальнікаў — %5.</translation>
    </message>
    <message>
        <source>demo: unexpected argument &apos;%1&apos;</source>
        <translation>demo: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --subjects N is required</source>
        <translation>demo: абавязковы параметр --subjects N</translation>
    </message>
    <message>
        <source>demo: --subjects: expected a whole number from 1 to 10000000, got &apos;%1&apos;</source>
        <translation>demo: --subjects: чакаўся цэлы лік ад 1 да 10000000, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --requests: expected a whole number from 0 to 10000000, got &apos;%1&apos;</source>
        <translation>demo: --requests: чакаўся цэлы лік ад 0 да 10000000, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --seed: expected a whole number, got &apos;%1&apos;</source>
        <translation>demo: --seed: чакаўся цэлы лік, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --today: expected a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>demo: --today: чакалася дата ў фармаце YYYY-MM-DD, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Demo data: %1 subjects, %2 data items, %3 consents, %4 disclosures, %5 requests in %6 s.</source>
        <translation>Дэманстрацыйныя даныя: суб&apos;ектаў — %1, элементаў даных — %2, згод — %3, прадастаўленняў — %4, запытаў — %5 за %6 с.</translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation>%1 — гэта тэчка, а не файл базы даных</translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation>па шляху %1 няма базы даных</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>не ўдалося стварыць тэчку %1</translation>
    </message>
    <message>
        <source>the Qt SQL driver for %1 is not installed</source>
        <translation>не ўсталяваны драйвер Qt SQL для %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>не ўдалося адкрыць %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it holds other tables); nothing was changed</source>
        <translation>%1 не з&apos;яўляецца базай даных Privacy Desk (у ёй іншыя табліцы); нічога не зменена</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database; nothing was changed</source>
        <translation>%1 не з&apos;яўляецца базай даных Privacy Desk; нічога не зменена</translation>
    </message>
    <message>
        <source>%1 was written by a newer Privacy Desk (schema %2; this version knows up to %3); nothing was changed. Update Privacy Desk to open it.</source>
        <translation>База даных %1 створана навейшай версіяй Privacy Desk (схема %2; гэтая версія падтрымлівае схемы да %3); нічога не зменена. Абнавіце Privacy Desk, каб адкрыць яе.</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>не ўдалося пачаць транзакцыю: %1</translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation>не ўдалося зафіксаваць транзакцыю: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не ўдалося прачытаць %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it is not an SQLite file); nothing was changed</source>
        <translation>%1 не з'яўляецца базай даных Privacy Desk (гэта не файл SQLite); нічога не зменена</translation>
    </message>
</context>
<context>
    <name>pd::DatabaseUrl</name>
    <message>
        <source>database URL is empty</source>
        <translation>URL базы даных пусты</translation>
    </message>
    <message>
        <source>database URL &quot;sqlite:&quot; names no file</source>
        <translation>у URL базы даных &quot;sqlite:&quot; не пазначаны файл</translation>
    </message>
    <message>
        <source>database URL is not a valid postgresql://user:password@host:port/dbname URL</source>
        <translation>URL базы даных не адпавядае фармату postgresql://user:password@host:port/dbname</translation>
    </message>
    <message>
        <source>database URL names no database: expected postgresql://user@host:port/dbname</source>
        <translation>у URL не пазначана база даных: чакаецца postgresql://user@host:port/dbname</translation>
    </message>
    <message>
        <source>database URL must start with sqlite: or postgresql:// (got &quot;%1&quot;)</source>
        <translation>URL базы даных павінен пачынацца з sqlite: або postgresql:// (атрымана &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>pd::DemoGenerator</name>
    <message>
        <source>the database already holds %1 subjects; demo data goes only into an empty database</source>
        <translation>у базе даных ужо ёсць суб&apos;екты (%1); дэманстрацыйныя даныя загружаюцца толькі ў пустую базу</translation>
    </message>
    <message>
        <source>the demo generator stopped early</source>
        <translation>генератар дэманстрацыйных даных спыніўся датэрмінова</translation>
    </message>
    <message>
        <source>demo data generation cancelled after %1 subjects</source>
        <translation>генерацыя дэманстрацыйных даных скасавана; створана суб&apos;ектаў: %1</translation>
    </message>
    <message>
        <source>the demo profile has no purpose &apos;%1&apos;</source>
        <translation>у дэманстрацыйным профілі няма мэты апрацоўкі '%1'</translation>
    </message>
    <message>
        <source>the demo profile lacks the controllers &apos;operator&apos; and &apos;client-retail&apos;</source>
        <translation>у дэманстрацыйным профілі няма аператараў 'operator' і 'client-retail'</translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запыты</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Агляд</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Мэты апрацоўкі</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Справаздачы</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аўдыт</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Раздзелы</translation>
    </message>
    <message>
        <source>The register of data-subject requests: intake from letters, e-mail, web forms and phone calls, identity checks, due dates by regime with extensions and pauses, and the answer.</source>
        <translation>Рэестр запытаў суб&apos;ектаў персанальных даных: прыём з лістоў, e-mail, вэб-форм і па тэлефоне, праверка асобы, тэрміны паводле адпаведнага рэжыму з падаўжэннем і прыпыненнем, адказ.</translation>
    </message>
    <message>
        <source>Deadlines at a glance: requests due soon and overdue, blocked subjects awaiting verification, data past its retention period, and the week&apos;s workload.</source>
        <translation>Усе тэрміны на адным экране: запыты, тэрмін якіх хутка мінае, і пратэрмінаваныя запыты, заблакаваныя суб&apos;екты, якія чакаюць праверкі, даныя з мінулым тэрмінам захоўвання і нагрузка на тыдзень.</translation>
    </message>
    <message>
        <source>Reports for the regulator and for subjects: the record of processing, the request register, destruction acts, audit extracts and statistics, as PDF, CSV or XLSX.</source>
        <translation>Справаздачы для ўпаўнаважанага органа і для суб&apos;ектаў: рэестр апрацоўкі, рэестр запытаў, акты знішчэння, выпіскі з журнала аўдыту і статыстыка ў фармаце PDF, CSV або XLSX.</translation>
    </message>
    <message>
        <source>The audit trail: who did what to which record, when and why, with verification that no entry was changed or removed.</source>
        <translation>Журнал аўдыту: хто і што зрабіў з якім запісам, калі і чаму, з праверкай таго, што ніводзін запіс журнала не зменены і не выдалены.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выхад</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Выгляд</translation>
    </message>
    <message>
        <source>&amp;Find Subject</source>
        <translation>&amp;Знайсці суб&apos;екта</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Даведка</translation>
    </message>
    <message>
        <source>&amp;About Privacy Desk</source>
        <translation>&amp;Пра праграму Privacy Desk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База даных: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Карыстальнік: %1</translation>
    </message>
    <message>
        <source>Operator: %1 (not signed in)</source>
        <translation>Карыстальнік: %1 (уваход не выкананы)</translation>
    </message>
    <message>
        <source>%1 — Privacy Desk</source>
        <translation>%1 — Privacy Desk</translation>
    </message>
    <message>
        <source>About Privacy Desk</source>
        <translation>Пра праграму Privacy Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Улік персанальных даных, рэестр мэт апрацоўкі і запытаў суб&apos;ектаў персанальных даных для адказных за абарону персанальных даных, супрацоўнікаў падтрымкі і аўдытараў.&lt;/p&gt;&lt;p&gt;Сабрана з Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pd::Migrations</name>
    <message>
        <source>migration %1 is missing from this build</source>
        <translation>міграцыя %1 адсутнічае ў гэтай зборцы</translation>
    </message>
    <message>
        <source>cannot start the migration: %1</source>
        <translation>не ўдалося пачаць міграцыю: %1</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>памылка міграцыі %1 (%2): %3</translation>
    </message>
    <message>
        <source>migration %1 could not be committed: %2</source>
        <translation>не ўдалося зафіксаваць міграцыю %1: %2</translation>
    </message>
</context>
<context>
    <name>pd::PlaceholderPage</name>
    <message>
        <source>This page is not available in this version yet.</source>
        <translation>Гэты раздзел у бягучай версіі пакуль недаступны.</translation>
    </message>
</context>
<context>
    <name>pd::ProfileInstaller</name>
    <message>
        <source>profile &apos;%1&apos;: %2 refers to %3 &apos;%4&apos;, which the profile does not define</source>
        <translation>профіль &apos;%1&apos;: %2 спасылаецца на %3 &apos;%4&apos;, якога няма ў профілі</translation>
    </message>
    <message>
        <source>system &apos;%1&apos;</source>
        <translation>сістэма &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos;</source>
        <translation>мэта &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>pd::ProfileLoader</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>%1:%2: field &apos;%3&apos;: %4</source>
        <translation>%1:%2: поле &apos;%3&apos;: %4</translation>
    </message>
    <message>
        <source>%1:%2: [%3]: %4</source>
        <translation>%1:%2: [%3]: %4</translation>
    </message>
    <message>
        <source>section header is not closed (expected &apos;[TYPE CODE]&apos;)</source>
        <translation>загаловак секцыі не закрыты (чакаецца &apos;[TYPE CODE]&apos;)</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: unknown section type (expected [profile], [controller CODE], [system CODE] or [purpose CODE])</source>
        <translation>секцыя &apos;%1&apos;: невядомы тып секцыі (чакаецца [profile], [controller CODE], [system CODE] або [purpose CODE])</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: [profile] takes no code</source>
        <translation>секцыя &apos;%1&apos;: для [profile] код не пазначаецца</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: expected exactly one code, as in &apos;[%2 CODE]&apos;</source>
        <translation>секцыя &apos;%1&apos;: чакаецца роўна адзін код, напрыклад &apos;[%2 CODE]&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid code (expected lowercase letters, digits and &apos;-&apos;)</source>
        <translation>&apos;%1&apos; — недапушчальны код (чакаюцца малыя лацінскія літары, лічбы і &apos;-&apos;)</translation>
    </message>
    <message>
        <source>section given twice (first on line %1)</source>
        <translation>секцыя пазначана двойчы (упершыню ў радку %1)</translation>
    </message>
    <message>
        <source>code &apos;%1&apos; is already used by the %2 on line %3</source>
        <translation>код &apos;%1&apos; ужо заняты: секцыя %2 у радку %3</translation>
    </message>
    <message>
        <source>this line is neither a section header nor a field (expected &apos;[TYPE CODE]&apos; or &apos;key = value&apos;)</source>
        <translation>радок не з&apos;яўляецца ні загалоўкам секцыі, ні полем (чакаецца &apos;[TYPE CODE]&apos; або &apos;key = value&apos;)</translation>
    </message>
    <message>
        <source>found before any section (expected a [profile] section first)</source>
        <translation>пазначана да першай секцыі (спачатку чакаецца секцыя [profile])</translation>
    </message>
    <message>
        <source>unknown field in [%1] (expected one of: %2)</source>
        <translation>невядомае поле ў [%1] (чакаецца адно з: %2)</translation>
    </message>
    <message>
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; may repeat)</source>
        <translation>пазначана двойчы ў [%1] (упершыню ў радку %2; паўтарацца можа толькі &apos;recipient&apos;)</translation>
    </message>
    <message>
        <source>required field &apos;%1&apos; is missing</source>
        <translation>адсутнічае абавязковае поле &apos;%1&apos;</translation>
    </message>
    <message>
        <source>is empty (expected a value: the field is required)</source>
        <translation>пустое (патрэбна значэнне: поле абавязковае)</translation>
    </message>
    <message>
        <source>item %1 of the list is empty (expected a comma-separated list)</source>
        <translation>элемент %1 спісу пусты (чакаецца спіс праз коску)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a country code (expected an ISO 3166 alpha-2 code in capitals, such as BY or DE)</source>
        <translation>&apos;%1&apos; — не код краіны (чакаецца код ISO 3166 alpha-2 вялікімі літарамі, напрыклад BY або DE)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a controller kind (expected own or client)</source>
        <translation>&apos;%1&apos; — недапушчальны тып аператара (чакаецца own або client)</translation>
    </message>
    <message>
        <source>expected contract-term, legal, backup-cycle, until-withdrawal, &apos;&lt;N&gt; months after &lt;event&gt;&apos; or &apos;&lt;N&gt; years after &lt;event&gt;&apos; with &lt;event&gt; one of %1</source>
        <translation>чакаецца contract-term, legal, backup-cycle, until-withdrawal, &apos;&lt;N&gt; months after &lt;event&gt;&apos; або &apos;&lt;N&gt; years after &lt;event&gt;&apos;, дзе &lt;event&gt; — адно з: %1</translation>
    </message>
    <message>
        <source>the period must be at least 1 (%1)</source>
        <translation>тэрмін павінен быць не менш за 1 (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention event (%2)</source>
        <translation>&apos;%1&apos; — недапушчальная падзея для тэрміну захоўвання (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention rule (%2)</source>
        <translation>&apos;%1&apos; — недапушчальнае правіла тэрміну захоўвання (%2)</translation>
    </message>
    <message>
        <source>expected &apos;NAME | processor|controller|authority | COUNTRY | SAFEGUARDS&apos;, the last two optional</source>
        <translation>чакаецца &apos;NAME | processor|controller|authority | COUNTRY | SAFEGUARDS&apos;, апошнія два неабавязковыя</translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (%2)</source>
        <translation>частак, падзеленых &apos;|&apos;: %1 (%2)</translation>
    </message>
    <message>
        <source>the name is empty (%1)</source>
        <translation>пустая назва (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recipient role (%2)</source>
        <translation>&apos;%1&apos; — недапушчальная роля атрымальніка (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a legal ground (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недапушчальная прававая падстава (чакаецца адна з: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data category (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недапушчальная катэгорыя даных (чакаецца адна з: %2)</translation>
    </message>
    <message>
        <source>expected a [%1 CODE] section</source>
        <translation>чакаецца секцыя [%1 CODE]</translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation>чакаецца адно з: %1</translation>
    </message>
    <message>
        <source>no [%1 %2] in this profile (%3)</source>
        <translation>у профілі няма [%1 %2] (%3)</translation>
    </message>
    <message>
        <source>[profile]: section is missing (expected a [profile] section with name and policy_version)</source>
        <translation>[profile]: секцыя адсутнічае (чакаецца секцыя [profile] з палямі name і policy_version)</translation>
    </message>
    <message>
        <source>the profile defines no purpose (expected at least one [purpose CODE] section)</source>
        <translation>у профілі не зададзена ніводнай мэты апрацоўкі (чакаецца хаця б адна секцыя [purpose CODE])</translation>
    </message>
    <message>
        <source>%1: cannot read the profile: %2</source>
        <translation>%1: не ўдалося прачытаць профіль: %2</translation>
    </message>
    <message>
        <source>%1: the profile is not UTF-8 text (expected a UTF-8 text file)</source>
        <translation>%1: профіль не ў кадзіроўцы UTF-8 (чакаецца тэкставы файл у UTF-8)</translation>
    </message>
</context>
<context>
    <name>pd::PurposesPage</name>
    <message>
        <source>Controller</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Катэгорыі</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Тэрмін захоўвання</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Краіны</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Атрымальнікі</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Мэты апрацоўкі</translation>
    </message>
    <message>
        <source>The register of purposes could not be read.</source>
        <translation>Не ўдалося прачытаць рэестр мэт апрацоўкі.</translation>
    </message>
    <message>
        <source>No processing purposes are registered yet.</source>
        <translation>Мэты апрацоўкі пакуль не зарэгістраваны.</translation>
    </message>
    <message>
        <source>The register is filled from a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
        <translation>Рэестр запаўняецца з профілю палітыкі, у якім для кожнай мэты апрацоўкі пазначаны прававая падстава, катэгорыі даных, тэрмін захоўвання і атрымальнікі:</translation>
    </message>
    <message>
        <source>A client: we process this data on the client&apos;s instructions</source>
        <translation>Кліент: мы апрацоўваем гэтыя даныя па даручэнні кліента</translation>
    </message>
    <message>
        <source>Our own company: we decide why and how this data is processed</source>
        <translation>Наша кампанія: мы вызначаем мэты і спосабы апрацоўкі гэтых даных</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Дагавор</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Законны інтарэс</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>Абавязак па законе</translation>
    </message>
    <message>
        <source>Vital interest</source>
        <translation>Жыццёва важныя інтарэсы</translation>
    </message>
    <message>
        <source>Public task</source>
        <translation>Грамадскі інтарэс</translation>
    </message>
</context>
<context>
    <name>pd::SubjectListModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Імя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Тэлефон</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Знешні ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Створаны</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Актыўны</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблакаваны</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Абязасоблены</translation>
    </message>
</context>
<context>
    <name>pd::SubjectsPage</name>
    <message>
        <source>Search by name, e-mail, phone or external id</source>
        <translation>Пошук па імені, e-mail, тэлефоне або знешнім ID</translation>
    </message>
    <message>
        <source>Search subjects</source>
        <translation>Пошук суб&apos;ектаў</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усе</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Актыўны</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблакаваны</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Абязасоблены</translation>
    </message>
    <message>
        <source>Show subjects in state</source>
        <translation>Паказаць суб&apos;ектаў у стане</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Стан:</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>The subjects could not be loaded: %1</source>
        <translation>Не ўдалося загрузіць суб&apos;ектаў: %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Падлік…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s)</source>
        <translation>
            <numerusform>%Ln суб&apos;ект</numerusform>
            <numerusform>%Ln суб&apos;екты</numerusform>
            <numerusform>%Ln суб&apos;ектаў</numerusform>
        </translation>
    </message>
    <message>
        <source>This database holds no subjects yet.</source>
        <translation>У базе даных пакуль няма суб&apos;ектаў.</translation>
    </message>
    <message>
        <source>Subjects appear here once they are imported or recorded. To try the panel out, fill an empty database with made-up subjects:</source>
        <translation>Суб&apos;екты з&apos;явяцца тут пасля імпарту або ўводу. Каб паспрабаваць панэль, запоўніце пустую базу даных выдуманымі суб&apos;ектамі:</translation>
    </message>
    <message>
        <source>No subject matches the search.</source>
        <translation>Ніводзін суб&apos;ект не адпавядае ўмовам пошуку.</translation>
    </message>
    <message>
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number or external id, or set the state filter to All.</source>
        <translation>Праверце напісанне, шукайце па пачатку імені, e-mail, нумара тэлефона або знешняга ID ці выберыце ў фільтры стану значэнне «Усе».</translation>
    </message>
</context>
<context>
    <name>pd::sql</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 — памылка: %2</translation>
    </message>
    <message>
        <source>writing rows</source>
        <translation>запіс радкоў</translation>
    </message>
    <message>
        <source>storing a controller</source>
        <translation>захаванне аператара</translation>
    </message>
    <message>
        <source>storing an information system</source>
        <translation>захаванне інфармацыйнай сістэмы</translation>
    </message>
    <message>
        <source>storing a purpose</source>
        <translation>захаванне мэты апрацоўкі</translation>
    </message>
    <message>
        <source>replacing the recipients of a purpose</source>
        <translation>замена атрымальнікаў мэты апрацоўкі</translation>
    </message>
    <message>
        <source>storing a recipient</source>
        <translation>захаванне атрымальніка</translation>
    </message>
    <message>
        <source>listing the purposes</source>
        <translation>чытанне спісу мэт апрацоўкі</translation>
    </message>
</context>
</TS>
