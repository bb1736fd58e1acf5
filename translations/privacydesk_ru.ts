<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>pd::Application</name>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>Privacy Desk: records of personal data and data-subject requests.</source>
        <translation>Privacy Desk: учёт персональных данных и запросов субъектов персональных данных.</translation>
    </message>
    <message>
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then a file in your data folder.</source>
        <translation>Открываемая база данных: sqlite:/path/file.sqlite или postgresql://user:password@host:port/dbname. По умолчанию — переменная окружения PRIVACYDESK_DB, иначе файл в папке данных пользователя.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The database address is not valid: %1.</source>
        <translation>Неверный адрес базы данных: %1.</translation>
    </message>
    <message>
        <source>Privacy Desk cannot open the database %1.

%2</source>
        <translation>Privacy Desk не может открыть базу данных %1.

%2</translation>
    </message>
</context>
<context>
    <name>pd::CliApp</name>
    <message>
        <source>Try &apos;privacydesk-cli --help&apos;.</source>
        <translation>Подробнее: &apos;privacydesk-cli --help&apos;.</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>параметр --%1 не принимает значения</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>для параметра --%1 нужно значение</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>неизвестный параметр --%1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>неизвестный параметр %1</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>для параметра %1 нужно значение</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>не указана команда</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>неизвестная команда &apos;%1&apos;</translation>
    </message>
    <message>
        <source>init: unexpected argument &apos;%1&apos;</source>
        <translation>init: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Database %1 is at schema version %2.</source>
        <translation>База данных %1: версия схемы %2.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2 controllers, %3 information systems, %4 purposes, %5 recipients.</source>
        <translation>Профиль &quot;%1&quot;: операторов — %2, информационных систем — %3, целей обработки — %4, получателей — %5.</translation>
    </message>
    <message>
        <source>demo: unexpected argument &apos;%1&apos;</source>
        <translation>demo: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --subjects N is required</source>
        <translation>demo: обязателен параметр --subjects N</translation>
    </message>
    <message>
        <source>demo: --subjects: expected a whole number from 1 to 10000000, got &apos;%1&apos;</source>
        <translation>demo: --subjects: ожидалось целое число от 1 до 10000000, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --requests: expected a whole number from 0 to 10000000, got &apos;%1&apos;</source>
        <translation>demo: --requests: ожидалось целое число от 0 до 10000000, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --seed: expected a whole number, got &apos;%1&apos;</source>
        <translation>demo: --seed: ожидалось целое число, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>demo: --today: expected a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>demo: --today: ожидалась дата в формате YYYY-MM-DD, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Demo data: %1 subjects, %2 data items, %3 consents, %4 disclosures, %5 requests in %6 s.</source>
        <translation>Демонстрационные данные: субъектов — %1, элементов данных — %2, согласий — %3, предоставлений — %4, запросов — %5 за %6 с.</translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation>%1 — это папка, а не файл базы данных</translation>
    </message>
    <message>
        <source>no database at %1</source>
        <translation>по пути %1 нет базы данных</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>не удалось создать папку %1</translation>
    </message>
    <message>
        <source>the Qt SQL driver for %1 is not installed</source>
        <translation>не установлен драйвер Qt SQL для %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>не удалось открыть %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it holds other tables); nothing was changed</source>
        <translation>%1 не является базой данных Privacy Desk (в ней другие таблицы); ничего не изменено</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database; nothing was changed</source>
        <translation>%1 не является базой данных Privacy Desk; ничего не изменено</translation>
    </message>
    <message>
        <source>%1 was written by a newer Privacy Desk (schema %2; this version knows up to %3); nothing was changed. Update Privacy Desk to open it.</source>
        <translation>База данных %1 создана более новой версией Privacy Desk (схема %2; эта версия поддерживает схемы до %3); ничего не изменено. Обновите Privacy Desk, чтобы открыть её.</translation>
    </message>
    <message>
        <source>cannot start a transaction: %1</source>
        <translation>не удалось начать транзакцию: %1</translation>
    </message>
    <message>
        <source>cannot commit: %1</source>
        <translation>не удалось зафиксировать транзакцию: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database (it is not an SQLite file); nothing was changed</source>
        <translation>%1 не является базой данных Privacy Desk (это не файл SQLite); ничего не изменено</translation>
    </message>
</context>
<context>
    <name>pd::DatabaseUrl</name>
    <message>
        <source>database URL is empty</source>
        <translation>URL базы данных пуст</translation>
    </message>
    <message>
        <source>database URL &quot;sqlite:&quot; names no file</source>
        <translation>в URL базы данных &quot;sqlite:&quot; не указан файл</translation>
    </message>
    <message>
        <source>database URL is not a valid postgresql://user:password@host:port/dbname URL</source>
        <translation>URL базы данных не соответствует формату postgresql://user:password@host:port/dbname</translation>
    </message>
    <message>
        <source>database URL names no database: expected postgresql://user@host:port/dbname</source>
        <translation>в URL не указана база данных: ожидается postgresql://user@host:port/dbname</translation>
    </message>
    <message>
        <source>database URL must start with sqlite: or postgresql:// (got &quot;%1&quot;)</source>
        <translation>URL базы данных должен начинаться с sqlite: или postgresql:// (получено &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>pd::DemoGenerator</name>
    <message>
        <source>the database already holds %1 subjects; demo data goes only into an empty database</source>
        <translation>в базе данных уже есть субъекты (%1); демонстрационные данные загружаются только в пустую базу</translation>
    </message>
    <message>
        <source>the demo generator stopped early</source>
        <translation>генератор демонстрационных данных остановился досрочно</translation>
    </message>
    <message>
        <source>demo data generation cancelled after %1 subjects</source>
        <translation>генерация демонстрационных данных отменена; создано субъектов: %1</translation>
    </message>
    <message>
        <source>the demo profile has no purpose &apos;%1&apos;</source>
        <translation>в демонстрационном профиле нет цели обработки '%1'</translation>
    </message>
    <message>
        <source>the demo profile lacks the controllers &apos;operator&apos; and &apos;client-retail&apos;</source>
        <translation>в демонстрационном профиле нет операторов 'operator' и 'client-retail'</translation>
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
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Цели обработки</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>The register of data-subject requests: intake from letters, e-mail, web forms and phone calls, identity checks, due dates by regime with extensions and pauses, and the answer.</source>
        <translation>Реестр запросов субъектов персональных данных: приём из писем, e-mail, веб-форм и по телефону, проверка личности, сроки по применимому режиму с продлением и приостановкой, ответ.</translation>
    </message>
    <message>
        <source>Deadlines at a glance: requests due soon and overdue, blocked subjects awaiting verification, data past its retention period, and the week&apos;s workload.</source>
        <translation>Все сроки на одном экране: скоро истекающие и просроченные запросы, заблокированные субъекты, ожидающие проверки, данные с истёкшим сроком хранения и нагрузка на неделю.</translation>
    </message>
    <message>
        <source>Reports for the regulator and for subjects: the record of processing, the request register, destruction acts, audit extracts and statistics, as PDF, CSV or XLSX.</source>
        <translation>Отчёты для уполномоченного органа и для субъектов: реестр обработки, реестр запросов, акты уничтожения, выписки из журнала аудита и статистика в формате PDF, CSV или XLSX.</translation>
    </message>
    <message>
        <source>The audit trail: who did what to which record, when and why, with verification that no entry was changed or removed.</source>
        <translation>Журнал аудита: кто и что сделал с какой записью, когда и почему, с проверкой того, что ни одна запись журнала не изменена и не удалена.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find Subject</source>
        <translation>&amp;Найти субъекта</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Privacy Desk</source>
        <translation>&amp;О программе Privacy Desk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Пользователь: %1</translation>
    </message>
    <message>
        <source>Operator: %1 (not signed in)</source>
        <translation>Пользователь: %1 (вход не выполнен)</translation>
    </message>
    <message>
        <source>%1 — Privacy Desk</source>
        <translation>%1 — Privacy Desk</translation>
    </message>
    <message>
        <source>About Privacy Desk</source>
        <translation>О программе Privacy Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Учёт персональных данных, реестр целей обработки и запросов субъектов персональных данных для ответственных за защиту персональных данных, сотрудников поддержки и аудиторов.&lt;/p&gt;&lt;p&gt;Собрано с Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>pd::Migrations</name>
    <message>
        <source>migration %1 is missing from this build</source>
        <translation>миграция %1 отсутствует в этой сборке</translation>
    </message>
    <message>
        <source>cannot start the migration: %1</source>
        <translation>не удалось начать миграцию: %1</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>ошибка миграции %1 (%2): %3</translation>
    </message>
    <message>
        <source>migration %1 could not be committed: %2</source>
        <translation>не удалось зафиксировать миграцию %1: %2</translation>
    </message>
</context>
<context>
    <name>pd::PlaceholderPage</name>
    <message>
        <source>This page is not available in this version yet.</source>
        <translation>Этот раздел в текущей версии пока недоступен.</translation>
    </message>
</context>
<context>
    <name>pd::ProfileInstaller</name>
    <message>
        <source>profile &apos;%1&apos;: %2 refers to %3 &apos;%4&apos;, which the profile does not define</source>
        <translation>профиль &apos;%1&apos;: %2 ссылается на %3 &apos;%4&apos;, которого нет в профиле</translation>
    </message>
    <message>
        <source>system &apos;%1&apos;</source>
        <translation>система &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos;</source>
        <translation>цель &apos;%1&apos;</translation>
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
        <translation>заголовок секции не закрыт (ожидается &apos;[TYPE CODE]&apos;)</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: unknown section type (expected [profile], [controller CODE], [system CODE] or [purpose CODE])</source>
        <translation>секция &apos;%1&apos;: неизвестный тип секции (ожидается [profile], [controller CODE], [system CODE] или [purpose CODE])</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: [profile] takes no code</source>
        <translation>секция &apos;%1&apos;: для [profile] код не указывается</translation>
    </message>
    <message>
        <source>section &apos;%1&apos;: expected exactly one code, as in &apos;[%2 CODE]&apos;</source>
        <translation>секция &apos;%1&apos;: ожидается ровно один код, например &apos;[%2 CODE]&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid code (expected lowercase letters, digits and &apos;-&apos;)</source>
        <translation>&apos;%1&apos; — недопустимый код (ожидаются строчные латинские буквы, цифры и &apos;-&apos;)</translation>
    </message>
    <message>
        <source>section given twice (first on line %1)</source>
        <translation>секция указана дважды (впервые в строке %1)</translation>
    </message>
    <message>
        <source>code &apos;%1&apos; is already used by the %2 on line %3</source>
        <translation>код &apos;%1&apos; уже занят: секция %2 в строке %3</translation>
    </message>
    <message>
        <source>this line is neither a section header nor a field (expected &apos;[TYPE CODE]&apos; or &apos;key = value&apos;)</source>
        <translation>строка не является ни заголовком секции, ни полем (ожидается &apos;[TYPE CODE]&apos; или &apos;key = value&apos;)</translation>
    </message>
    <message>
        <source>found before any section (expected a [profile] section first)</source>
        <translation>указано до первой секции (сначала ожидается секция [profile])</translation>
    </message>
    <message>
        <source>unknown field in [%1] (expected one of: %2)</source>
        <translation>неизвестное поле в [%1] (ожидается одно из: %2)</translation>
    </message>
    <message>
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; may repeat)</source>
        <translation>указано дважды в [%1] (впервые в строке %2; повторяться может только &apos;recipient&apos;)</translation>
    </message>
    <message>
        <source>required field &apos;%1&apos; is missing</source>
        <translation>отсутствует обязательное поле &apos;%1&apos;</translation>
    </message>
    <message>
        <source>is empty (expected a value: the field is required)</source>
        <translation>пустое (нужно значение: поле обязательное)</translation>
    </message>
    <message>
        <source>item %1 of the list is empty (expected a comma-separated list)</source>
        <translation>элемент %1 списка пуст (ожидается список через запятую)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a country code (expected an ISO 3166 alpha-2 code in capitals, such as BY or DE)</source>
        <translation>&apos;%1&apos; — не код страны (ожидается код ISO 3166 alpha-2 заглавными буквами, например BY или DE)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a controller kind (expected own or client)</source>
        <translation>&apos;%1&apos; — недопустимый вид оператора (ожидается own или client)</translation>
    </message>
    <message>
        <source>expected contract-term, legal, backup-cycle, until-withdrawal, &apos;&lt;N&gt; months after &lt;event&gt;&apos; or &apos;&lt;N&gt; years after &lt;event&gt;&apos; with &lt;event&gt; one of %1</source>
        <translation>ожидается contract-term, legal, backup-cycle, until-withdrawal, &apos;&lt;N&gt; months after &lt;event&gt;&apos; или &apos;&lt;N&gt; years after &lt;event&gt;&apos;, где &lt;event&gt; — одно из: %1</translation>
    </message>
    <message>
        <source>the period must be at least 1 (%1)</source>
        <translation>срок должен быть не меньше 1 (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention event (%2)</source>
        <translation>&apos;%1&apos; — недопустимое событие для срока хранения (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a retention rule (%2)</source>
        <translation>&apos;%1&apos; — недопустимое правило срока хранения (%2)</translation>
    </message>
    <message>
        <source>expected &apos;NAME | processor|controller|authority | COUNTRY | SAFEGUARDS&apos;, the last two optional</source>
        <translation>ожидается &apos;NAME | processor|controller|authority | COUNTRY | SAFEGUARDS&apos;, последние два необязательны</translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (%2)</source>
        <translation>частей, разделённых &apos;|&apos;: %1 (%2)</translation>
    </message>
    <message>
        <source>the name is empty (%1)</source>
        <translation>пустое наименование (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recipient role (%2)</source>
        <translation>&apos;%1&apos; — недопустимая роль получателя (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a legal ground (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недопустимое правовое основание (ожидается одно из: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a data category (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недопустимая категория данных (ожидается одна из: %2)</translation>
    </message>
    <message>
        <source>expected a [%1 CODE] section</source>
        <translation>ожидается секция [%1 CODE]</translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation>ожидается одно из: %1</translation>
    </message>
    <message>
        <source>no [%1 %2] in this profile (%3)</source>
        <translation>в профиле нет [%1 %2] (%3)</translation>
    </message>
    <message>
        <source>[profile]: section is missing (expected a [profile] section with name and policy_version)</source>
        <translation>[profile]: секция отсутствует (ожидается секция [profile] с полями name и policy_version)</translation>
    </message>
    <message>
        <source>the profile defines no purpose (expected at least one [purpose CODE] section)</source>
        <translation>в профиле не задано ни одной цели обработки (ожидается хотя бы одна секция [purpose CODE])</translation>
    </message>
    <message>
        <source>%1: cannot read the profile: %2</source>
        <translation>%1: не удалось прочитать профиль: %2</translation>
    </message>
    <message>
        <source>%1: the profile is not UTF-8 text (expected a UTF-8 text file)</source>
        <translation>%1: профиль не в кодировке UTF-8 (ожидается текстовый файл в UTF-8)</translation>
    </message>
</context>
<context>
    <name>pd::PurposesPage</name>
    <message>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Срок хранения</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Цели обработки</translation>
    </message>
    <message>
        <source>The register of purposes could not be read.</source>
        <translation>Не удалось прочитать реестр целей обработки.</translation>
    </message>
    <message>
        <source>No processing purposes are registered yet.</source>
        <translation>Цели обработки пока не зарегистрированы.</translation>
    </message>
    <message>
        <source>The register is filled from a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
        <translation>Реестр заполняется из профиля политики, в котором для каждой цели обработки указаны правовое основание, категории данных, срок хранения и получатели:</translation>
    </message>
    <message>
        <source>A client: we process this data on the client&apos;s instructions</source>
        <translation>Клиент: мы обрабатываем эти данные по поручению клиента</translation>
    </message>
    <message>
        <source>Our own company: we decide why and how this data is processed</source>
        <translation>Наша компания: мы определяем цели и способы обработки этих данных</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Законный интерес</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>Обязанность по закону</translation>
    </message>
    <message>
        <source>Vital interest</source>
        <translation>Жизненно важные интересы</translation>
    </message>
    <message>
        <source>Public task</source>
        <translation>Общественный интерес</translation>
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
        <translation>Имя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Внешний ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокированный</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Обезличенный</translation>
    </message>
</context>
<context>
    <name>pd::SubjectsPage</name>
    <message>
        <source>Search by name, e-mail, phone or external id</source>
        <translation>Поиск по имени, e-mail, телефону или внешнему ID</translation>
    </message>
    <message>
        <source>Search subjects</source>
        <translation>Поиск субъектов</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокированный</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Обезличенный</translation>
    </message>
    <message>
        <source>Show subjects in state</source>
        <translation>Показать субъектов в состоянии</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Состояние:</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>The subjects could not be loaded: %1</source>
        <translation>Не удалось загрузить субъектов: %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s)</source>
        <translation>
            <numerusform>%Ln субъект</numerusform>
            <numerusform>%Ln субъекта</numerusform>
            <numerusform>%Ln субъектов</numerusform>
        </translation>
    </message>
    <message>
        <source>This database holds no subjects yet.</source>
        <translation>В базе данных пока нет субъектов.</translation>
    </message>
    <message>
        <source>Subjects appear here once they are imported or recorded. To try the panel out, fill an empty database with made-up subjects:</source>
        <translation>Субъекты появятся здесь после импорта или ввода. Чтобы опробовать панель, заполните пустую базу данных вымышленными субъектами:</translation>
    </message>
    <message>
        <source>No subject matches the search.</source>
        <translation>Ни один субъект не соответствует условиям поиска.</translation>
    </message>
    <message>
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number or external id, or set the state filter to All.</source>
        <translation>Проверьте написание, ищите по началу имени, e-mail, номера телефона или внешнего ID либо выберите в фильтре состояния значение «Все».</translation>
    </message>
</context>
<context>
    <name>pd::sql</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 — ошибка: %2</translation>
    </message>
    <message>
        <source>writing rows</source>
        <translation>запись строк</translation>
    </message>
    <message>
        <source>storing a controller</source>
        <translation>сохранение оператора</translation>
    </message>
    <message>
        <source>storing an information system</source>
        <translation>сохранение информационной системы</translation>
    </message>
    <message>
        <source>storing a purpose</source>
        <translation>сохранение цели обработки</translation>
    </message>
    <message>
        <source>replacing the recipients of a purpose</source>
        <translation>замена получателей цели обработки</translation>
    </message>
    <message>
        <source>storing a recipient</source>
        <translation>сохранение получателя</translation>
    </message>
    <message>
        <source>listing the purposes</source>
        <translation>чтение списка целей обработки</translation>
    </message>
</context>
</TS>
