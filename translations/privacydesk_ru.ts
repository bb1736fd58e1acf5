<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сохранить все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да для &amp;всех</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;ет для всех</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Восстановить значения по умолчанию</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation>Влево</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Вправо</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Пробел</translation>
    </message>
</context>
<context>
    <name>pd::Application</name>
    <message>
        <source>Privacy Desk</source>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <source>Privacy Desk: records of personal data and data-subject requests.</source>
        <translation>Privacy Desk: учёт персональных данных и запросов субъектов персональных данных.</translation>
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
        <source>Privacy Desk cannot read the operators of the database %1.

%2</source>
        <translation>Privacy Desk не может прочитать список пользователей базы данных %1.

%2</translation>
    </message>
    <message>
        <source>Enter the password for %1.</source>
        <translation>Введите пароль для %1.</translation>
    </message>
    <message>
        <source>Privacy Desk cannot open the database %1: %2</source>
        <translation>Privacy Desk не может открыть базу данных %1: %2</translation>
    </message>
    <message>
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then the database signed in to last, then a file in your data folder.</source>
        <translation>База данных: sqlite:/путь/файл.sqlite или postgresql://пользователь:пароль@хост:порт/база. По умолчанию — переменная окружения PRIVACYDESK_DB, затем база, в которую входили последней, затем файл в папке данных.</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalQueue</name>
    <message>
        <source>there is no approval #%1</source>
        <translation>нет согласования #%1</translation>
    </message>
    <message>
        <source>approval #%1 is already %2</source>
        <translation>согласование #%1 уже в состоянии %2</translation>
    </message>
    <message>
        <source>approval #%1 needs a second officer: %2 asked for it and cannot approve it</source>
        <translation>для согласования #%1 нужен второй ответственный: инициатор %2 не может согласовать его сам</translation>
    </message>
    <message>
        <source>a note is required: why the approval is cancelled</source>
        <translation>нужна заметка: почему согласование отменяется</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalService</name>
    <message>
        <source>approval #%1 stopped after %2 of %3 subjects; approve it again to finish</source>
        <translation>согласование #%1 остановлено после %2 из %3 субъектов; согласуйте его ещё раз, чтобы завершить</translation>
    </message>
    <message>
        <source>approval #%1 stopped on the way; approve it again to finish</source>
        <translation>согласование #%1 остановлено на полпути; согласуйте его снова, чтобы довести до конца</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsDialog</name>
    <message>
        <source>Pending Approvals — Privacy Desk</source>
        <translation>Ожидающие согласования — Privacy Desk</translation>
    </message>
    <message>
        <source>Anonymizing or deleting many subjects at once waits here until a second officer approves it. The officer who asked cannot approve their own request.</source>
        <translation>Обезличивание или удаление сразу многих субъектов ожидает здесь, пока его не согласует второй ответственный. Ответственный, запросивший действие, не может сам его согласовать.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Инициатор</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Согласовать…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Отклонить…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Your role (%1) cannot approve or reject irreversible actions; a privacy officer can.</source>
        <translation>Ваша роль (%1) не позволяет согласовывать или отклонять необратимые действия; это может ответственный за защиту данных.</translation>
    </message>
    <message>
        <source>Subject ids: %1</source>
        <translation>ID субъектов: %1</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>Нет действий, ожидающих согласования.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s) with all their data now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln субъект будет удалён со всеми данными (инициатор: %1). Удалить сейчас? Это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъекта будут удалены со всеми данными (инициатор: %1). Удалить сейчас? Это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъектов будут удалены со всеми данными (инициатор: %1). Удалить сейчас? Это действие нельзя отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s) now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln субъект будет обезличен (инициатор: %1). Обезличить сейчас? Это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъекта будут обезличены (инициатор: %1). Обезличить сейчас? Это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъектов будут обезличены (инициатор: %1). Обезличить сейчас? Это действие нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve #%1</source>
        <translation>Согласовать #%1</translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) deleted.</source>
        <translation>
            <numerusform>Согласование #%1 выполнено: удалён %Ln субъект.</numerusform>
            <numerusform>Согласование #%1 выполнено: удалено %Ln субъекта.</numerusform>
            <numerusform>Согласование #%1 выполнено: удалено %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>Согласование #%1 выполнено: обезличен %Ln субъект.</numerusform>
            <numerusform>Согласование #%1 выполнено: обезличено %Ln субъекта.</numerusform>
            <numerusform>Согласование #%1 выполнено: обезличено %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject #%1</source>
        <translation>Отклонить #%1</translation>
    </message>
    <message>
        <source>Why is approval #%1 rejected? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Почему отклонено согласование #%1? Примечание сохраняется в журнале аудита и не должно содержать персональных данных.</translation>
    </message>
    <message>
        <source>A rejection needs a note saying why; approval #%1 is still pending.</source>
        <translation>Для отклонения нужно указать причину; согласование #%1 по-прежнему ожидает решения.</translation>
    </message>
    <message>
        <source>Approval #%1 rejected: nothing was changed.</source>
        <translation>Согласование #%1 отклонено: ничего не изменено.</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Обезличивание</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>&amp;Cancel Approval…</source>
        <translation>&amp;Отменить согласование…</translation>
    </message>
    <message>
        <source>Stop an approval that waits or was carried out in part; what was done stays done</source>
        <translation>Остановить согласование, которое ждёт или выполнено частично; сделанное остаётся</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>%1 of %2 (half done)</source>
        <translation>%1 из %2 (выполнено частично)</translation>
    </message>
    <message>
        <source>Started and stopped on the way: approve it again to finish, or cancel it.</source>
        <translation>Начато и остановлено: согласуйте ещё раз, чтобы завершить, или отмените.</translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln? This cannot be undone.</source>
        <translation>
            <numerusform>Согласование #%1 остановлено после %2 из %3 субъектов. Продолжить с оставшимся %Ln? Это действие нельзя отменить.</numerusform>
            <numerusform>Согласование #%1 остановлено после %2 из %3 субъектов. Продолжить с оставшимися %Ln? Это действие нельзя отменить.</numerusform>
            <numerusform>Согласование #%1 остановлено после %2 из %3 субъектов. Продолжить с оставшимися %Ln? Это действие нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval #%1 stopped on the way: what was done stays done. Approve it again to finish it, or cancel it.</source>
        <translation>Согласование #%1 остановлено: сделанное остаётся. Согласуйте ещё раз, чтобы завершить, или отмените.</translation>
    </message>
    <message>
        <source>Cancel approval #%1</source>
        <translation>Отмена согласования #%1</translation>
    </message>
    <message>
        <source>Approval #%1 has done %2 of %3 subjects; those stay as they are and the others are not touched. Why is it cancelled? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Согласование #%1 выполнено для %2 из %3 субъектов; они останутся как есть, остальные не будут затронуты. Почему оно отменяется? Заметка сохраняется в журнале аудита и не должна содержать персональных данных.</translation>
    </message>
    <message>
        <source>Why is approval #%1 cancelled? Nothing of it was done. The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Почему согласование #%1 отменяется? Ничего из него не выполнено. Заметка сохраняется в журнале аудита и не должна содержать персональных данных.</translation>
    </message>
    <message>
        <source>Cancelling needs a note saying why; approval #%1 is unchanged.</source>
        <translation>Для отмены нужна заметка с причиной; согласование #%1 не изменено.</translation>
    </message>
    <message>
        <source>Approval #%1 cancelled.</source>
        <translation>Согласование #%1 отменено.</translation>
    </message>
    <message numerus="yes">
        <source>Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or anonymized for %Ln subject(s), as the register of purposes says. This cannot be undone.</source>
        <translation>
            <numerusform>Выполнить очистку по срокам хранения, которую запросил %1? Данные с истёкшим сроком хранения будут удалены или обезличены у %Ln субъекта, как указано в реестре целей. Это необратимо.</numerusform>
            <numerusform>Выполнить очистку по срокам хранения, которую запросил %1? Данные с истёкшим сроком хранения будут удалены или обезличены у %Ln субъектов, как указано в реестре целей. Это необратимо.</numerusform>
            <numerusform>Выполнить очистку по срокам хранения, которую запросил %1? Данные с истёкшим сроком хранения будут удалены или обезличены у %Ln субъектов, как указано в реестре целей. Это необратимо.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: the retention sweep changed %Ln subject(s).</source>
        <translation>
            <numerusform>Согласование #%1 выполнено: очистка по срокам хранения затронула %Ln субъекта.</numerusform>
            <numerusform>Согласование #%1 выполнено: очистка по срокам хранения затронула %Ln субъектов.</numerusform>
            <numerusform>Согласование #%1 выполнено: очистка по срокам хранения затронула %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation>Очистка по срокам хранения</translation>
    </message>
</context>
<context>
    <name>pd::AuditExtract</name>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation>period: первый день не может быть позже последнего</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Заявление</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation>Выписка из журнала аудита</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>Verification of the chain</source>
        <translation>Проверка цепочки</translation>
    </message>
    <message>
        <source>Entries in the trail</source>
        <translation>Записей в журнале</translation>
    </message>
    <message>
        <source>Hash chain</source>
        <translation>Цепочка хешей</translation>
    </message>
    <message>
        <source>whole: no entry was changed, removed or reordered</source>
        <translation>цела: ни одна запись не изменена, не удалена и не переставлена</translation>
    </message>
    <message>
        <source>broken at entry #%1: %2</source>
        <translation>нарушена на записи №%1: %2</translation>
    </message>
    <message>
        <source>Entries in the period</source>
        <translation>Записей за период</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>%1 of %2 entries are listed; the CSV or XLSX extract of the same period holds every one (up to %3).</source>
        <translation>Показано записей: %1 из %2; выписка CSV или XLSX за тот же период содержит все (до %3).</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>За этот период записей нет.</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Проверил</translation>
    </message>
</context>
<context>
    <name>pd::AuditLog</name>
    <message>
        <source>entry %1 follows entry %2: entries in between were removed</source>
        <translation>запись %1 следует за записью %2: промежуточные записи удалены</translation>
    </message>
    <message>
        <source>entry %1 appears out of order</source>
        <translation>запись %1 нарушает порядок записей</translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it: an entry was removed, reordered or changed</source>
        <translation>запись %1 не согласуется с предыдущей записью: запись удалена, переставлена или изменена</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written</source>
        <translation>запись %1 изменена после её создания</translation>
    </message>
    <message>
        <source>the audit trail ends at entry %1 but entry %2 was written: the last entries were removed</source>
        <translation>журнал аудита заканчивается записью %1, но была создана запись %2: последние записи удалены</translation>
    </message>
    <message>
        <source>the head of the audit trail does not match its last entry %1</source>
        <translation>указатель конца журнала аудита не совпадает с его последней записью %1</translation>
    </message>
</context>
<context>
    <name>pd::AuditModel</name>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1 (%2 UTC)</translation>
    </message>
</context>
<context>
    <name>pd::AuditPage</name>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>Проверить &amp;цепочку</translation>
    </message>
    <message>
        <source>Check that no entry of the audit trail was changed, removed or reordered</source>
        <translation>Проверить, что ни одна запись журнала аудита не была изменена, удалена или переставлена</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Де&amp;йствие:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>С&amp;убъект:</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <source>Your role does not include reading the audit trail.</source>
        <translation>Ваша роль не предусматривает чтение журнала аудита.</translation>
    </message>
    <message>
        <source>The audit trail is read by officers, auditors and administrators.</source>
        <translation>Журнал аудита доступен ответственным за защиту данных, аудиторам и администраторам.</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Все пользователи</translation>
    </message>
    <message>
        <source>Show entries of operator</source>
        <translation>Показать записи пользователя</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Входы</translation>
    </message>
    <message>
        <source>Subject changes</source>
        <translation>Изменения субъектов</translation>
    </message>
    <message>
        <source>Operator accounts</source>
        <translation>Учётные записи пользователей</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Согласования</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Show entries of the kind</source>
        <translation>Показать записи вида</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Show entries about subject id</source>
        <translation>Показать записи по ID субъекта</translation>
    </message>
    <message>
        <source>Days are counted in UTC, as the audit trail records them.</source>
        <translation>Дни отсчитываются по UTC, как и в журнале аудита.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;До:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>С&amp;бросить</translation>
    </message>
    <message>
        <source>Show every entry again</source>
        <translation>Снова показать все записи</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Не удалось прочитать журнал аудита: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry matches the filters.</source>
        <translation>Ни одна запись не соответствует фильтрам.</translation>
    </message>
    <message>
        <source>Operator names must match exactly. Widen the dates, choose All actions, or clear the filters.</source>
        <translation>Имя пользователя должно совпадать точно. Расширьте диапазон дат, выберите «Все действия» или сбросьте фильтры.</translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation>Журнал аудита пуст.</translation>
    </message>
    <message>
        <source>Every sign-in and every change of personal data, operators and settings is recorded here.</source>
        <translation>Здесь записывается каждый вход и каждое изменение персональных данных, пользователей и настроек.</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>Проверка журнала аудита…</translation>
    </message>
    <message>
        <source>Verified at %1</source>
        <translation>Проверено в %1</translation>
    </message>
    <message>
        <source>The audit trail could not be verified: %1</source>
        <translation>Не удалось проверить журнал аудита: %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit trail intact: %Ln entries verified</source>
        <translation>
            <numerusform>Журнал аудита не нарушен: проверена %Ln запись</numerusform>
            <numerusform>Журнал аудита не нарушен: проверены %Ln записи</numerusform>
            <numerusform>Журнал аудита не нарушен: проверено %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail broken at entry #%1: %2</source>
        <translation>Журнал аудита нарушен на записи #%1: %2</translation>
    </message>
</context>
<context>
    <name>pd::AuthService</name>
    <message>
        <source>the password must have at least 8 characters</source>
        <translation>пароль должен содержать не менее 8 символов</translation>
    </message>
    <message>
        <source>the password must not start or end with a space</source>
        <translation>пароль не должен начинаться или заканчиваться пробелом</translation>
    </message>
    <message>
        <source>an operator name is 2 to 40 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &apos;%1&apos;)</source>
        <translation>имя пользователя должно состоять из 2–40 строчных латинских букв, цифр, &apos;.&apos;, &apos;_&apos; или &apos;-&apos; (получено &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>cannot hash the password (out of memory?)</source>
        <translation>не удалось вычислить хеш пароля (недостаточно памяти?)</translation>
    </message>
    <message>
        <source>the first operator must be an administrator (--role admin)</source>
        <translation>первый пользователь должен быть администратором (--role admin)</translation>
    </message>
    <message>
        <source>an operator named %1 already exists</source>
        <translation>пользователь с именем %1 уже существует</translation>
    </message>
    <message>
        <source>wrong operator name or password, or the account is locked or deactivated</source>
        <translation>неверное имя пользователя или пароль, либо учётная запись заблокирована или отключена</translation>
    </message>
    <message>
        <source>there is no operator %1</source>
        <translation>нет пользователя %1</translation>
    </message>
    <message>
        <source>%1 is the last active administrator: add or activate another one first</source>
        <translation>%1 — последний активный администратор: сначала добавьте или включите другого</translation>
    </message>
    <message>
        <source>operator %1 is already deactivated</source>
        <translation>пользователь %1 уже отключён</translation>
    </message>
    <message>
        <source>operator %1 is already active</source>
        <translation>пользователь %1 уже активен</translation>
    </message>
    <message>
        <source>operator %1 is already %2</source>
        <translation>у пользователя %1 уже роль %2</translation>
    </message>
</context>
<context>
    <name>pd::BackupActions</name>
    <message>
        <source>Schema %1, %2 subjects, %3 audit entries; the audit chain is whole and the file is intact.</source>
        <translation>Схема %1, субъектов: %2, записей аудита: %3; цепочка журнала аудита целостна, файл не повреждён.</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>&amp;Резервная копия базы…</translation>
    </message>
    <message>
        <source>Write a checked copy of the database to a file only you can read</source>
        <translation>Записать проверенную копию базы в файл, доступный только вам</translation>
    </message>
    <message>
        <source>Back Up the Database</source>
        <translation>Резервное копирование базы</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>Базы SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>Копирование и проверка базы…</translation>
    </message>
    <message>
        <source>The backup is in %1. %2 Data erased from now on stays in this copy until it is discarded.</source>
        <translation>Резервная копия: %1. %2 Данные, удалённые с этого момента, остаются в этой копии, пока её не уничтожат.</translation>
    </message>
    <message>
        <source>&amp;Restore From Backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>Replace the database with a checked backup</source>
        <translation>Заменить базу проверенной резервной копией</translation>
    </message>
    <message>
        <source>Restore From a Backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace everything in the database with the backup %1? Whatever was recorded since that backup is lost, and data erased since comes back and must be erased again. The copy is checked first; a damaged one replaces nothing.</source>
        <translation>Заменить всё содержимое базы резервной копией %1? Всё, что записано после этой копии, будет утрачено, а данные, удалённые после неё, вернутся и должны быть удалены снова. Копия сначала проверяется; повреждённая ничего не заменит.</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Проверка и восстановление копии…</translation>
    </message>
    <message>
        <source>The database was restored. %1</source>
        <translation>База восстановлена. %1</translation>
    </message>
</context>
<context>
    <name>pd::BackupService</name>
    <message>
        <source>the copy could not start: %1</source>
        <translation>копирование не удалось начать: %1</translation>
    </message>
    <message>
        <source>the copy failed: %1</source>
        <translation>копирование не удалось: %1</translation>
    </message>
    <message>
        <source>backups here are of an SQLite database; back a PostgreSQL server up with pg_dump</source>
        <translation>здесь создаются резервные копии базы SQLite; сервер PostgreSQL копируйте средствами pg_dump</translation>
    </message>
    <message>
        <source>%1: there is no such file</source>
        <translation>%1: такого файла нет</translation>
    </message>
    <message>
        <source>%1: not a database (%2)</source>
        <translation>%1: это не база данных (%2)</translation>
    </message>
    <message>
        <source>%1: the database is damaged (%2)</source>
        <translation>%1: база данных повреждена (%2)</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database</source>
        <translation>%1 — не база данных Privacy Desk</translation>
    </message>
    <message>
        <source>%1 has schema %2; this version reads schemas 1 to %3</source>
        <translation>%1 имеет схему %2; эта версия читает схемы с 1 по %3</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>не удалось прочитать %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: its audit trail is broken at entry #%2 (%3)</source>
        <translation>%1: цепочка журнала аудита нарушена на записи № %2 (%3)</translation>
    </message>
    <message>
        <source>backup: name the file to write</source>
        <translation>backup: укажите файл для записи</translation>
    </message>
    <message>
        <source>backup: %1 is the database itself</source>
        <translation>backup: %1 — это сама база данных</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>the backup did not pass its check: %1</source>
        <translation>резервная копия не прошла проверку: %1</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>не удалось записать %1</translation>
    </message>
    <message>
        <source>restore: the database is busy; try again</source>
        <translation>restore: база данных занята; повторите попытку</translation>
    </message>
    <message>
        <source>the copy was not restored, nothing was replaced: %1</source>
        <translation>копия не восстановлена, ничего не заменено: %1</translation>
    </message>
    <message>
        <source>the checked copy could not be read: %1</source>
        <translation>не удалось прочитать проверенную копию: %1</translation>
    </message>
</context>
<context>
    <name>pd::BlockDialog</name>
    <message>
        <source>subject #%1</source>
        <translation>субъект #%1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Блокировка: %1</translation>
    </message>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation>Заблокированные данные хранятся, но не используются: они доступны только для чтения и отмечены на всех экранах, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation>обязательно, например достоверность данных оспорена и проверяется</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Заблокировано до</translation>
    </message>
    <message>
        <source>The &amp;whole subject</source>
        <translation>&amp;Весь субъект</translation>
    </message>
    <message>
        <source>Only the &amp;items ticked below</source>
        <translation>Только &amp;отмеченные ниже элементы</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;прос #:</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>Give a reason for the block first.</source>
        <translation>Сначала укажите причину блокировки.</translation>
    </message>
    <message>
        <source>Tick the items to block, or choose the whole subject.</source>
        <translation>Отметьте элементы для блокировки или выберите весь субъект.</translation>
    </message>
</context>
<context>
    <name>pd::BreachDeadlines</name>
    <message>
        <source>GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation>GDPR, ст. 33(1): в течение 72 часов с момента, когда стало известно о нарушении</translation>
    </message>
    <message>
        <source>UK GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation>UK GDPR, ст. 33(1): в течение 72 часов с момента, когда стало известно о нарушении</translation>
    </message>
    <message>
        <source>Law 99-Z art. 16: immediately, at most within three working days</source>
        <translation>Закон 99-З, ст. 16: незамедлительно, но не позднее чем через три рабочих дня</translation>
    </message>
    <message>
        <source>152-FZ art. 21(3.1): within 24 hours; the result of the investigation within 72 hours</source>
        <translation>152-ФЗ, ст. 21(3.1): в течение 24 часов; результат расследования — в течение 72 часов</translation>
    </message>
    <message>
        <source>LGPD art. 48, ANPD Resolution 15/2024: within three working days</source>
        <translation>LGPD, ст. 48, Резолюция ANPD 15/2024: не позднее чем через три рабочих дня</translation>
    </message>
    <message>
        <source>Cal. Civ. Code 1798.82: in the most expedient time possible, no fixed deadline</source>
        <translation>Гражданский кодекс Калифорнии, 1798.82: в кратчайший возможный срок, фиксированного срока нет</translation>
    </message>
</context>
<context>
    <name>pd::BreachNotice</name>
    <message>
        <source>%1 %2 UTC</source>
        <translation>%1 %2 UTC</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>около %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>пока неизвестно</translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation>инцидент №%1 не зарегистрирован по режиму %2</translation>
    </message>
    <message>
        <source>Notification of a personal-data breach</source>
        <translation>Уведомление о нарушении безопасности персональных данных</translation>
    </message>
    <message>
        <source>Breach #%1, to the supervisory authority under:
%2</source>
        <translation>Инцидент №%1, уведомление уполномоченного органа в соответствии с:
%2</translation>
    </message>
    <message>
        <source>The breach</source>
        <translation>Нарушение</translation>
    </message>
    <message>
        <source>Became known</source>
        <translation>Стало известно</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Зарегистрировано</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation>Характер нарушения</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Категории данных</translation>
    </message>
    <message>
        <source>Subjects concerned</source>
        <translation>Затронуто субъектов</translation>
    </message>
    <message>
        <source>Records concerned</source>
        <translation>Затронуто записей</translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation>Возможные последствия</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Принятые меры</translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation>Предлагаемые меры</translation>
    </message>
    <message>
        <source>Contact point (DPO)</source>
        <translation>Контактное лицо (DPO)</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Уведомлено</translation>
    </message>
    <message>
        <source>Reasons for the delay</source>
        <translation>Причины задержки</translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation>без установленного срока</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>The result of the investigation is due by %1 (%2).</source>
        <translation>Результат расследования — до %1 (%2).</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <source>This notice was made after its deadline; the reasons are given below.</source>
        <translation>Уведомление направлено после истечения срока; причины указаны ниже.</translation>
    </message>
    <message>
        <source>The subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>High risk to the subjects</source>
        <translation>Высокий риск для субъектов</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Subjects told</source>
        <translation>Субъекты уведомлены</translation>
    </message>
    <message>
        <source>not yet: they are to be told without undue delay (GDPR art. 34)</source>
        <translation>ещё нет: их следует уведомить без неоправданной задержки (GDPR, ст. 34)</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>For the controller</source>
        <translation>От имени оператора</translation>
    </message>
</context>
<context>
    <name>pd::BreachRegister</name>
    <message>
        <source>regime: at least one regime applies to a breach</source>
        <translation>regime: для нарушения безопасности персональных данных нужно указать хотя бы один режим</translation>
    </message>
    <message>
        <source>regime: a regime is named twice</source>
        <translation>regime: режим указан дважды</translation>
    </message>
    <message>
        <source>nature: describe what happened</source>
        <translation>nature: опишите, что произошло</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters</source>
        <translation>%1: длиннее %2 символов</translation>
    </message>
    <message>
        <source>categories: &apos;%1&apos; is not a category key (lower-case letters, digits, - and _)</source>
        <translation>categories: &apos;%1&apos; — недопустимый ключ категории (строчные латинские буквы, цифры, - и _)</translation>
    </message>
    <message>
        <source>subjects, records: a number of 0 or more</source>
        <translation>subjects, records: ожидается число 0 или больше</translation>
    </message>
    <message>
        <source>breach #%1 does not exist</source>
        <translation>инцидент #%1 не существует</translation>
    </message>
    <message>
        <source>reason: longer than %1 characters</source>
        <translation>reason: длиннее %1 символов</translation>
    </message>
    <message>
        <source>at: before the breach was discovered (%1)</source>
        <translation>at: раньше момента обнаружения инцидента (%1)</translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation>инцидент #%1 не зарегистрирован по режиму %2</translation>
    </message>
    <message>
        <source>breach #%1 was notified already</source>
        <translation>уведомление об инциденте #%1 уже направлено</translation>
    </message>
    <message>
        <source>reason: the notice is late for %1; the reasons for the delay are required (GDPR art. 33(1))</source>
        <translation>reason: срок уведомления пропущен для %1; необходимо указать причины задержки (GDPR, ст. 33(1))</translation>
    </message>
    <message>
        <source>breach #%1: the subjects were told already</source>
        <translation>инцидент #%1: субъекты уже уведомлены</translation>
    </message>
    <message>
        <source>%1: a date and time is required</source>
        <translation>%1: требуется указать дату и время</translation>
    </message>
    <message>
        <source>%1: lies in the future</source>
        <translation>%1: дата и время в будущем</translation>
    </message>
</context>
<context>
    <name>pd::BulkAction</name>
    <message>
        <source>a reason is required</source>
        <translation>необходимо указать причину</translation>
    </message>
    <message>
        <source>no subjects were given</source>
        <translation>не указаны субъекты</translation>
    </message>
    <message>
        <source>the block must last until a future date</source>
        <translation>блокировка должна действовать до даты в будущем</translation>
    </message>
</context>
<context>
    <name>pd::BulkActionDialog</name>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation>Заблокированные данные хранятся, но не используются: они доступны только для чтения и отмечены на всех экранах, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>Values are removed or generalized; this cannot be undone.</source>
        <translation>Значения удаляются или обобщаются; это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>All data is destroyed; only the fact of deletion is kept.</source>
        <translation>Все данные уничтожаются; сохраняется только факт удаления.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) will be blocked; subjects already blocked or anonymized are skipped.</source>
        <translation>
            <numerusform>%Ln субъект будет заблокирован; уже заблокированные или обезличенные субъекты пропускаются.</numerusform>
            <numerusform>%Ln субъекта будут заблокированы; уже заблокированные или обезличенные субъекты пропускаются.</numerusform>
            <numerusform>%Ln субъектов будут заблокированы; уже заблокированные или обезличенные субъекты пропускаются.</numerusform>
        </translation>
    </message>
    <message>
        <source>required, e.g. erasure request, retention period over</source>
        <translation>обязательно, например запрос на удаление или истёк срок хранения</translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation>обязательно, например достоверность данных оспорена и проверяется</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;прос #:</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Обезличивание</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удаление</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln data item(s) — %1</source>
        <translation>
            <numerusform>%Ln элемент данных — %1</numerusform>
            <numerusform>%Ln элемента данных — %1</numerusform>
            <numerusform>%Ln элементов данных — %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no data items</source>
        <translation>нет элементов данных</translation>
    </message>
    <message numerus="yes">
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln запись о согласии</numerusform>
            <numerusform>%Ln записи о согласии</numerusform>
            <numerusform>%Ln записей о согласии</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disclosure(s) to third parties</source>
        <translation>
            <numerusform>%Ln предоставление третьим лицам</numerusform>
            <numerusform>%Ln предоставления третьим лицам</numerusform>
            <numerusform>%Ln предоставлений третьим лицам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked: deleting ends the block</source>
        <translation>
            <numerusform>%Ln из них заблокирован: удаление прекращает блокировку</numerusform>
            <numerusform>%Ln из них заблокированы: удаление прекращает блокировку</numerusform>
            <numerusform>%Ln из них заблокированы: удаление прекращает блокировку</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked</source>
        <translation>
            <numerusform>%Ln из них заблокирован</numerusform>
            <numerusform>%Ln из них заблокированы</numerusform>
            <numerusform>%Ln из них заблокированы</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them with data-subject requests</source>
        <translation>
            <numerusform>у %Ln из них есть запросы субъекта персональных данных</numerusform>
            <numerusform>у %Ln из них есть запросы субъекта персональных данных</numerusform>
            <numerusform>у %Ln из них есть запросы субъекта персональных данных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Block %Ln subject(s)</source>
        <translation>
            <numerusform>Блокировка %Ln субъекта</numerusform>
            <numerusform>Блокировка %Ln субъектов</numerusform>
            <numerusform>Блокировка %Ln субъектов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)</source>
        <translation>
            <numerusform>Обезличивание %Ln субъекта</numerusform>
            <numerusform>Обезличивание %Ln субъектов</numerusform>
            <numerusform>Обезличивание %Ln субъектов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)</source>
        <translation>
            <numerusform>Удаление %Ln субъекта</numerusform>
            <numerusform>Удаление %Ln субъектов</numerusform>
            <numerusform>Удаление %Ln субъектов</numerusform>
        </translation>
    </message>
    <message>
        <source>Give a reason first; it is kept in the audit trail.</source>
        <translation>Сначала укажите причину; она сохраняется в журнале аудита.</translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)? Values are removed or generalized; this cannot be undone.</source>
        <translation>
            <numerusform>%Ln субъект будет обезличен. Обезличить? Значения удаляются или обобщаются; это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъекта будут обезличены. Обезличить? Значения удаляются или обобщаются; это действие нельзя отменить.</numerusform>
            <numerusform>%Ln субъектов будут обезличены. Обезличить? Значения удаляются или обобщаются; это действие нельзя отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)? All data is destroyed; only the fact of deletion is kept.</source>
        <translation>
            <numerusform>%Ln субъект будет удалён. Удалить? Все данные уничтожаются; сохраняется только факт удаления.</numerusform>
            <numerusform>%Ln субъекта будут удалены. Удалить? Все данные уничтожаются; сохраняется только факт удаления.</numerusform>
            <numerusform>%Ln субъектов будут удалены. Удалить? Все данные уничтожаются; сохраняется только факт удаления.</numerusform>
        </translation>
    </message>
    <message>
        <source>What will be lost:</source>
        <translation>Что будет утрачено:</translation>
    </message>
</context>
<context>
    <name>pd::BulkJob</name>
    <message>
        <source>Working — Privacy Desk</source>
        <translation>Выполнение — Privacy Desk</translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation>Остановка после завершения текущего пакета…</translation>
    </message>
    <message>
        <source>Blocking subjects: %1 of %2</source>
        <translation>Блокировка субъектов: %1 из %2</translation>
    </message>
    <message>
        <source>Anonymizing subjects: %1 of %2</source>
        <translation>Обезличивание субъектов: %1 из %2</translation>
    </message>
    <message>
        <source>Deleting subjects: %1 of %2</source>
        <translation>Удаление субъектов: %1 из %2</translation>
    </message>
    <message>
        <source>Nothing more was changed: %1</source>
        <translation>Больше ничего не изменено: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) were not changed yet: the action waits for a second officer (approval #%1).</source>
        <translation>
            <numerusform>%Ln субъект пока не изменён: действие ожидает второго ответственного (согласование #%1).</numerusform>
            <numerusform>%Ln субъекта пока не изменены: действие ожидает второго ответственного (согласование #%1).</numerusform>
            <numerusform>%Ln субъектов пока не изменены: действие ожидает второго ответственного (согласование #%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) blocked.</source>
        <translation>
            <numerusform>Заблокирован %Ln субъект.</numerusform>
            <numerusform>Заблокировано %Ln субъекта.</numerusform>
            <numerusform>Заблокировано %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>Обезличен %Ln субъект.</numerusform>
            <numerusform>Обезличено %Ln субъекта.</numerusform>
            <numerusform>Обезличено %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) deleted.</source>
        <translation>
            <numerusform>Удалён %Ln субъект.</numerusform>
            <numerusform>Удалено %Ln субъекта.</numerusform>
            <numerusform>Удалено %Ln субъектов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped (already in that state, or gone).</source>
        <translation>
            <numerusform>Пропущен %Ln субъект (уже в этом состоянии или отсутствует).</numerusform>
            <numerusform>Пропущено %Ln субъекта (уже в этом состоянии или отсутствуют).</numerusform>
            <numerusform>Пропущено %Ln субъектов (уже в этом состоянии или отсутствуют).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln subject(s) were not touched.</source>
        <translation>
            <numerusform>Отменено: %Ln субъект не затронут.</numerusform>
            <numerusform>Отменено: %Ln субъекта не затронуты.</numerusform>
            <numerusform>Отменено: %Ln субъектов не затронуты.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::CalendarDialog</name>
    <message>
        <source>Working-Day Calendars — Privacy Desk</source>
        <translation>Календари рабочих дней — Privacy Desk</translation>
    </message>
    <message>
        <source>Deadlines of data-subject requests are counted in working days on the calendar of the country whose law applies. New requests count on the calendar as edited here; requests already registered keep their due dates.</source>
        <translation>Сроки ответа на запросы субъектов считаются в рабочих днях по календарю страны, чей закон применяется. Новые запросы считаются по календарю с правками, сделанными здесь; уже зарегистрированные запросы сохраняют свои сроки.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Страна:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Год:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>День недели</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Days off and edits</source>
        <translation>Выходные дни и правки</translation>
    </message>
    <message>
        <source>Edit a day</source>
        <translation>Изменить день</translation>
    </message>
    <message>
        <source>e.g. transfer by government decree of 2025-12-20</source>
        <translation>например, перенос рабочего дня</translation>
    </message>
    <message>
        <source>Add &amp;day off</source>
        <translation>Добавить &amp;выходной</translation>
    </message>
    <message>
        <source>Add &amp;working day</source>
        <translation>Добавить &amp;рабочий день</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>Д&amp;ата:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>&amp;Remove edit…</source>
        <translation>&amp;Удалить правку…</translation>
    </message>
    <message>
        <source>Your role (%1) cannot edit the calendars; privacy officers and administrators can.</source>
        <translation>Ваша роль (%1) не позволяет менять календари; это могут ответственные за защиту данных и администраторы.</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Беларусь</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Великобритания</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Германия</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>США</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Бразилия</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edited by the office</source>
        <translation>Изменено офисом</translation>
    </message>
    <message>
        <source>Working days in %1: %2. Office edits: %3.</source>
        <translation>Рабочих дней в %1 году: %2. Правок офиса: %3.</translation>
    </message>
    <message>
        <source>No public holidays are built in for this country: add the days off it observes.</source>
        <translation>Для этой страны праздники не встроены: добавьте её выходные дни.</translation>
    </message>
    <message>
        <source>Add Day Off</source>
        <translation>Добавить выходной</translation>
    </message>
    <message>
        <source>Add Working Day</source>
        <translation>Добавить рабочий день</translation>
    </message>
    <message>
        <source>%1 already has an edit (%2). Replace it?</source>
        <translation>Для %1 уже есть правка (%2). Заменить её?</translation>
    </message>
    <message>
        <source>%1 is now a day off.</source>
        <translation>%1 теперь выходной день.</translation>
    </message>
    <message>
        <source>%1 is now a working day.</source>
        <translation>%1 теперь рабочий день.</translation>
    </message>
    <message>
        <source>It falls on a weekend, so deadlines do not change.</source>
        <translation>Он приходится на выходные, поэтому сроки не меняются.</translation>
    </message>
    <message>
        <source>It was one already, so deadlines do not change.</source>
        <translation>Он уже был таким, поэтому сроки не меняются.</translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? The built-in holiday holds again.</source>
        <translation>Удалить правку офиса для %1? Снова действует встроенный праздник.</translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? It becomes an ordinary %2 again.</source>
        <translation>Удалить правку офиса для %1? Он снова станет обычным днём (%2).</translation>
    </message>
    <message>
        <source>Remove Edit</source>
        <translation>Удалить правку</translation>
    </message>
    <message>
        <source>The edit of %1 was removed.</source>
        <translation>Правка для %1 удалена.</translation>
    </message>
    <message>
        <source>Built-in holidays cannot be removed: add a working day on that date instead.</source>
        <translation>Встроенные праздники нельзя удалить: вместо этого добавьте рабочий день на эту дату.</translation>
    </message>
    <message>
        <source>Built-in holiday</source>
        <translation>Встроенный праздник</translation>
    </message>
    <message>
        <source>Built-in holiday, noted</source>
        <translation>Встроенный праздник, с примечанием</translation>
    </message>
    <message>
        <source>Built-in holiday taken back</source>
        <translation>Встроенный праздник отменён</translation>
    </message>
    <message>
        <source>Added day off (a weekend)</source>
        <translation>Добавленный выходной (выпадает на выходные)</translation>
    </message>
    <message>
        <source>Added day off</source>
        <translation>Добавленный выходной</translation>
    </message>
    <message>
        <source>Working day (transfer)</source>
        <translation>Рабочий день (перенос)</translation>
    </message>
    <message>
        <source>Working day (no change)</source>
        <translation>Рабочий день (без изменений)</translation>
    </message>
</context>
<context>
    <name>pd::CalendarService</name>
    <message>
        <source>country: expected a two-letter ISO code such as BY, got &apos;%1&apos;</source>
        <translation>страна: ожидается двухбуквенный код ISO, например BY, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>day: expected a date as YYYY-MM-DD</source>
        <translation>день: ожидается дата в формате YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1 has no edit on %2</source>
        <translation>в календаре %1 нет изменения на %2</translation>
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
    <message>
        <source>%1 needs --operator NAME (and the password in PRIVACYDESK_PASSWORD)</source>
        <translation>для %1 нужен параметр --operator NAME (и пароль в PRIVACYDESK_PASSWORD)</translation>
    </message>
    <message>
        <source>--operator %1: set the password in the environment variable PRIVACYDESK_PASSWORD</source>
        <translation>--operator %1: задайте пароль в переменной окружения PRIVACYDESK_PASSWORD</translation>
    </message>
    <message>
        <source>operator add: expected one NAME, got %1</source>
        <translation>operator add: ожидается одно имя NAME, получено: %1</translation>
    </message>
    <message>
        <source>operator add: --role is required (%1)</source>
        <translation>operator add: обязателен параметр --role (%1)</translation>
    </message>
    <message>
        <source>operator add: --role: expected %1, got &apos;%2&apos;</source>
        <translation>operator add: --role: ожидается %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>operator add: set the new operator&apos;s password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation>operator add: задайте пароль нового пользователя в PRIVACYDESK_NEW_PASSWORD</translation>
    </message>
    <message>
        <source>Operator %1 (%2) added.</source>
        <translation>Пользователь %1 (%2) добавлен.</translation>
    </message>
    <message>
        <source>First administrator %1 added.</source>
        <translation>Первый администратор %1 добавлен.</translation>
    </message>
    <message>
        <source>operator list: unexpected argument &apos;%1&apos;</source>
        <translation>operator list: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>деактивирован</translation>
    </message>
    <message>
        <source> locked until %1</source>
        <translation> заблокирован до %1</translation>
    </message>
    <message>
        <source>settings: expected &apos;show&apos; or &apos;set KEY VALUE&apos;</source>
        <translation>settings: ожидается &apos;show&apos; или &apos;set KEY VALUE&apos;</translation>
    </message>
    <message>
        <source>settings set: unknown KEY &apos;%1&apos;</source>
        <translation>settings set: неизвестный ключ (KEY) &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit verify: unexpected argument &apos;%1&apos;</source>
        <translation>audit verify: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit trail broken at entry %1: %2</source>
        <translation>журнал аудита нарушен на записи %1: %2</translation>
    </message>
    <message>
        <source>Audit trail intact: %1 entries verified.</source>
        <translation>Журнал аудита не нарушен: проверено записей — %1.</translation>
    </message>
    <message>
        <source>audit list: --subject: expected a subject id, got &apos;%1&apos;</source>
        <translation>audit list: --subject: ожидается ID субъекта, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit list: --%1: expected YYYY-MM-DD, got &apos;%2&apos;</source>
        <translation>audit list: --%1: ожидается дата YYYY-MM-DD, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>audit list: --limit: expected a whole number above 0</source>
        <translation>audit list: --limit: ожидается целое число больше 0</translation>
    </message>
    <message>
        <source>approval %1: ID: expected an approval number, got &apos;%2&apos;</source>
        <translation>approval %1: ID: ожидается номер согласования, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Approval %1 approved and carried out.</source>
        <translation>Согласование %1 утверждено и выполнено.</translation>
    </message>
    <message>
        <source>Approval %1 rejected.</source>
        <translation>Согласование %1 отклонено.</translation>
    </message>
    <message>
        <source>Imported %1 subjects; %2 rows rejected%3.</source>
        <translation>Импортировано субъектов: %1; отклонено строк: %2%3.</translation>
    </message>
    <message>
        <source> (written to %1)</source>
        <translation> (записаны в %1)</translation>
    </message>
    <message>
        <source>%1: --request: expected a request number, got &apos;%2&apos;</source>
        <translation>%1: --request: ожидается номер запроса, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: ID: expected a subject number, got &apos;%2&apos;</source>
        <translation>%1: ID: ожидается номер субъекта, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>subjects search: expected one TEXT (quote it when it has spaces)</source>
        <translation>subjects search: ожидается один аргумент TEXT (заключите его в кавычки, если в нём есть пробелы)</translation>
    </message>
    <message>
        <source>subjects search: --state: expected active, blocked or anonymized, got &apos;%1&apos;</source>
        <translation>subjects search: --state: ожидается active, blocked или anonymized, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>subjects search: --category: expected one of %1, got &apos;%2&apos;</source>
        <translation>subjects search: --category: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>subjects search: --limit: expected a whole number from 1 to 100000, got &apos;%1&apos;</source>
        <translation>subjects search: --limit: ожидается целое число от 1 до 100000, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>subject show: expected one ID</source>
        <translation>subject show: ожидается один ID</translation>
    </message>
    <message>
        <source>Subject #%1 (%2), version %3, controller %4</source>
        <translation>Субъект #%1 (%2), версия %3, оператор %4</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(скрыто)</translation>
    </message>
    <message>
        <source>%1: expected one ID</source>
        <translation>%1: ожидается один ID</translation>
    </message>
    <message>
        <source>%1: --reason TEXT is required</source>
        <translation>%1: обязателен параметр --reason TEXT</translation>
    </message>
    <message>
        <source>%1: --until: expected a date as YYYY-MM-DD (block only)</source>
        <translation>%1: --until: ожидается дата в формате YYYY-MM-DD (только для block)</translation>
    </message>
    <message>
        <source>Subject #%1: %2 done.</source>
        <translation>Субъект #%1: %2 — выполнено.</translation>
    </message>
    <message>
        <source>%1: expected one or more IDs</source>
        <translation>%1: ожидается один или несколько ID</translation>
    </message>
    <message>
        <source>Waiting for a second officer: approval #%1 (privacydesk-cli approval approve %1).</source>
        <translation>Ожидается второй ответственный: согласование #%1 (privacydesk-cli approval approve %1).</translation>
    </message>
    <message>
        <source>%1: nothing to do: the subjects are gone or already %2</source>
        <translation>%1: нечего выполнять: субъекты отсутствуют или уже %2</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалены</translation>
    </message>
    <message>
        <source>anonymized</source>
        <translation>обезличены</translation>
    </message>
    <message>
        <source>%1: %2 subjects done, %3 skipped.</source>
        <translation>%1: обработано субъектов: %2, пропущено: %3.</translation>
    </message>
    <message>
        <source>request add: unexpected argument &apos;%1&apos;</source>
        <translation>request add: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request add: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation>request add: --type: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request add: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation>request add: --regime: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request add: --subject: expected a subject number, got &apos;%1&apos;</source>
        <translation>request add: --subject: ожидается номер субъекта, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request add: --subject ID, or --name with --new-subject (or without a subject) is required</source>
        <translation>request add: обязателен параметр --subject ID либо --name вместе с --new-subject (или без субъекта)</translation>
    </message>
    <message>
        <source>%1 request under %2, registered from the command line</source>
        <translation>Запрос (%1, %2), зарегистрирован из командной строки</translation>
    </message>
    <message>
        <source>request list: unexpected argument &apos;%1&apos;</source>
        <translation>request list: лишний аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request list: --status: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --status: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --type: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --regime: ожидается одно из: %1, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --limit: expected a positive number, got &apos;%1&apos;</source>
        <translation>request list: --limit: ожидается положительное число, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request show: expected one ID</source>
        <translation>request show: ожидается один ID</translation>
    </message>
    <message>
        <source>request show: expected a request number, got &apos;%1&apos;</source>
        <translation>request show: ожидается номер запроса, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Request #%1: %2 under %3, %4</source>
        <translation>Запрос #%1: %2 (%3), %4</translation>
    </message>
    <message>
        <source>  received %1, due %2</source>
        <translation>  получен %1, срок %2</translation>
    </message>
    <message>
        <source>(extended from %1)</source>
        <translation>(срок продлён с %1)</translation>
    </message>
    <message>
        <source>(clock stopped since %1)</source>
        <translation>(отсчёт срока приостановлен с %1)</translation>
    </message>
    <message>
        <source>  requester: %1</source>
        <translation>  заявитель: %1</translation>
    </message>
    <message>
        <source>  subject: #%1</source>
        <translation>  субъект: #%1</translation>
    </message>
    <message>
        <source>  possible duplicate of #%1</source>
        <translation>  возможный дубликат #%1</translation>
    </message>
    <message>
        <source>%1: expected one of: %2</source>
        <translation>%1: ожидается одно из: %2</translation>
    </message>
    <message>
        <source>%1: unknown &apos;%2&apos; (expected one of: %3)</source>
        <translation>%1: неизвестная подкоманда &apos;%2&apos; (ожидается одно из: %3)</translation>
    </message>
    <message>
        <source>%1: expected one NAME, got %2</source>
        <translation>%1: ожидается одно ИМЯ, получено %2</translation>
    </message>
    <message>
        <source>%1: --role: expected %2, got &apos;%3&apos;</source>
        <translation>%1: --role: ожидается %2, получено &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1: set the new password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation>%1: задайте новый пароль в PRIVACYDESK_NEW_PASSWORD</translation>
    </message>
    <message>
        <source>Operator %1 deactivated.</source>
        <translation>Пользователь %1 отключён.</translation>
    </message>
    <message>
        <source>Operator %1 activated.</source>
        <translation>Пользователь %1 включён.</translation>
    </message>
    <message>
        <source>Operator %1 unlocked.</source>
        <translation>Пользователь %1 разблокирован.</translation>
    </message>
    <message>
        <source>The password of operator %1 was set.</source>
        <translation>Пароль пользователя %1 установлен.</translation>
    </message>
    <message>
        <source>Operator %1 is now %2.</source>
        <translation>Роль пользователя %1 теперь %2.</translation>
    </message>
    <message>
        <source>settings set %1: VALUE must be a whole number from %2 to %3, got &apos;%4&apos;</source>
        <translation>settings set %1: ЗНАЧЕНИЕ должно быть целым числом от %2 до %3, получено &apos;%4&apos;</translation>
    </message>
    <message>
        <source>approval: expected &apos;list&apos;, &apos;approve ID&apos;, &apos;reject ID --note TEXT&apos; or &apos;cancel ID --note TEXT&apos;</source>
        <translation>approval: ожидается &apos;list&apos;, &apos;approve ID&apos;, &apos;reject ID --note ТЕКСТ&apos; или &apos;cancel ID --note ТЕКСТ&apos;</translation>
    </message>
    <message>
        <source>approval %1: --note TEXT is required</source>
        <translation>approval %1: требуется --note ТЕКСТ</translation>
    </message>
    <message>
        <source>Approval %1 cancelled; what was done stays done.</source>
        <translation>Согласование %1 отменено; сделанное остаётся.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>выполнено %1 из %2</translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation>Прерванный импорт этого файла продолжен после строки %1.</translation>
    </message>
    <message>
        <source>warning: every local user can read a password given in --db (ps); put it in PGPASSFILE, or the whole URL in PRIVACYDESK_DB</source>
        <translation>предупреждение: пароль в --db виден всем локальным пользователям (ps); укажите его в PGPASSFILE или весь URL в PRIVACYDESK_DB</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1: не удаётся прочитать %2: %3</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>стандартный ввод</translation>
    </message>
    <message>
        <source>%1: more than %2 MiB</source>
        <translation>%1: больше %2 МиБ</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1: не текст в UTF-8</translation>
    </message>
    <message>
        <source>subject correct: expected ID FIELD VALUE, ID FIELD - (the value on standard input) or ID FIELD --value-file FILE</source>
        <translation>subject correct: ожидается ID ПОЛЕ ЗНАЧЕНИЕ, ID ПОЛЕ - (значение со стандартного ввода) или ID ПОЛЕ --value-file ФАЙЛ</translation>
    </message>
    <message>
        <source>request add: --from: not a JSON object (at character %1)</source>
        <translation>request add: --from: не объект JSON (символ %1)</translation>
    </message>
    <message>
        <source>request add: --from: unknown key &apos;%1&apos; (expected %2)</source>
        <translation>request add: --from: неизвестный ключ &apos;%1&apos; (ожидается %2)</translation>
    </message>
    <message>
        <source>request add: --%1: expected a date as YYYY-MM-DD</source>
        <translation>request add: --%1: ожидается дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>An interrupted demo run was removed before this one.</source>
        <translation>Прерванный запуск демонстрационных данных удалён перед этим.</translation>
    </message>
    <message>
        <source>%1 of %2 subjects</source>
        <translation>%1 из %2 субъектов</translation>
    </message>
    <message>
        <source>%1: expected ID DATE (YYYY-MM-DD, or none while the contract runs)</source>
        <translation>%1: ожидались ID ДАТА (ГГГГ-ММ-ДД или none, пока договор действует)</translation>
    </message>
    <message>
        <source>%1: DATE: expected YYYY-MM-DD or none</source>
        <translation>%1: ДАТА: ожидалось ГГГГ-ММ-ДД или none</translation>
    </message>
    <message>
        <source>Subject #%1: the contract ended on %2.</source>
        <translation>Субъект №%1: договор окончен %2.</translation>
    </message>
    <message>
        <source>Subject #%1: the contract runs.</source>
        <translation>Субъект №%1: договор действует.</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1: лишний аргумент «%2»</translation>
    </message>
    <message>
        <source>%1: --today: expected a date as YYYY-MM-DD</source>
        <translation>%1: --today: ожидалась дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Retention on %1 (nothing is changed: --dry-run)</source>
        <translation>Сроки хранения на %1 (ничего не изменено: --dry-run)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), kept: no date can be computed yet, waiting for %1</source>
        <translation>
            <numerusform>%Ln элемент хранится: дату пока нельзя вычислить, ожидается %1</numerusform>
            <numerusform>%Ln элемента хранятся: дату пока нельзя вычислить, ожидается %1</numerusform>
            <numerusform>%Ln элементов хранятся: дату пока нельзя вычислить, ожидается %1</numerusform>
        </translation>
    </message>
    <message>
        <source>anonymize</source>
        <translation>обезличить</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>удалить</translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due: %1</source>
        <translation>Запланированные после отзыва согласия удаления, срок которых наступил: %1</translation>
    </message>
    <message>
        <source>Retention on %1: %2 subjects would change, more than one officer may change alone. Nothing was done: approval #%3 waits for a second officer (privacydesk-cli approval approve %3).</source>
        <translation>Сроки хранения на %1: изменились бы субъекты (%2) — больше, чем один ответственный может изменить сам. Ничего не сделано: согласование #%3 ожидает второго ответственного (privacydesk-cli approval approve %3).</translation>
    </message>
    <message>
        <source>Retention on %1:</source>
        <translation>Сроки хранения на %1:</translation>
    </message>
    <message>
        <source>%1 items due; held back: %2 blocked, %3 under an open request, %4 under a legal hold</source>
        <translation>элементов с истёкшим сроком: %1; удержано: заблокировано — %2, по открытому запросу — %3, по юридическому удержанию — %4</translation>
    </message>
    <message>
        <source>Subjects deleted: %1, anonymized: %2; subjects that keep other data: %3 (items deleted: %4, anonymized: %5)</source>
        <translation>Субъектов удалено: %1, обезличено: %2; субъектов, у которых остались другие данные: %3 (элементов удалено: %4, обезличено: %5)</translation>
    </message>
    <message>
        <source>Scheduled erasures carried out: %1, held back: %2; subjects changed by someone else meanwhile and left: %3</source>
        <translation>Запланированных удалений выполнено: %1, удержано: %2; субъектов, изменённых за это время другими и оставленных как есть: %3</translation>
    </message>
    <message>
        <source>%1: waits for a second officer (approval #%2)</source>
        <translation>%1: ожидает второго ответственного (согласование #%2)</translation>
    </message>
    <message>
        <source>%1: --today: a sweep cannot run for a day after today; a later day is for --dry-run</source>
        <translation>%1: --today: очистку нельзя выполнить за день позже сегодняшнего; более поздний день — только для --dry-run</translation>
    </message>
    <message>
        <source>%1 of %2 items due: %3 to %4; held back: %5 blocked, %6 under an open request, %7 under a legal hold; %8 more due within 30 days</source>
        <translation>срок истёк у %1 из %2 элементов: %3 — %4; удержано: заблокировано — %5, по открытому запросу — %6, по юридическому удержанию — %7; ещё %8 — в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>%1: --separator: expected , or ;</source>
        <translation>%1: --separator: ожидается , или ;</translation>
    </message>
    <message>
        <source>%1: --mapping: %2</source>
        <translation>%1: --mapping: %2</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: предупреждение: %2</translation>
    </message>
    <message>
        <source>Dry run, nothing was stored: %1 new subjects, %2 rows for subjects stored already (they would be updated), %3 rows rejected.</source>
        <translation>Пробный прогон, ничего не сохранено: новых субъектов — %1, строк для уже сохранённых субъектов (они были бы обновлены) — %2, отклонено строк — %3.</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <source>Subjects stored already: %1 updated, %2 unchanged (not duplicated).</source>
        <translation>Уже сохранённые субъекты: обновлено — %1, без изменений — %2 (дубликаты не созданы).</translation>
    </message>
    <message>
        <source>%1: expected one subject ID</source>
        <translation>%1: ожидается один ID субъекта</translation>
    </message>
    <message>
        <source>Subject #%1: the legal hold is lifted.</source>
        <translation>Субъект #%1: юридическое удержание снято.</translation>
    </message>
    <message>
        <source>Subject #%1 is on legal hold: the retention sweep keeps its data.</source>
        <translation>Субъект #%1 под юридическим удержанием: очистка по срокам хранения сохраняет его данные.</translation>
    </message>
    <message>
        <source>%1 purposes</source>
        <translation>Целей: %1</translation>
    </message>
    <message>
        <source>%1: expected one purpose CODE</source>
        <translation>%1: ожидается один КОД цели</translation>
    </message>
    <message>
        <source>%1: expected a number, got &apos;%2&apos;</source>
        <translation>%1: ожидается число, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: expected SUBJECT-ID PURPOSE</source>
        <translation>%1: ожидаются ID-СУБЪЕКТА ЦЕЛЬ</translation>
    </message>
    <message>
        <source>%1: --version V (the policy version agreed to) is required</source>
        <translation>%1: требуется --version V (версия политики, с которой согласились)</translation>
    </message>
    <message>
        <source>%1: --channel: expected one of %2</source>
        <translation>%1: --channel: ожидается одно из: %2</translation>
    </message>
    <message>
        <source>Consent #%1 recorded.</source>
        <translation>Согласие #%1 записано.</translation>
    </message>
    <message>
        <source>%1: expected one CONSENT-ID</source>
        <translation>%1: ожидается один ID-СОГЛАСИЯ</translation>
    </message>
    <message>
        <source>Consent #%1 withdrawn; the data held for its purpose is scheduled for erasure.</source>
        <translation>Согласие #%1 отозвано; данные, хранимые для его цели, запланированы к удалению.</translation>
    </message>
    <message>
        <source>%1: expected one VERSION</source>
        <translation>%1: ожидается одна ВЕРСИЯ</translation>
    </message>
    <message>
        <source>Policy version %1 is in force.</source>
        <translation>Действует версия политики %1.</translation>
    </message>
    <message>
        <source>%1: --limit: expected a number above 0</source>
        <translation>%1: --limit: ожидается число больше 0</translation>
    </message>
    <message>
        <source>subject #%1: consent #%2 for %3, version %4 (given %5)</source>
        <translation>субъект #%1: согласие #%2 на %3, версия %4 (дано %5)</translation>
    </message>
    <message>
        <source>%1 consents need re-consent (%2 shown).</source>
        <translation>Согласий, требующих повторного получения: %1 (показано %2).</translation>
    </message>
    <message>
        <source>import subjects: expected one FILE (.csv, .jsonl or a subject&apos;s .json)</source>
        <translation>import subjects: ожидается один ФАЙЛ (.csv, .jsonl или .json с данными субъекта)</translation>
    </message>
    <message>
        <source>%1: --format: expected csv, jsonl or subject-json, got &apos;%2&apos;</source>
        <translation>%1: --format: ожидается csv, jsonl или subject-json, получено &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: expected one FILE</source>
        <translation>%1: ожидается один ФАЙЛ</translation>
    </message>
    <message>
        <source>%1: cannot write %2: %3</source>
        <translation>%1: не удаётся записать %2: %3</translation>
    </message>
    <message>
        <source>The register of purposes was written to %1.</source>
        <translation>Реестр целей записан в %1.</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>категория %1</translation>
    </message>
    <message>
        <source>expected an ISO date and time with its offset, e.g. 2026-12-01T09:30:00Z or 2026-12-01T12:30:00+03:00</source>
        <translation>ожидаются дата и время в формате ISO со смещением часового пояса, например 2026-12-01T09:30:00Z или 2026-12-01T12:30:00+03:00</translation>
    </message>
    <message>
        <source>%1: expected one BREACH-ID (a number)</source>
        <translation>%1: ожидается один BREACH-ID (число)</translation>
    </message>
    <message>
        <source>%1: --%2: expected a number of 0 or more</source>
        <translation>%1: --%2: ожидается число 0 или больше</translation>
    </message>
    <message>
        <source>%1: --regime: unknown regime &apos;%2&apos; (expected %3)</source>
        <translation>%1: --regime: неизвестный режим &apos;%2&apos; (ожидается %3)</translation>
    </message>
    <message>
        <source>%1: --regime R[,R...] is required (%2)</source>
        <translation>%1: обязателен параметр --regime R[,R...] (%2)</translation>
    </message>
    <message>
        <source>%1: --nature TEXT (what happened) is required</source>
        <translation>%1: обязателен параметр --nature TEXT (что произошло)</translation>
    </message>
    <message>
        <source>notified %1, late: %2</source>
        <translation>уведомление направлено %1, с опозданием: %2</translation>
    </message>
    <message>
        <source>notified %1</source>
        <translation>уведомление направлено %1</translation>
    </message>
    <message>
        <source>notify by %1</source>
        <translation>уведомить до %1</translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation>фиксированного срока нет</translation>
    </message>
    <message>
        <source>; result of the investigation by %1</source>
        <translation>; результат расследования — до %1</translation>
    </message>
    <message>
        <source>#%1 discovered %2: %3</source>
        <translation>#%1 обнаружен %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es).</source>
        <translation>
            <numerusform>%n инцидент.</numerusform>
            <numerusform>%n инцидента.</numerusform>
            <numerusform>%n инцидентов.</numerusform>
        </translation>
    </message>
    <message>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Breach #%1, discovered %2, recorded %3 by %4</source>
        <translation>Инцидент #%1, обнаружен %2, зарегистрирован %3 пользователем %4</translation>
    </message>
    <message>
        <source>  nature: %1</source>
        <translation>  характер нарушения: %1</translation>
    </message>
    <message>
        <source>  categories: %1</source>
        <translation>  категории данных: %1</translation>
    </message>
    <message>
        <source>  subjects: about %1; records: about %2</source>
        <translation>  число субъектов (примерно): %1; число записей (примерно): %2</translation>
    </message>
    <message>
        <source>  likely consequences: %1</source>
        <translation>  вероятные последствия: %1</translation>
    </message>
    <message>
        <source>  measures taken: %1</source>
        <translation>  принятые меры: %1</translation>
    </message>
    <message>
        <source>  measures proposed: %1</source>
        <translation>  предлагаемые меры: %1</translation>
    </message>
    <message>
        <source>  DPO: %1</source>
        <translation>  ответственный за защиту данных (DPO): %1</translation>
    </message>
    <message>
        <source>  high risk: the subjects were told %1</source>
        <translation>  высокий риск: субъекты уведомлены %1</translation>
    </message>
    <message>
        <source>  high risk: the subjects are to be told without undue delay (GDPR art. 34)</source>
        <translation>  высокий риск: субъектов необходимо уведомить без неоправданной задержки (GDPR, ст. 34)</translation>
    </message>
    <message>
        <source>Breach #%1: the notice to the regulator is recorded.</source>
        <translation>Инцидент #%1: уведомление уполномоченного органа зарегистрировано.</translation>
    </message>
    <message>
        <source>Breach #%1: telling the subjects is recorded.</source>
        <translation>Инцидент #%1: уведомление субъектов зарегистрировано.</translation>
    </message>
    <message>
        <source>%1: --%2: %3</source>
        <translation>%1: --%2: %3</translation>
    </message>
    <message>
        <source>%1: --out FILE (the PDF to write) is required</source>
        <translation>%1: требуется --out FILE (PDF, который нужно записать)</translation>
    </message>
    <message>
        <source>%1: cannot write the PDF: %2</source>
        <translation>%1: не удаётся записать PDF: %2</translation>
    </message>
    <message>
        <source>Breach #%1: the notification is in %2.</source>
        <translation>Инцидент №%1: уведомление записано в %2.</translation>
    </message>
    <message>
        <source>%1: --out FILE (the file to write) is required</source>
        <translation>%1: требуется --out FILE (файл, который нужно записать)</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1: не удаётся записать отчёт: %2</translation>
    </message>
    <message>
        <source>the audit chain is broken at entry #%1; the extract says so</source>
        <translation>цепочка журнала аудита нарушена на записи №%1; это указано в выписке</translation>
    </message>
    <message>
        <source>%1: --%2: expected a date as YYYY-MM-DD</source>
        <translation>%1: --%2: ожидается дата в формате ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>%1: --%2: expected a positive number</source>
        <translation>%1: --%2: ожидается положительное число</translation>
    </message>
    <message>
        <source>report: name the report: %1</source>
        <translation>report: укажите отчёт: %1</translation>
    </message>
    <message>
        <source>report: unknown report &apos;%1&apos;; expected one of %2</source>
        <translation>report: неизвестный отчёт &apos;%1&apos;; ожидается одно из: %2</translation>
    </message>
    <message>
        <source>%1: --format: expected pdf, csv, xlsx or json</source>
        <translation>%1: --format: ожидается pdf, csv, xlsx или json</translation>
    </message>
    <message>
        <source>%1: --from DATE and --to DATE (the period) are required</source>
        <translation>%1: обязательны параметры --from DATE и --to DATE (период)</translation>
    </message>
    <message>
        <source>%1: --%2 does not apply to this report</source>
        <translation>%1: параметр --%2 не применяется к этому отчёту</translation>
    </message>
    <message>
        <source>%1: --attach needs --request ID (the request it answers)</source>
        <translation>%1: для --attach нужен параметр --request ID (запрос, на который отвечает отчёт)</translation>
    </message>
    <message>
        <source>%1 is in %2 (rows: %3).</source>
        <translation>%1: сохранено в %2 (строк: %3).</translation>
    </message>
    <message>
        <source>Attached to request #%1 (PDF, JSON and CSV); the request is carried out.</source>
        <translation>Приложено к запросу #%1 (PDF, JSON и CSV); запрос выполнен.</translation>
    </message>
    <message>
        <source>Act No. %1 is kept until %2.</source>
        <translation>Акт № %1 хранится до %2.</translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1 (backups are kept %2 days: settings backup_keep_days).</source>
        <translation>Копии удалённого остаются в резервных копиях до %1 (резервные копии хранятся %2 дн.: настройка backup_keep_days).</translation>
    </message>
    <message>
        <source>%1: name one file: %1 FILE</source>
        <translation>%1: укажите один файл: %1 ФАЙЛ</translation>
    </message>
    <message>
        <source>schema %1, %2 subjects, %3 audit entries with their chain whole, integrity ok</source>
        <translation>схема %1, субъектов: %2, записей аудита: %3, цепочка целостна, проверка целостности пройдена</translation>
    </message>
    <message>
        <source>Backup written to %1 and checked: %2.</source>
        <translation>Резервная копия записана в %1 и проверена: %2.</translation>
    </message>
    <message>
        <source>Restored from %1 (%2). What was in the database since that backup is gone; data erased after it was made is back and must be erased again.</source>
        <translation>Восстановлено из %1 (%2). Всё, что появилось в базе после этой копии, утрачено; данные, удалённые после её создания, вернулись и должны быть удалены снова.</translation>
    </message>
</context>
<context>
    <name>pd::ConsentReview</name>
    <message>
        <source>version: a policy version is required</source>
        <translation>version: требуется версия политики</translation>
    </message>
    <message>
        <source>no policy version is recorded: record the one in force first, or name it</source>
        <translation>версия политики не записана: сначала запишите действующую или укажите её</translation>
    </message>
</context>
<context>
    <name>pd::ConsentService</name>
    <message>
        <source>policy version: required (what the subject agreed to)</source>
        <translation>версия политики: обязательна (с чем согласился субъект)</translation>
    </message>
    <message>
        <source>purpose: there is no purpose &apos;%1&apos;</source>
        <translation>цель обработки: нет цели обработки &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; rests on %2, not on consent</source>
        <translation>правовое основание цели обработки &apos;%1&apos; — %2, а не согласие</translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation>нет субъекта #%1</translation>
    </message>
    <message>
        <source>subject #%1 is %2: no new consent can be recorded</source>
        <translation>субъект #%1 в состоянии %2: новое согласие записать нельзя</translation>
    </message>
    <message>
        <source>a reason is required</source>
        <translation>необходимо указать причину</translation>
    </message>
    <message>
        <source>there is no consent #%1</source>
        <translation>нет согласия #%1</translation>
    </message>
    <message>
        <source>consent #%1 was already withdrawn</source>
        <translation>согласие #%1 уже отозвано</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; belongs to another controller than subject #%2&apos;s</source>
        <translation>цель &apos;%1&apos; принадлежит другому оператору, чем субъект #%2</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2: no new consent is taken for it</source>
        <translation>цель обработки &apos;%1&apos; выведена из использования %2: новые согласия для неё не принимаются</translation>
    </message>
</context>
<context>
    <name>pd::CorrectDialog</name>
    <message>
        <source>Correct %1</source>
        <translation>Исправление: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>не указана</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Новое значение</translation>
    </message>
    <message>
        <source>required, e.g. typo reported by the subject</source>
        <translation>обязательно, например опечатка, о которой сообщил субъект</translation>
    </message>
    <message>
        <source>Kept in the audit trail: say why, without personal data.</source>
        <translation>Сохраняется в журнале аудита: укажите причину без персональных данных.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Поле:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <source>Current value:</source>
        <translation>Текущее значение:</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;Новое значение:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;прос #:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>После:</translation>
    </message>
    <message>
        <source>Type the corrected value first.</source>
        <translation>Сначала введите исправленное значение.</translation>
    </message>
    <message>
        <source>Give a reason for the correction first.</source>
        <translation>Сначала укажите причину исправления.</translation>
    </message>
</context>
<context>
    <name>pd::CorrectionService</name>
    <message>
        <source>subject #%1 has no field &apos;%2&apos; that can be corrected</source>
        <translation>у субъекта #%1 нет поля &apos;%2&apos;, которое можно исправить</translation>
    </message>
    <message>
        <source>subject #%1 has no item #%2</source>
        <translation>у субъекта #%1 нет элемента данных #%2</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; of subject #%2 is %3 and cannot be corrected</source>
        <translation>поле &apos;%1&apos; субъекта #%2 в состоянии %3 и не может быть исправлено</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: payment data comes from the payment system and is not corrected here</source>
        <translation>поле &apos;%1&apos;: платёжные данные поступают из платёжной системы и здесь не исправляются</translation>
    </message>
</context>
<context>
    <name>pd::CsvReader</name>
    <message>
        <source>row %1: a quoted field is not closed</source>
        <translation>строка %1: не закрыто поле в кавычках</translation>
    </message>
</context>
<context>
    <name>pd::DashboardCharts</name>
    <message>
        <source>%1: %L2</source>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Открытые запросы</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Week of %1: %L2 received</source>
        <translation>Неделя с %1: получено %L2</translation>
    </message>
    <message>
        <source>Week of %1: %L2 completed</source>
        <translation>Неделя с %1: выполнено %L2</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выполнено в срок</translation>
    </message>
    <message>
        <source>Week of %1: %L2 of %L3 completed on time</source>
        <translation>Неделя с %1: в срок выполнено %L2 из %L3</translation>
    </message>
    <message>
        <source>% on time</source>
        <translation>% в срок</translation>
    </message>
    <message>
        <source>Open requests by deadline</source>
        <translation>Открытые запросы по срокам</translation>
    </message>
    <message>
        <source>Open requests by status</source>
        <translation>Открытые запросы по статусам</translation>
    </message>
    <message>
        <source>Open requests by type</source>
        <translation>Открытые запросы по типам</translation>
    </message>
    <message>
        <source>Received and completed per week</source>
        <translation>Получено и выполнено по неделям</translation>
    </message>
    <message>
        <source>Completed on time per week</source>
        <translation>Выполнено в срок по неделям</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation>До 3 дней</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>До 7 дней</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Count the figures again (F5)</source>
        <translation>Пересчитать показатели (F5)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Открытые запросы</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation>Срок в течение 3 дней</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выполнено в срок</translation>
    </message>
    <message>
        <source>Click a bar, slice or point to list its requests; right-click to save the chart.</source>
        <translation>Щёлкните столбец, сектор или точку, чтобы увидеть список запросов; щелчок правой кнопкой — сохранить диаграмму.</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Your role does not include the requests of data subjects.</source>
        <translation>Ваша роль не предусматривает работу с запросами субъектов персональных данных.</translation>
    </message>
    <message>
        <source>The dashboard is for officers, agents and auditors: its figures come from the register of requests.</source>
        <translation>Обзор доступен ответственным за защиту данных, сотрудникам поддержки и аудиторам: его показатели берутся из реестра запросов.</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>Не удалось подсчитать показатели: %1</translation>
    </message>
    <message>
        <source>Deadlines as of %1, counted at %2</source>
        <translation>Сроки на %1, подсчитано в %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Completed on time since %1</source>
        <translation>Выполнено в срок с %1</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Запросов пока нет.</translation>
    </message>
    <message>
        <source>When requests of data subjects are registered, this page shows what is pending, what is due soon and how many were answered in time.</source>
        <translation>Когда будут зарегистрированы запросы субъектов персональных данных, эта страница покажет, какие запросы ожидают обработки, у каких скоро истекает срок и сколько из них выполнено в срок.</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Сохранение диаграммы</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Check that the folder exists and that you may write there.</source>
        <translation>Не удалось сохранить диаграмму в %1. Проверьте, что папка существует и у вас есть права на запись в неё.</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Сохранить диаграмму в PNG</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) not yet notified to the regulator. The notice of breach #%1 (%2) was due %3: notify now and record the reasons for the delay.</source>
        <translation>
            <numerusform>%n нарушение безопасности персональных данных, о котором ещё не уведомлён уполномоченный орган. Срок уведомления об инциденте #%1 (%2) истёк %3: направьте уведомление сейчас и запишите причины задержки.</numerusform>
            <numerusform>%n нарушения безопасности персональных данных, о которых ещё не уведомлён уполномоченный орган. Срок уведомления об инциденте #%1 (%2) истёк %3: направьте уведомление сейчас и запишите причины задержки.</numerusform>
            <numerusform>%n нарушений безопасности персональных данных, о которых ещё не уведомлён уполномоченный орган. Срок уведомления об инциденте #%1 (%2) истёк %3: направьте уведомление сейчас и запишите причины задержки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) to notify to the regulator. The next notice is due %3: breach #%1 (%2).</source>
        <translation>
            <numerusform>%n нарушение безопасности персональных данных, о котором нужно уведомить уполномоченный орган. Ближайший срок уведомления — %3: инцидент #%1 (%2).</numerusform>
            <numerusform>%n нарушения безопасности персональных данных, о которых нужно уведомить уполномоченный орган. Ближайший срок уведомления — %3: инцидент #%1 (%2).</numerusform>
            <numerusform>%n нарушений безопасности персональных данных, о которых нужно уведомить уполномоченный орган. Ближайший срок уведомления — %3: инцидент #%1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>privacydesk-cli breach list --due lists every notice still to make.</source>
        <translation>privacydesk-cli breach list --due выводит все уведомления, которые ещё предстоит направить.</translation>
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
    <name>pd::Deadlines</name>
    <message>
        <source>Law 99-Z art. 11</source>
        <translation>Закон 99-З, ст. 11</translation>
    </message>
    <message>
        <source>Law 99-Z art. 12(2)</source>
        <translation>Закон 99-З, ст. 12(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 10(2)</source>
        <translation>Закон 99-З, ст. 10(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 13(2)</source>
        <translation>Закон 99-З, ст. 13(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 14</source>
        <translation>Закон 99-З, ст. 14</translation>
    </message>
    <message>
        <source>GDPR art. 12(3)</source>
        <translation>GDPR, ст. 12(3)</translation>
    </message>
    <message>
        <source>UK GDPR art. 12(3)</source>
        <translation>UK GDPR, ст. 12(3)</translation>
    </message>
    <message>
        <source>CCPA §1798.130(a)(2)</source>
        <translation>CCPA, § 1798.130(a)(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 14(3), 20(2)</source>
        <translation>152-ФЗ, ст. 14(3), 20(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(2)</source>
        <translation>152-ФЗ, ст. 21(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(5.1)</source>
        <translation>152-ФЗ, ст. 21(5.1)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(5)</source>
        <translation>152-ФЗ, ст. 21(5)</translation>
    </message>
    <message>
        <source>152-FZ art. 21</source>
        <translation>152-ФЗ, ст. 21</translation>
    </message>
    <message>
        <source>LGPD art. 19(II)</source>
        <translation>LGPD, ст. 19(II)</translation>
    </message>
</context>
<context>
    <name>pd::DemoDatabase</name>
    <message>
        <source>The demo is made by privacydesk-cli, which was not found next to this program or on the PATH.</source>
        <translation>Демонстрационную базу создаёт privacydesk-cli, но эта программа не найдена ни рядом с Privacy Desk, ни в PATH.</translation>
    </message>
    <message>
        <source>Making the demo database: %1 made-up people with their data, consents and requests…</source>
        <translation>Создаётся демонстрационная база: %1 вымышленных людей с их данными, согласиями и запросами…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Demo — Privacy Desk</source>
        <translation>Демонстрация — Privacy Desk</translation>
    </message>
    <message>
        <source>Making the demo was cancelled; nothing was kept.</source>
        <translation>Создание демонстрационной базы отменено; ничего не сохранено.</translation>
    </message>
    <message>
        <source>The demo could not be made: %1</source>
        <translation>Не удалось создать демонстрационную базу: %1</translation>
    </message>
    <message>
        <source>The demo could not be moved to %1.</source>
        <translation>Не удалось переместить демонстрационную базу в %1.</translation>
    </message>
    <message>
        <source>Demo operators: officer, officer2, agent, auditor and admin; each one&apos;s password is its name followed by -demo-2026 (officer-demo-2026).</source>
        <translation>Демонстрационные операторы: officer, officer2, agent, auditor и admin; пароль каждого — его имя и -demo-2026 (officer-demo-2026).</translation>
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
        <translation>в демонстрационном профиле нет цели обработки &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the demo profile lacks the controllers &apos;operator&apos; and &apos;client-retail&apos;</source>
        <translation>в демонстрационном профиле нет операторов &apos;operator&apos; и &apos;client-retail&apos;</translation>
    </message>
</context>
<context>
    <name>pd::DestructionAct</name>
    <message>
        <source>Privacy officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>Support agent</source>
        <translation>Сотрудник поддержки</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Аудитор</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>the data of subject %1</source>
        <translation>данные субъекта %1</translation>
    </message>
    <message>
        <source>the erasure of request #%1</source>
        <translation>удаление по запросу № %1</translation>
    </message>
    <message>
        <source>the retention sweep of %1</source>
        <translation>очистка по срокам хранения от %1</translation>
    </message>
    <message>
        <source>the destructions of %1</source>
        <translation>уничтожение данных за период %1</translation>
    </message>
    <message>
        <source>period: give the first and the last day, the first not after the last</source>
        <translation>period: укажите первый и последний день; первый не может быть позже последнего</translation>
    </message>
    <message>
        <source>destruction: name one of a subject, a request, a period, a retention sweep or an act to print again</source>
        <translation>destruction: укажите что-то одно: субъекта, запрос, период, очистку по срокам хранения или акт для повторной печати</translation>
    </message>
    <message>
        <source>no destruction is recorded for %1</source>
        <translation>уничтожение не зарегистрировано: %1</translation>
    </message>
    <message>
        <source>act: there is no act of destruction No. %1</source>
        <translation>act: акта об уничтожении № %1 нет</translation>
    </message>
    <message>
        <source>act: an act printed again lists what it listed; give only its number</source>
        <translation>act: повторно печатаемый акт содержит то же, что и прежде; укажите только его номер</translation>
    </message>
    <message>
        <source>Destructions</source>
        <translation>Записи об уничтожении</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Destroyed (UTC)</source>
        <translation>Уничтожено (UTC)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Categories destroyed</source>
        <translation>Уничтоженные категории данных</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Информационная система</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Destroyed by</source>
        <translation>Уничтожил</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>we, on the client&apos;s instructions (seed 003 sub. 2)</source>
        <translation>мы, по поручению клиента (политика 003, п. 2)</translation>
    </message>
    <message>
        <source>all data of the subject (anonymized)</source>
        <translation>все данные субъекта (обезличены)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Журнал регистрации событий</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <source>Act No. %1 confirming the destruction of personal data</source>
        <translation>Акт № %1 об уничтожении персональных данных</translation>
    </message>
    <message>
        <source>Covering %1</source>
        <translation>Предмет акта: %1</translation>
    </message>
    <message>
        <source>The act</source>
        <translation>Сведения об акте</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Drawn up</source>
        <translation>Составлен</translation>
    </message>
    <message>
        <source>Drawn up by</source>
        <translation>Составил</translation>
    </message>
    <message>
        <source>Operator (controller)</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Уполномоченное лицо</translation>
    </message>
    <message>
        <source>Destroyed by (name, position)</source>
        <translation>Лица, уничтожившие данные (ФИО, должность)</translation>
    </message>
    <message>
        <source>Subjects whose data was destroyed</source>
        <translation>Субъектов, данные которых уничтожены</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Хранится до</translation>
    </message>
    <message>
        <source>Data destroyed</source>
        <translation>Уничтоженные данные</translation>
    </message>
    <message>
        <source>Subjects are named by the reference the deletion log keeps; none of their erased values is kept anywhere, this act included.</source>
        <translation>Субъекты указаны по идентификатору, сохраняемому в журнале удаления; ни одно из их удалённых значений нигде не хранится, в том числе в настоящем акте.</translation>
    </message>
    <message>
        <source>Extract from the event log</source>
        <translation>Выгрузка из журнала регистрации событий</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>whole: no entry was changed or removed</source>
        <translation>целостность не нарушена: ни одна запись не изменена и не удалена</translation>
    </message>
    <message>
        <source>broken at entry #%1</source>
        <translation>целостность нарушена на записи № %1</translation>
    </message>
    <message>
        <source>No audit entry names these subjects.</source>
        <translation>В журнале аудита нет записей об этих субъектах.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
</context>
<context>
    <name>pd::ErasureService</name>
    <message>
        <source>there is no such subject to delete</source>
        <translation>нет такого субъекта для удаления</translation>
    </message>
    <message>
        <source>the subject is already anonymized</source>
        <translation>субъект уже обезличен</translation>
    </message>
</context>
<context>
    <name>pd::FieldRules</name>
    <message>
        <source>field &apos;%1&apos;: a value is required (to remove data, anonymize or delete the subject)</source>
        <translation>поле &apos;%1&apos;: требуется значение (чтобы удалить данные, обезличьте или удалите субъекта)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: not an e-mail address (expected name@domain.tld)</source>
        <translation>поле &apos;email&apos;: это не адрес e-mail (ожидается name@domain.tld)</translation>
    </message>
    <message>
        <source>field &apos;phone&apos;: not a phone number (7 to 15 digits, optionally +, spaces, dashes, brackets)</source>
        <translation>поле &apos;phone&apos;: это не номер телефона (от 7 до 15 цифр, допускаются +, пробелы, дефисы, скобки)</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;%1&apos;: ожидается прошедшая дата в формате YYYY-MM-DD</translation>
    </message>
    <message>
        <source>field &apos;card_expiry&apos;: expected MM/YY</source>
        <translation>поле &apos;card_expiry&apos;: ожидается MM/YY</translation>
    </message>
    <message>
        <source>field &apos;card_masked&apos;: only a masked number is stored (first 6 and last 4 digits, e.g. 427683******1234)</source>
        <translation>поле &apos;card_masked&apos;: хранится только маскированный номер (первые 6 и последние 4 цифры, например 427683******1234)</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: longer than %2 characters</source>
        <translation>поле &apos;%1&apos;: длиннее %2 символов</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: a line break is not allowed here</source>
        <translation>поле &apos;%1&apos;: перевод строки здесь не допускается</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: contains a control character (code %2)</source>
        <translation>поле &apos;%1&apos;: содержит управляющий символ (код %2)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: longer than %1 characters</source>
        <translation>поле &apos;email&apos;: длиннее %1 символов</translation>
    </message>
    <message>
        <source>field &apos;country&apos;: not a country code (two capital letters of ISO 3166-1, e.g. BY, DE)</source>
        <translation>поле &apos;country&apos;: не код страны (две заглавные буквы ISO 3166-1, например BY, DE)</translation>
    </message>
    <message>
        <source>field &apos;ip&apos;: not an IPv4 or IPv6 address</source>
        <translation>поле &apos;ip&apos;: не адрес IPv4 или IPv6</translation>
    </message>
</context>
<context>
    <name>pd::FirstAdministratorDialog</name>
    <message>
        <source>First Administrator — Privacy Desk</source>
        <translation>Первый администратор — Privacy Desk</translation>
    </message>
    <message>
        <source>This database has no operators yet.</source>
        <translation>В этой базе данных пока нет пользователей.</translation>
    </message>
    <message>
        <source>Create the first administrator. The administrator adds the other operators (officers, agents, auditors), changes settings and reads the audit trail, but does not see personal data.</source>
        <translation>Создайте первого администратора. Администратор добавляет других пользователей (ответственных за защиту данных, сотрудников поддержки, аудиторов), меняет настройки и читает журнал аудита, но не видит персональных данных.</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>например, admin</translation>
    </message>
    <message>
        <source>optional, e.g. your full name</source>
        <translation>необязательно, например полное имя</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менее 8 символов</translation>
    </message>
    <message>
        <source>Operator &amp;name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Отображаемое имя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Пов&amp;тор пароля:</translation>
    </message>
    <message>
        <source>&amp;Create Administrator</source>
        <translation>&amp;Создать администратора</translation>
    </message>
    <message>
        <source>Enter an operator name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (встроенный)</translation>
    </message>
    <message>
        <source>None: the officers fill in the register later</source>
        <translation>Нет: сотрудники заполнят реестр позже</translation>
    </message>
    <message>
        <source>From a profile file…</source>
        <translation>Из файла профиля…</translation>
    </message>
    <message>
        <source>The register of processing to start with: controllers, information systems and purposes of one privacy policy. Officers change it later on the Purposes page.</source>
        <translation>Начальный реестр обработки: операторы данных, информационные системы и цели одной политики конфиденциальности. Позже сотрудники меняют его на странице «Цели обработки».</translation>
    </message>
    <message>
        <source>Policy Profile</source>
        <translation>Профиль политики</translation>
    </message>
    <message>
        <source>Policy profiles (*.profile);;All files (*)</source>
        <translation>Профили политик (*.profile);;Все файлы (*)</translation>
    </message>
    <message>
        <source>A database of made-up people and requests, to try everything without real data</source>
        <translation>База вымышленных людей и запросов, чтобы всё попробовать без настоящих данных</translation>
    </message>
    <message>
        <source>Open &amp;Another Database…</source>
        <translation>Открыть др&amp;угую базу…</translation>
    </message>
    <message>
        <source>Policy pro&amp;file:</source>
        <translation>Профиль по&amp;литики:</translation>
    </message>
    <message>
        <source>Open the De&amp;mo</source>
        <translation>Открыть &amp;демо</translation>
    </message>
</context>
<context>
    <name>pd::FormDialog</name>
    <message>
        <source>Required: %1</source>
        <translation>Обязательно: %1</translation>
    </message>
</context>
<context>
    <name>pd::HelpDialogs</name>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>On the pages</source>
        <translation>В разделах</translation>
    </message>
    <message>
        <source>Open the selected subject or request</source>
        <translation>Открыть выбранного субъекта или запрос</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>From the search box into the results</source>
        <translation>Из поля поиска к результатам</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Стрелка вниз</translation>
    </message>
    <message>
        <source>Back from a subject or request to the list</source>
        <translation>Вернуться от субъекта или запроса к списку</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Preview the chosen report</source>
        <translation>Предпросмотр выбранного отчёта</translation>
    </message>
    <message>
        <source>Save the chosen report</source>
        <translation>Сохранить выбранный отчёт</translation>
    </message>
    <message>
        <source>Print the chosen report</source>
        <translation>Распечатать выбранный отчёт</translation>
    </message>
    <message>
        <source>Privacy Desk User Guide</source>
        <translation>Руководство пользователя Privacy Desk</translation>
    </message>
</context>
<context>
    <name>pd::ImportDialog</name>
    <message>
        <source>Import Subjects</source>
        <translation>Импорт субъектов</translation>
    </message>
    <message>
        <source>Subjects from a CSV or JSON Lines file. Columns are matched by their header; choose where the others go. Every row is checked first: the preview shows the problem of each row that would be rejected. A row for a subject stored already updates it.</source>
        <translation>Субъекты из файла CSV или JSON Lines. Столбцы сопоставляются по заголовку; для остальных выберите, куда они попадут. Сначала проверяется каждая строка: в предпросмотре видна проблема каждой строки, которая будет отклонена. Строка для уже сохранённого субъекта обновляет его.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>&amp;Выбрать файл…</translation>
    </message>
    <message>
        <source>By the file&apos;s extension</source>
        <translation>По расширению файла</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Запятая (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Точка с запятой (;)</translation>
    </message>
    <message>
        <source>From the file&apos;s purpose column</source>
        <translation>Из столбца «purpose» файла</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>Фор&amp;мат:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Цель:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Первое значение</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Save &amp;Rejected Rows…</source>
        <translation>Сохранить &amp;отклонённые строки…</translation>
    </message>
    <message>
        <source>The rejected rows with their problem, as CSV readable by you only</source>
        <translation>Отклонённые строки с их проблемами, в CSV, доступном для чтения только вам</translation>
    </message>
    <message>
        <source>Only an officer may import subjects.</source>
        <translation>Импортировать субъектов может только ответственный за защиту данных.</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Столбцы:</translation>
    </message>
    <message>
        <source>Preview of the first rows:</source>
        <translation>Предпросмотр первых строк:</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Проверка строк…</translation>
    </message>
    <message>
        <source>An understood column, a data item as category.field, or ignore</source>
        <translation>Понятный столбец, элемент данных в виде категория.поле или «ignore»</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a place a column can go: choose one from the list, or write category.field.</source>
        <translation>&apos;%1&apos; — не место, куда может попасть столбец: выберите из списка или напишите категория.поле.</translation>
    </message>
    <message>
        <source>%1 rows: %2 new subjects, %3 for subjects stored already (they are updated), %4 rejected.</source>
        <translation>Строк: %1; новых субъектов: %2, для уже сохранённых субъектов (они обновляются): %3, отклонено: %4.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <source>Imported %1 new subjects; updated %2 stored ones (%3 unchanged); %4 rows rejected.</source>
        <translation>Импортировано новых субъектов: %1; обновлено сохранённых: %2 (без изменений: %3); отклонено строк: %4.</translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation>Прерванный импорт этого файла продолжен после строки %1.</translation>
    </message>
    <message>
        <source>Cancelled: the rows stored so far stay; import the same file again to carry on.</source>
        <translation>Отменено: уже сохранённые строки остаются; импортируйте тот же файл снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Сохранить отклонённые строки</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The rejected rows were saved to %1.</source>
        <translation>Отклонённые строки сохранены в %1.</translation>
    </message>
    <message>
        <source>[card number removed]</source>
        <translation>[номер карты удалён]</translation>
    </message>
    <message>
        <source>One subject&apos;s data (JSON)</source>
        <translation>Данные одного субъекта (JSON)</translation>
    </message>
    <message>
        <source>Subjects (*.csv *.jsonl *.ndjson *.json *.txt);;All files (*)</source>
        <translation>Субъекты (*.csv *.jsonl *.ndjson *.json *.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>pd::ImportFile</name>
    <message>
        <source>&apos;%1&apos; is not a target: expected one of the understood columns, category.field (a data item, e.g. account.city) or ignore</source>
        <translation>&apos;%1&apos; — не назначение: ожидается один из понятных столбцов, категория.поле (элемент данных, например account.city) или ignore</translation>
    </message>
    <message>
        <source>%1: line %2: expected &apos;column = target&apos;</source>
        <translation>%1: строка %2: ожидается &apos;столбец = назначение&apos;</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <source>%1: line %2: column &apos;%3&apos; is mapped twice</source>
        <translation>%1: строка %2: столбец &apos;%3&apos; сопоставлен дважды</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: файл пуст</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>ожидалось полей: %1, найдено: %2</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation>%1: %2; ничего не импортировано</translation>
    </message>
    <message>
        <source>not a JSON object on one line</source>
        <translation>не объект JSON в одной строке</translation>
    </message>
    <message>
        <source>%1: the file has no JSON objects</source>
        <translation>%1: в файле нет объектов JSON</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: expected text, a number or null</source>
        <translation>поле &apos;%1&apos;: ожидается текст, число или null</translation>
    </message>
    <message>
        <source>%1: row 1: column &apos;%2&apos; appears twice</source>
        <translation>%1: строка 1: столбец &apos;%2&apos; встречается дважды</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not understood and is ignored (map it to a data field to import it)</source>
        <translation>столбец &apos;%1&apos; не распознан и пропущен (сопоставьте его полю данных, чтобы импортировать)</translation>
    </message>
    <message>
        <source>%1: row 1: columns &apos;%2&apos; and &apos;%3&apos; both go to &apos;%4&apos;</source>
        <translation>%1: строка 1: столбцы &apos;%2&apos; и &apos;%3&apos; оба попадают в &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1: the mapping names column &apos;%2&apos;, which the file does not have</source>
        <translation>%1: сопоставление называет столбец &apos;%2&apos;, которого нет в файле</translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON (%2)</source>
        <translation>%1: это не данные субъекта в JSON (%2)</translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON: there is no &quot;items&quot; list</source>
        <translation>%1: это не данные субъекта в JSON: нет списка &quot;items&quot;</translation>
    </message>
    <message>
        <source>%1: item %2: category and field must be lower-case names</source>
        <translation>%1: элемент %2: категория и поле должны быть именами в нижнем регистре</translation>
    </message>
    <message>
        <source>%1 items were hidden or anonymized in the export and are not imported</source>
        <translation>элементов, скрытых или обезличенных в выгрузке и не импортированных: %1</translation>
    </message>
    <message>
        <source>%1 further values of a field already taken are not imported</source>
        <translation>дополнительных значений уже взятого поля, не импортированных: %1</translation>
    </message>
    <message>
        <source>consents are not imported: they were given to the other controller</source>
        <translation>согласия не импортируются: они были даны другому оператору</translation>
    </message>
</context>
<context>
    <name>pd::ImportService</name>
    <message>
        <source>field &apos;controller&apos;: required (the database has no own controller)</source>
        <translation>поле &apos;controller&apos;: обязательно (в базе данных нет собственного оператора)</translation>
    </message>
    <message>
        <source>field &apos;controller&apos;: no controller with this code</source>
        <translation>поле &apos;controller&apos;: нет оператора с таким кодом</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: no purpose with this code</source>
        <translation>поле &apos;purpose&apos;: нет цели обработки с таким кодом</translation>
    </message>
    <message>
        <source>field &apos;collected_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;collected_at&apos;: ожидается прошедшая дата в формате YYYY-MM-DD</translation>
    </message>
    <message>
        <source>field &apos;external_id&apos;: the same id appears on an earlier row</source>
        <translation>поле &apos;external_id&apos;: такой же ID уже встречается в предыдущей строке</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: не удалось прочитать файл: %2</translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text</source>
        <translation>%1: файл не в кодировке UTF-8</translation>
    </message>
    <message>
        <source>%1: row %2, %3; nothing was imported</source>
        <translation>%1: строка %2, %3; ничего не импортировано</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>импорт %1</translation>
    </message>
    <message>
        <source>%1: cannot write the rejects file: %2</source>
        <translation>%1: не удалось записать файл отклонённых строк: %2</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose belongs to another controller</source>
        <translation>поле &apos;purpose&apos;: цель принадлежит другому оператору</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB; split it into smaller files</source>
        <translation>%1: больше %2 МиБ; разделите его на файлы меньшего размера</translation>
    </message>
    <message>
        <source>row %1: subject #%2 was blocked, anonymized or deleted meanwhile</source>
        <translation>строка %1: субъект #%2 тем временем заблокирован, обезличен или удалён</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds what looks like a full card number, which is never stored; only a masked number may be imported</source>
        <translation>поле &apos;%1&apos;: содержит то, что похоже на полный номер карты, который никогда не сохраняется; импортировать можно только маскированный номер</translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: a name or an e-mail is required</source>
        <translation>поле &apos;full_name&apos;: требуется имя или e-mail</translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: longer than %1 characters</source>
        <translation>поле &apos;full_name&apos;: длиннее %1 символов</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: secrets (tokens, keys, passwords) are not imported</source>
        <translation>поле &apos;%1&apos;: секреты (токены, ключи, пароли) не импортируются</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: required (a column, or --purpose for every row)</source>
        <translation>поле &apos;purpose&apos;: обязательно (столбец или --purpose для всех строк)</translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;consent_given_at&apos;: не дата в прошлом в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: the purpose is not based on consent</source>
        <translation>поле &apos;consent_given_at&apos;: цель обработки основана не на согласии</translation>
    </message>
    <message>
        <source>field &apos;policy_version&apos;: required with consent_given_at (the version the subject agreed to)</source>
        <translation>поле &apos;policy_version&apos;: обязательно вместе с consent_given_at (версия, с которой согласился субъект)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: the same e-mail appears on an earlier row</source>
        <translation>поле &apos;email&apos;: тот же e-mail встречается в одной из предыдущих строк</translation>
    </message>
    <message>
        <source>%1: row 1: the file needs a name (full_name, or first_name and last_name) or an email column, and a purpose column unless --purpose names the purpose of every row</source>
        <translation>%1: строка 1: в файле нужен столбец имени (full_name или first_name и last_name) или email, а также столбец purpose, если --purpose не задаёт цель для всех строк</translation>
    </message>
    <message>
        <source>--purpose: no purpose with this code</source>
        <translation>--purpose: нет цели с таким кодом</translation>
    </message>
    <message>
        <source>the subject it names is blocked: its data is not changed until the block is lifted</source>
        <translation>названный субъект заблокирован: его данные не меняются, пока блокировка не снята</translation>
    </message>
    <message>
        <source>%1: rows %2-%3: %4</source>
        <translation>%1: строки %2–%3: %4</translation>
    </message>
    <message>
        <source>; the rows up to row %1 were stored, import the same file again to carry on</source>
        <translation>; строки до %1 включительно сохранены, импортируйте тот же файл снова, чтобы продолжить</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose is retired (no new data is collected for it)</source>
        <translation>поле &apos;purpose&apos;: цель обработки выведена из использования (новые данные для неё не собираются)</translation>
    </message>
</context>
<context>
    <name>pd::Labels</name>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>ответственный за защиту данных</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>сотрудник поддержки</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>аудитор</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Технические данные</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Голос</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Интеграция</translation>
    </message>
    <message>
        <source>Mailing recipient</source>
        <translation>Получатель рассылки</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
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
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Card number (masked)</source>
        <translation>Номер карты (маскированный)</translation>
    </message>
    <message>
        <source>Card expiry</source>
        <translation>Срок действия карты</translation>
    </message>
    <message>
        <source>Cardholder</source>
        <translation>Держатель карты</translation>
    </message>
    <message>
        <source>Transaction id</source>
        <translation>ID транзакции</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Браузер</translation>
    </message>
    <message>
        <source>Cookie id</source>
        <translation>ID cookie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Источник перехода</translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation>UTM-метки</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Токен доступа</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Токен обновления</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Секрет</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
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
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>List of disclosures</source>
        <translation>Перечень передач</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Уточнение</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <source>Restriction</source>
        <translation>Ограничение</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Возражение</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <source>Portability</source>
        <translation>Переносимость</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Identity pending</source>
        <translation>Проверка личности</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>На согласовании</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выполнен</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозван</translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation>Ваша роль (%1) не позволяет %2.</translation>
    </message>
    <message>
        <source>Belarus 99-Z</source>
        <translation>Беларусь, Закон 99-З</translation>
    </message>
    <message>
        <source>GDPR</source>
        <translation>GDPR</translation>
    </message>
    <message>
        <source>UK GDPR</source>
        <translation>UK GDPR (Великобритания)</translation>
    </message>
    <message>
        <source>CCPA/CPRA</source>
        <translation>CCPA/CPRA</translation>
    </message>
    <message>
        <source>Russia 152-FZ</source>
        <translation>Россия, 152-ФЗ</translation>
    </message>
    <message>
        <source>Brazil LGPD</source>
        <translation>Бразилия, LGPD</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>On paper</source>
        <translation>На бумаге</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>по e-mail</translation>
    </message>
    <message>
        <source>by letter</source>
        <translation>письмом</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>лично</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>удовлетворён</translation>
    </message>
    <message>
        <source>partly granted</source>
        <translation>удовлетворён частично</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>согласование</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>инцидент</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>календарь</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>согласие</translation>
    </message>
    <message>
        <source>database</source>
        <translation>база данных</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>демонстрационные данные</translation>
    </message>
    <message>
        <source>act of destruction</source>
        <translation>акт об уничтожении</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>letter template</source>
        <translation>шаблон ответа</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>политика</translation>
    </message>
    <message>
        <source>report</source>
        <translation>отчёт</translation>
    </message>
    <message>
        <source>request</source>
        <translation>запрос</translation>
    </message>
    <message>
        <source>retention</source>
        <translation>срок хранения</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>настройка</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>субъект</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>цель обработки</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>information system</source>
        <translation>информационная система</translation>
    </message>
    <message>
        <source>processor</source>
        <translation>уполномоченное лицо</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>белорусский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход выполнен</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Неудачный вход</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Пользователь добавлен</translation>
    </message>
    <message>
        <source>Operator&apos;s role changed</source>
        <translation>Роль пользователя изменена</translation>
    </message>
    <message>
        <source>Operator reactivated</source>
        <translation>Пользователь снова включён</translation>
    </message>
    <message>
        <source>Operator deactivated</source>
        <translation>Пользователь отключён</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>Operator locked out</source>
        <translation>Пользователь заблокирован</translation>
    </message>
    <message>
        <source>Operator unlocked</source>
        <translation>Пользователь разблокирован</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Настройки изменены</translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation>Создана резервная копия базы</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>База восстановлена</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>Созданы демонстрационные данные</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Просмотрено</translation>
    </message>
    <message>
        <source>Subject registered</source>
        <translation>Субъект зарегистрирован</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Исправлено</translation>
    </message>
    <message>
        <source>Block lifted</source>
        <translation>Блокировка снята</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Updated by an import</source>
        <translation>Обновлено импортом</translation>
    </message>
    <message>
        <source>Items deleted (retention)</source>
        <translation>Элементы удалены (срок хранения)</translation>
    </message>
    <message>
        <source>Items anonymized (retention)</source>
        <translation>Элементы обезличены (срок хранения)</translation>
    </message>
    <message>
        <source>End of contract recorded</source>
        <translation>Записано окончание договора</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Юридическое удержание</translation>
    </message>
    <message>
        <source>Legal hold lifted</source>
        <translation>Юридическое удержание снято</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>Запрос зарегистрирован</translation>
    </message>
    <message>
        <source>Request viewed</source>
        <translation>Запрос просмотрен</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Личность проверена</translation>
    </message>
    <message>
        <source>Requester asked</source>
        <translation>Запрошено у заявителя</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>Отсчёт срока возобновлён</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Срок продлён</translation>
    </message>
    <message>
        <source>Request assigned</source>
        <translation>Назначен исполнитель</translation>
    </message>
    <message>
        <source>Request carried out</source>
        <translation>Запрос исполнен</translation>
    </message>
    <message>
        <source>Request sent for approval</source>
        <translation>Запрос направлен на согласование</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>Ответ отправлен</translation>
    </message>
    <message>
        <source>Request completed</source>
        <translation>Запрос завершён</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Отказ по запросу</translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation>Запрос отозван</translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation>Добавлен комментарий</translation>
    </message>
    <message>
        <source>Approval asked for</source>
        <translation>Запрошено согласование</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Согласовано</translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation>Согласование отклонено</translation>
    </message>
    <message>
        <source>Approval withdrawn</source>
        <translation>Согласование отменено</translation>
    </message>
    <message>
        <source>Purpose added</source>
        <translation>Цель обработки добавлена</translation>
    </message>
    <message>
        <source>Purpose changed</source>
        <translation>Цель обработки изменена</translation>
    </message>
    <message>
        <source>Purpose retired</source>
        <translation>Цель обработки выведена из использования</translation>
    </message>
    <message>
        <source>Purpose reinstated</source>
        <translation>Цель обработки возвращена в использование</translation>
    </message>
    <message>
        <source>Controller added</source>
        <translation>Оператор добавлен</translation>
    </message>
    <message>
        <source>Controller changed</source>
        <translation>Оператор изменён</translation>
    </message>
    <message>
        <source>Information system added</source>
        <translation>Информационная система добавлена</translation>
    </message>
    <message>
        <source>Information system changed</source>
        <translation>Информационная система изменена</translation>
    </message>
    <message>
        <source>Processor changed</source>
        <translation>Уполномоченное лицо изменено</translation>
    </message>
    <message>
        <source>Calendar day set</source>
        <translation>Задан день календаря</translation>
    </message>
    <message>
        <source>Calendar day removed</source>
        <translation>Удалён день календаря</translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation>Очистка по срокам хранения</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Отчёт выгружен</translation>
    </message>
    <message>
        <source>Act of destruction drawn up</source>
        <translation>Составлен акт об уничтожении</translation>
    </message>
    <message>
        <source>Breach recorded</source>
        <translation>Инцидент зарегистрирован</translation>
    </message>
    <message>
        <source>Authority notified of a breach</source>
        <translation>Уполномоченный орган уведомлён об инциденте</translation>
    </message>
    <message>
        <source>Subjects told of a breach</source>
        <translation>Субъекты уведомлены об инциденте</translation>
    </message>
    <message>
        <source>Policy version recorded</source>
        <translation>Записана версия политики</translation>
    </message>
    <message>
        <source>Letter template changed</source>
        <translation>Шаблон ответа изменён</translation>
    </message>
    <message>
        <source>Letter template reset</source>
        <translation>Шаблон ответа сброшен</translation>
    </message>
</context>
<context>
    <name>pd::LegalHoldService</name>
    <message>
        <source>subject #%1 is anonymized: nothing of it is left to hold</source>
        <translation>субъект #%1 обезличен: удерживать нечего</translation>
    </message>
    <message>
        <source>subject #%1 is not on hold</source>
        <translation>субъект #%1 не под удержанием</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplate</name>
    <message>
        <source>line %1: “{{” is not closed with “}}”</source>
        <translation>строка %1: «{{» не закрыто «}}»</translation>
    </message>
    <message>
        <source>line %1: unknown placeholder {{%2}}</source>
        <translation>строка %1: неизвестное поле подстановки {{%2}}</translation>
    </message>
    <message>
        <source>line %1: {{/%2}} closes a section that was not opened</source>
        <translation>строка %1: {{/%2}} закрывает блок, который не был открыт</translation>
    </message>
    <message>
        <source>line %1: {{/%2}} does not close {{%3%4}} opened on line %5</source>
        <translation>строка %1: {{/%2}} не закрывает блок {{%3%4}}, открытый в строке %5</translation>
    </message>
    <message>
        <source>line %1: section {{%2%3}} is not closed with {{/%3}}</source>
        <translation>строка %1: блок {{%2%3}} не закрыт тегом {{/%3}}</translation>
    </message>
    <message>
        <source>the request&apos;s number</source>
        <translation>номер запроса</translation>
    </message>
    <message>
        <source>the right asked for, e.g. erasure of personal data</source>
        <translation>запрошенное право, например удаление персональных данных</translation>
    </message>
    <message>
        <source>the day the request was received</source>
        <translation>дата получения запроса</translation>
    </message>
    <message>
        <source>the last day to answer</source>
        <translation>последний день для ответа</translation>
    </message>
    <message>
        <source>the date of this reply</source>
        <translation>дата этого ответа</translation>
    </message>
    <message>
        <source>who wrote: the subject&apos;s full name</source>
        <translation>кто обратился: полное имя субъекта</translation>
    </message>
    <message>
        <source>the requester&apos;s postal address</source>
        <translation>почтовый адрес заявителя</translation>
    </message>
    <message>
        <source>the requester&apos;s e-mail</source>
        <translation>e-mail заявителя</translation>
    </message>
    <message>
        <source>the representative, when there is one</source>
        <translation>представитель, если он есть</translation>
    </message>
    <message>
        <source>what the request asked for</source>
        <translation>суть запроса</translation>
    </message>
    <message>
        <source>what was done</source>
        <translation>что сделано</translation>
    </message>
    <message>
        <source>why the request was refused (empty otherwise)</source>
        <translation>причина отказа (иначе пусто)</translation>
    </message>
    <message>
        <source>the full name of the law of the request&apos;s regime</source>
        <translation>полное название закона, по которому подан запрос</translation>
    </message>
    <message>
        <source>the article giving the right asked for</source>
        <translation>статья, дающая запрошенное право</translation>
    </message>
    <message>
        <source>where the requester may complain</source>
        <translation>куда заявитель может подать жалобу</translation>
    </message>
    <message>
        <source>the article giving the right to complain</source>
        <translation>статья, дающая право на жалобу</translation>
    </message>
    <message>
        <source>the controller&apos;s name</source>
        <translation>наименование оператора</translation>
    </message>
    <message>
        <source>the controller&apos;s address</source>
        <translation>адрес оператора</translation>
    </message>
    <message>
        <source>the controller&apos;s contact for questions</source>
        <translation>контакт оператора для вопросов</translation>
    </message>
    <message>
        <source>the data protection officer&apos;s contact</source>
        <translation>контакт ответственного за защиту данных</translation>
    </message>
    <message>
        <source>who signs the reply</source>
        <translation>кто подписывает ответ</translation>
    </message>
    <message>
        <source>the signatory&apos;s position</source>
        <translation>должность подписанта</translation>
    </message>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation>язык письма &apos;%1&apos;: ожидается одно из: %2</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateDialog</name>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Reply (completed or refused)</source>
        <translation>Ответ (выполнение или отказ)</translation>
    </message>
    <message>
        <source>Reply Letter Templates</source>
        <translation>Шаблоны ответов</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>&amp;Письмо:</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Текст шаблона</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Поля подстановки</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Вставить</translation>
    </message>
    <message>
        <source>Insert the chosen placeholder at the cursor (or double-click it)</source>
        <translation>Вставить выбранное поле подстановки в позицию курсора (или дважды щёлкните по нему)</translation>
    </message>
    <message>
        <source>{{#name}}…{{/name}}: only when name has a value.
{{^name}}…{{/name}}: only when it has none.</source>
        <translation>{{#name}}…{{/name}}: только если у name есть значение.
{{^name}}…{{/name}}: только если значения нет.</translation>
    </message>
    <message>
        <source>Placeholders:</source>
        <translation>Поля подстановки:</translation>
    </message>
    <message>
        <source>Letter preview with sample values</source>
        <translation>Предпросмотр письма с примерами значений</translation>
    </message>
    <message>
        <source>Preview as a &amp;refusal</source>
        <translation>Просмотр в виде &amp;отказа</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Шаблон</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Пред&amp;просмотр</translation>
    </message>
    <message>
        <source>Reset to &amp;Built-in</source>
        <translation>Вернуть &amp;встроенный</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Предпросмотр</translation>
    </message>
    <message>
        <source>Built-in template</source>
        <translation>Встроенный шаблон</translation>
    </message>
    <message>
        <source>Edited by %1 on %2</source>
        <translation>Изменён пользователем %1 %2</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>только чтение</translation>
    </message>
    <message>
        <source>Reset to Built-in</source>
        <translation>Вернуть встроенный</translation>
    </message>
    <message>
        <source>Replace the %1 %2 template with the built-in one? The office&apos;s edited text is lost.</source>
        <translation>Заменить шаблон (%1, %2) встроенным? Текст, изменённый в организации, будет потерян.</translation>
    </message>
    <message>
        <source>Unsaved Template</source>
        <translation>Несохранённый шаблон</translation>
    </message>
    <message>
        <source>Discard your changes to the %1 %2 template?</source>
        <translation>Отменить изменения шаблона (%1, %2)?</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Изменений пока нет.</translation>
    </message>
    <message>
        <source>Fix the problem under the template first.</source>
        <translation>Сначала исправьте ошибку, указанную под шаблоном.</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateStore</name>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation>язык письма &apos;%1&apos;: ожидается одно из: %2</translation>
    </message>
    <message>
        <source>letter kind &apos;%1&apos;: expected one of %2</source>
        <translation>вид письма &apos;%1&apos;: ожидается одно из: %2</translation>
    </message>
    <message>
        <source>the built-in %1 template for &apos;%2&apos; is missing from this build</source>
        <translation>встроенный шаблон %1 для &apos;%2&apos; отсутствует в этой сборке</translation>
    </message>
    <message>
        <source>the template is empty</source>
        <translation>шаблон пуст</translation>
    </message>
    <message>
        <source>controller #%1 does not exist</source>
        <translation>оператор #%1 не существует</translation>
    </message>
    <message>
        <source>no controller of kind &apos;own&apos; is recorded</source>
        <translation>не записан оператор вида &apos;own&apos;</translation>
    </message>
</context>
<context>
    <name>pd::LockScreen</name>
    <message>
        <source>Privacy Desk is locked.</source>
        <translation>Окно Privacy Desk заблокировано.</translation>
    </message>
    <message>
        <source>Enter the password of %1 to continue.</source>
        <translation>Чтобы продолжить, введите пароль пользователя %1.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Пароль пользователя %1</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>Close Privacy Desk; the next operator signs in when it starts again</source>
        <translation>Закрыть Privacy Desk; следующий пользователь войдёт при следующем запуске</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Введите пароль.</translation>
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
        <source>%1 — Privacy Desk</source>
        <translation>%1 — Privacy Desk</translation>
    </message>
    <message>
        <source>About Privacy Desk</source>
        <translation>О программе Privacy Desk</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать окно</translation>
    </message>
    <message>
        <source>Hide everything until your password is entered again</source>
        <translation>Скрыть всё до повторного ввода пароля</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>Pending &amp;Approvals…</source>
        <translation>Ожидающие &amp;согласования…</translation>
    </message>
    <message>
        <source>Irreversible actions waiting for a second officer (Ctrl+Shift+A)</source>
        <translation>Необратимые действия, ожидающие второго ответственного (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Пользователь: %1 (%2)</translation>
    </message>
    <message>
        <source>Locked — Privacy Desk</source>
        <translation>Заблокировано — Privacy Desk</translation>
    </message>
    <message numerus="yes">
        <source>%Ln approval(s) waiting</source>
        <translation>
            <numerusform>%Ln согласование ожидает</numerusform>
            <numerusform>%Ln согласования ожидают</numerusform>
            <numerusform>%Ln согласований ожидают</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Subjects</source>
        <translation>&amp;Субъекты</translation>
    </message>
    <message>
        <source>Reply Letter &amp;Templates…</source>
        <translation>&amp;Шаблоны ответов…</translation>
    </message>
    <message>
        <source>Working-Day &amp;Calendars…</source>
        <translation>&amp;Календари рабочих дней…</translation>
    </message>
    <message>
        <source>&amp;Retention Sweep…</source>
        <translation>&amp;Очистка по срокам хранения…</translation>
    </message>
    <message>
        <source>&amp;Import Subjects…</source>
        <translation>&amp;Импорт субъектов…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite %3, PostgreSQL client %4, libsodium %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Учёт персональных данных, реестр целей обработки и запросов субъектов персональных данных для ответственных за защиту персональных данных, сотрудников поддержки и аудиторов.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite %3, клиент PostgreSQL %4, libsodium %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Request…</source>
        <translation>&amp;Новый запрос…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
        <source>Sign in to another database; this window closes once you are signed in there</source>
        <translation>Войти в другую базу данных; это окно закроется после входа туда</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Открыта сейчас</translation>
    </message>
    <message>
        <source>No databases yet</source>
        <translation>Пока нет баз данных</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Очистить список</translation>
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
    <name>pd::OpenDatabaseDialog</name>
    <message>
        <source>Open Database — Privacy Desk</source>
        <translation>Открыть базу данных — Privacy Desk</translation>
    </message>
    <message>
        <source>A database &amp;file on this computer (SQLite)</source>
        <translation>&amp;Файл базы данных на этом компьютере (SQLite)</translation>
    </message>
    <message>
        <source>e.g. /srv/privacy/office.sqlite; a new file starts a new database</source>
        <translation>например, /srv/privacy/office.sqlite; новый файл — новая база</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Об&amp;зор…</translation>
    </message>
    <message>
        <source>A shared database on a &amp;server (PostgreSQL)</source>
        <translation>Общая база данных на &amp;сервере (PostgreSQL)</translation>
    </message>
    <message>
        <source>e.g. db.office.example</source>
        <translation>например, db.office.example</translation>
    </message>
    <message>
        <source>e.g. privacydesk</source>
        <translation>например, privacydesk</translation>
    </message>
    <message>
        <source>asked every time, never stored</source>
        <translation>спрашивается каждый раз, не сохраняется</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>Enter the database file, or choose it with Browse.</source>
        <translation>Укажите файл базы данных или выберите его кнопкой «Обзор».</translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file in it.</source>
        <translation>%1 — это папка; укажите файл в ней.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Укажите имя хоста сервера.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Укажите имя базы данных на сервере.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>Privacy Desk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Базы Privacy Desk (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>pd::OperatorsPage</name>
    <message>
        <source>Who may sign in to this database, and what each may do. Accounts are never deleted: a deactivated operator can no longer sign in, and their history stays.</source>
        <translation>Кто может входить в эту базу данных и что каждому разрешено. Учётные записи не удаляются: отключённый оператор больше не может войти, а его история сохраняется.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>Change &amp;Role…</source>
        <translation>Сменить &amp;роль…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Отключить…</translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation>Сбросить &amp;пароль…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Раз&amp;блокировать</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Заблокирован до %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>Add Operator</source>
        <translation>Добавление оператора</translation>
    </message>
    <message>
        <source>The new operator signs in with this name and password and is asked for nothing else. Tell them the password in person; they cannot change it themselves yet.</source>
        <translation>Новый оператор входит с этим именем и паролем, больше ничего не спрашивается. Сообщите пароль лично: сменить его сам оператор пока не может.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>Имя для входа:</translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation>например, iivanov</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Отображаемое имя:</translation>
    </message>
    <message>
        <source>e.g. Jane Smith</source>
        <translation>например, Ирина Иванова</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was added</source>
        <translation>пароли не совпадают; ничего не добавлено</translation>
    </message>
    <message>
        <source>Operator %1 was added.</source>
        <translation>Оператор %1 добавлен.</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Смена роли</translation>
    </message>
    <message>
        <source>What %1 may do from their next sign-in. A window already open keeps the old role until it is closed.</source>
        <translation>Что %1 сможет делать со следующего входа. Уже открытое окно сохраняет прежнюю роль, пока его не закроют.</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Сменить</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>Теперь у %1 роль: %2.</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 снова может входить.</translation>
    </message>
    <message>
        <source>Deactivate Operator</source>
        <translation>Отключение оператора</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in. What they did stays in the audit trail under their name, and the account can be activated again.</source>
        <translation>Отключить %1? Оператор больше не сможет войти. Его действия остаются в журнале аудита под его именем, а учётную запись можно включить снова.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 больше не может входить.</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>Sets a new password for %1 and lifts a lock-out. The old password stops working at once.</source>
        <translation>Задаёт новый пароль для %1 и снимает блокировку. Старый пароль сразу перестаёт действовать.</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Сбросить</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>the two passwords differ; the password was not changed</source>
        <translation>пароли не совпадают; пароль не изменён</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>Пароль %1 сброшен.</translation>
    </message>
    <message>
        <source>%1 may try to sign in again.</source>
        <translation>%1 снова может попытаться войти.</translation>
    </message>
    <message>
        <source>A&amp;ctivate</source>
        <translation>&amp;Включить</translation>
    </message>
</context>
<context>
    <name>pd::PdfPages</name>
    <message>
        <source>the PDF writer produced no document</source>
        <translation>при формировании PDF документ не создан</translation>
    </message>
    <message>
        <source>drawing a document needs the graphical application (fonts)</source>
        <translation>для формирования документа нужно графическое приложение (шрифты)</translation>
    </message>
    <message>
        <source>the document could not be started</source>
        <translation>не удалось начать формирование документа</translation>
    </message>
    <message>
        <source>the document could not be finished</source>
        <translation>не удалось завершить формирование документа</translation>
    </message>
</context>
<context>
    <name>pd::Permissions</name>
    <message>
        <source>sign in first: %1 needs an operator</source>
        <translation>сначала войдите: действие «%1» требует входа пользователя</translation>
    </message>
    <message>
        <source>operator %1 (%2) may not %3</source>
        <translation>пользователю %1 (%2) не разрешено %3</translation>
    </message>
    <message>
        <source>view personal data</source>
        <translation>просматривать персональные данные</translation>
    </message>
    <message>
        <source>correct personal data</source>
        <translation>исправлять персональные данные</translation>
    </message>
    <message>
        <source>block or unblock personal data</source>
        <translation>блокировать и разблокировать персональные данные</translation>
    </message>
    <message>
        <source>anonymize personal data</source>
        <translation>обезличивать персональные данные</translation>
    </message>
    <message>
        <source>delete personal data</source>
        <translation>удалять персональные данные</translation>
    </message>
    <message>
        <source>change consents</source>
        <translation>изменять согласия</translation>
    </message>
    <message>
        <source>import personal data</source>
        <translation>импортировать персональные данные</translation>
    </message>
    <message>
        <source>handle data-subject requests</source>
        <translation>обрабатывать запросы субъектов персональных данных</translation>
    </message>
    <message>
        <source>change processing purposes</source>
        <translation>изменять цели обработки</translation>
    </message>
    <message>
        <source>export whole registers</source>
        <translation>выгружать реестры целиком</translation>
    </message>
    <message>
        <source>approve irreversible actions</source>
        <translation>согласовывать необратимые действия</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>читать журнал аудита</translation>
    </message>
    <message>
        <source>manage operators</source>
        <translation>управлять пользователями</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>изменять настройки</translation>
    </message>
    <message>
        <source>change reply-letter templates</source>
        <translation>изменять шаблоны ответов</translation>
    </message>
    <message>
        <source>record personal-data breaches</source>
        <translation>регистрировать нарушения безопасности персональных данных</translation>
    </message>
</context>
<context>
    <name>pd::PrivateFile</name>
    <message>
        <source>cannot create %1: %2</source>
        <translation>не удаётся создать %1: %2</translation>
    </message>
    <message>
        <source>cannot make %1 readable by its owner only: %2</source>
        <translation>не удаётся сделать %1 доступным только владельцу: %2</translation>
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
    <message>
        <source>%1: the profile is larger than %2 MiB</source>
        <translation>%1: профиль больше %2 МиБ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not what retention ends with (expected delete or anonymize)</source>
        <translation>«%1» — не то, чем заканчивается хранение (ожидалось delete или anonymize)</translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (expected &apos;CATEGORY | RULE | ACTION | TEXT&apos;, the last two optional)</source>
        <translation>частей, разделённых &apos;|&apos;: %1 (ожидается &apos;CATEGORY | RULE | ACTION | TEXT&apos;, последние две необязательны)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of this purpose&apos;s categories (expected one of: %2)</source>
        <translation>&apos;%1&apos; — не категория данных этой цели (ожидается одна из: %2)</translation>
    </message>
    <message>
        <source>category &apos;%1&apos; is given a period twice</source>
        <translation>для категории &apos;%1&apos; срок задан дважды</translation>
    </message>
    <message>
        <source>expected &apos;NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT&apos;, the last three optional</source>
        <translation>ожидается &apos;NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT&apos;, последние три необязательны</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither yes nor no</source>
        <translation>&apos;%1&apos; — не yes и не no</translation>
    </message>
    <message>
        <source>is given for a purpose without special categories of data (expected &apos;special = yes&apos; with it)</source>
        <translation>указано для цели без специальных категорий данных (вместе с ним ожидается &apos;special = yes&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a DPIA status (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недопустимый статус DPIA (ожидается один из: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (expected YYYY-MM-DD)</source>
        <translation>&apos;%1&apos; — не дата (ожидается YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; and &apos;category_retention&apos; may repeat)</source>
        <translation>указано дважды в [%1] (впервые в строке %2; повторяться могут только &apos;recipient&apos; и &apos;category_retention&apos;)</translation>
    </message>
</context>
<context>
    <name>pd::ProgressJob</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation>Остановка после текущего пакета…</translation>
    </message>
</context>
<context>
    <name>pd::PurposeDetails</name>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation>Специальные категории данных</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Да: %1</translation>
    </message>
    <message>
        <source>condition not stated</source>
        <translation>условие не указано</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Automated decisions</source>
        <translation>Автоматизированные решения</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation>Оценка воздействия на защиту данных</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Retired on %1: no new data or consent is taken for it</source>
        <translation>Выведена из использования %1: новые данные и согласия для неё не принимаются</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Our role</source>
        <translation>Наша роль</translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation>Договор с клиентом</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation>Совместный оператор</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Обработка</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Информационная система</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Срок хранения</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>Все данные</translation>
    </message>
    <message>
        <source>Other data</source>
        <translation>Остальные данные</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>Уничтожение</translation>
    </message>
    <message>
        <source>Recipients and transfers</source>
        <translation>Получатели и трансграничная передача</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>contract: %1</source>
        <translation>договор: %1</translation>
    </message>
    <message>
        <source>Transfer abroad: %1</source>
        <translation>Трансграничная передача: %1</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Безопасность</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Меры</translation>
    </message>
</context>
<context>
    <name>pd::PurposeEditor</name>
    <message>
        <source>New Purpose</source>
        <translation>Новая цель обработки</translation>
    </message>
    <message>
        <source>Edit Purpose: %1</source>
        <translation>Изменение цели обработки: %1</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Цель</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Данные</translation>
    </message>
    <message>
        <source>&amp;Retention and security</source>
        <translation>&amp;Хранение и безопасность</translation>
    </message>
    <message>
        <source>Re&amp;cipients and transfers</source>
        <translation>Полу&amp;чатели и трансграничная передача</translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;, such as support-chat</source>
        <translation>строчные латинские буквы, цифры и &apos;-&apos;, например support-chat</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>as the privacy policy words it</source>
        <translation>как сформулировано в политике</translation>
    </message>
    <message>
        <source>the article or clause, such as GDPR art. 6(1)(b)</source>
        <translation>статья или пункт, например GDPR art. 6(1)(b)</translation>
    </message>
    <message>
        <source>Special categories of data (health, biometrics, beliefs, ...)</source>
        <translation>Специальные категории данных (здоровье, биометрия, убеждения, ...)</translation>
    </message>
    <message>
        <source>the condition that allows them, such as GDPR art. 9(2)(a) explicit consent</source>
        <translation>условие, допускающее их обработку, например GDPR art. 9(2)(a) явное согласие</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>Information s&amp;ystem:</source>
        <translation>&amp;Информационная система:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>Описани&amp;е:</translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation>&amp;Правовое основание:</translation>
    </message>
    <message>
        <source>Legal re&amp;ference:</source>
        <translation>&amp;Ссылка на норму:</translation>
    </message>
    <message>
        <source>Art. 9 co&amp;ndition:</source>
        <translation>&amp;Условие по ст. 9:</translation>
    </message>
    <message>
        <source>&amp;Automated decisions:</source>
        <translation>&amp;Автоматизированные решения:</translation>
    </message>
    <message>
        <source>Impact assessment (DP&amp;IA):</source>
        <translation>Оценка &amp;воздействия на защиту данных (DPIA):</translation>
    </message>
    <message>
        <source>comma-separated, such as Customers, Visitors</source>
        <translation>через запятую, например Клиенты, Посетители</translation>
    </message>
    <message>
        <source>comma-separated field names, such as name, email, phone</source>
        <translation>имена полей через запятую, например name, email, phone</translation>
    </message>
    <message>
        <source>the subject, a client, public sources, ...</source>
        <translation>субъект, клиент, общедоступные источники, ...</translation>
    </message>
    <message>
        <source>comma-separated, such as collection, storage, deletion</source>
        <translation>через запятую, например сбор, хранение, удаление</translation>
    </message>
    <message>
        <source>Categories of &amp;subjects:</source>
        <translation>Категории &amp;субъектов:</translation>
    </message>
    <message>
        <source>Categories of &amp;data:</source>
        <translation>Категории дан&amp;ных:</translation>
    </message>
    <message>
        <source>Data &amp;fields:</source>
        <translation>&amp;Поля данных:</translation>
    </message>
    <message>
        <source>S&amp;ource of the data:</source>
        <translation>&amp;Источник данных:</translation>
    </message>
    <message>
        <source>&amp;Kinds of processing:</source>
        <translation>&amp;Виды обработки:</translation>
    </message>
    <message>
        <source>the policy&apos;s own words for the period</source>
        <translation>формулировка срока из политики</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Kept, and the policy&apos;s words</source>
        <translation>Срок хранения и формулировка политики</translation>
    </message>
    <message>
        <source>Add a Period for a Category</source>
        <translation>Добавить срок для категории</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>how the data is destroyed</source>
        <translation>как уничтожаются данные</translation>
    </message>
    <message>
        <source>technical and organisational measures</source>
        <translation>технические и организационные меры</translation>
    </message>
    <message>
        <source>&amp;Kept:</source>
        <translation>&amp;Срок хранения:</translation>
    </message>
    <message>
        <source>The policy&apos;s &amp;words:</source>
        <translation>Формулировка &amp;политики:</translation>
    </message>
    <message>
        <source>Categories kept
for other periods:</source>
        <translation>Категории с другими
сроками хранения:</translation>
    </message>
    <message>
        <source>&amp;Destruction method:</source>
        <translation>Способ &amp;уничтожения:</translation>
    </message>
    <message>
        <source>Security &amp;measures:</source>
        <translation>&amp;Меры защиты:</translation>
    </message>
    <message>
        <source>ISO codes of the countries where the data is processed, such as BY, DE</source>
        <translation>коды ISO стран, в которых обрабатываются данные, например BY, DE</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Safeguards for a transfer</source>
        <translation>Гарантии при трансграничной передаче</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Add a Recipient</source>
        <translation>Добавить получателя</translation>
    </message>
    <message>
        <source>Co&amp;untries:</source>
        <translation>С&amp;траны:</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Получатели:</translation>
    </message>
    <message>
        <source>the policy&apos;s own words for this period</source>
        <translation>формулировка этого срока из политики</translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation>Опе&amp;ратор:</translation>
    </message>
</context>
<context>
    <name>pd::PurposeRegister</name>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation>нет цели &apos;%1&apos;</translation>
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
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Our role</source>
        <translation>Наша роль</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation>Договор с клиентом</translation>
    </message>
    <message>
        <source>New Controller...</source>
        <translation>Новый оператор...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Изменить...</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Where the data is</source>
        <translation>Где находятся данные</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>New System...</source>
        <translation>Новая система...</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Информационные системы</translation>
    </message>
    <message>
        <source>Safeguards</source>
        <translation>Гарантии</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Уполномоченные лица</translation>
    </message>
    <message>
        <source>Those who process data on our behalf (Decree 422: authorised persons)</source>
        <translation>Те, кто обрабатывает данные по нашему поручению (Decree 422: уполномоченные лица)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Record of processing of the selected purpose</source>
        <translation>Сведения об обработке по выбранной цели</translation>
    </message>
    <message>
        <source>&amp;New Purpose...</source>
        <translation>&amp;Новая цель...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>Из&amp;менить...</translation>
    </message>
    <message>
        <source>&amp;Retire...</source>
        <translation>Вывести из ис&amp;пользования...</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n category(ies) kept for other periods</source>
        <translation>
            <numerusform>%1; ещё %n категория со своим сроком</numerusform>
            <numerusform>%1; ещё %n категории со своими сроками</numerusform>
            <numerusform>%1; ещё %n категорий со своими сроками</numerusform>
        </translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Используется</translation>
    </message>
    <message>
        <source>Retired on %1</source>
        <translation>Выведена из использования %1</translation>
    </message>
    <message>
        <source>Select a purpose to see its record of processing.</source>
        <translation>Выберите цель, чтобы увидеть сведения об обработке.</translation>
    </message>
    <message>
        <source>&amp;Reinstate...</source>
        <translation>Вернуть в ис&amp;пользование...</translation>
    </message>
    <message>
        <source>New Purpose</source>
        <translation>Новая цель обработки</translation>
    </message>
    <message>
        <source>A purpose belongs to a controller. Add the controller first, on the Controllers tab.</source>
        <translation>Цель обработки принадлежит оператору. Сначала добавьте оператора на вкладке Операторы.</translation>
    </message>
    <message>
        <source>New Controller</source>
        <translation>Новый оператор</translation>
    </message>
    <message>
        <source>Edit Controller</source>
        <translation>Изменение оператора</translation>
    </message>
    <message>
        <source>Who decides why and how the data is processed: our own company, or a client for whom we process data on instructions.</source>
        <translation>Кто определяет цели и способы обработки данных: наша компания или клиент, по поручению которого мы обрабатываем данные.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Код:</translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;</source>
        <translation>строчные латинские буквы, цифры и &apos;-&apos;</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Our role:</source>
        <translation>Наша роль:</translation>
    </message>
    <message>
        <source>Contract with the client:</source>
        <translation>Договор с клиентом:</translation>
    </message>
    <message>
        <source>for a client: the contract we process under</source>
        <translation>для клиента: договор, по которому мы обрабатываем данные</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <source>ISO code, such as BY</source>
        <translation>код ISO, например BY</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Data protection officer:</source>
        <translation>Ответственный за защиту данных:</translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation>Представитель:</translation>
    </message>
    <message>
        <source>Joint controller:</source>
        <translation>Совместный оператор:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>New Information System</source>
        <translation>Новая информационная система</translation>
    </message>
    <message>
        <source>Edit Information System</source>
        <translation>Изменение информационной системы</translation>
    </message>
    <message>
        <source>An information system that holds personal data, and where the data is kept.</source>
        <translation>Информационная система, в которой содержатся персональные данные, и место хранения данных.</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>Where the data is:</source>
        <translation>Где находятся данные:</translation>
    </message>
    <message>
        <source>data centre, city, country</source>
        <translation>дата-центр, город, страна</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>Edit Processor</source>
        <translation>Изменение уполномоченного лица</translation>
    </message>
    <message numerus="yes">
        <source>Changes apply to every purpose this processor receives data for (%n purpose(s)).</source>
        <translation>
            <numerusform>Изменения касаются всех целей, для которых это уполномоченное лицо получает данные (%n цель).</numerusform>
            <numerusform>Изменения касаются всех целей, для которых это уполномоченное лицо получает данные (%n цели).</numerusform>
            <numerusform>Изменения касаются всех целей, для которых это уполномоченное лицо получает данные (%n целей).</numerusform>
        </translation>
    </message>
    <message>
        <source>ISO code, such as DE</source>
        <translation>код ISO, например DE</translation>
    </message>
    <message>
        <source>Safeguards for a transfer:</source>
        <translation>Гарантии при трансграничной передаче:</translation>
    </message>
    <message>
        <source>such as standard contractual clauses</source>
        <translation>например стандартные договорные условия</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Договор:</translation>
    </message>
    <message>
        <source>the agreement it processes under</source>
        <translation>договор, по которому оно обрабатывает данные</translation>
    </message>
    <message>
        <source>Retire Purpose</source>
        <translation>Вывод цели из использования</translation>
    </message>
    <message>
        <source>Reinstate Purpose</source>
        <translation>Возврат цели в использование</translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take no new data or consent from the day it is retired. Nothing is deleted: the data held for it stays under its retention rule, and the purpose stays in the register and its history.</source>
        <translation>С дня вывода из использования для цели &apos;%1&apos; не будут приниматься новые данные и согласия. Ничего не удаляется: хранимые для неё данные остаются под действием её срока хранения, а цель остаётся в реестре и в его истории.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take new data and consents again.</source>
        <translation>Для цели &apos;%1&apos; снова будут приниматься новые данные и согласия.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Вывести из использования</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>Вернуть в использование</translation>
    </message>
    <message>
        <source>Retired on:</source>
        <translation>Дата вывода из использования:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>why, for the audit trail</source>
        <translation>почему — для журнала аудита</translation>
    </message>
    <message>
        <source>Officers add them with New Purpose (a controller first, on the Controllers tab), or load a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
        <translation>Ответственные за защиту данных добавляют их кнопкой «Новая цель» (сначала оператора — на вкладке «Операторы») или загружают профиль политики, в котором для каждой цели обработки указаны правовое основание, категории данных, срок хранения и получатели:</translation>
    </message>
</context>
<context>
    <name>pd::RegisterEditor</name>
    <message>
        <source>code: &apos;%1&apos; is already used by another %2</source>
        <translation>код: &apos;%1&apos; уже занят другим объектом типа %2</translation>
    </message>
    <message>
        <source>there is no %1 &apos;%2&apos;</source>
        <translation>объект %1 &apos;%2&apos; не найден</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation>объект %1 &apos;%2&apos; тем временем изменён кем-то другим; откройте его снова, чтобы увидеть изменения</translation>
    </message>
    <message>
        <source>code: &apos;%1&apos; is not a valid code</source>
        <translation>код: &apos;%1&apos; — недопустимый код</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds a line break or &apos;|&apos;, which the register cannot keep</source>
        <translation>поле &apos;%1&apos;: содержит перевод строки или &apos;|&apos;, которые реестр не может сохранить</translation>
    </message>
    <message>
        <source>reason: a reason is required</source>
        <translation>причина: требуется указать причину</translation>
    </message>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation>нет цели &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; is in use, not retired</source>
        <translation>цель обработки &apos;%1&apos; используется и не выведена из использования</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2</source>
        <translation>цель обработки &apos;%1&apos; выведена из использования %2</translation>
    </message>
    <message>
        <source>name: a processor needs a name</source>
        <translation>наименование: у уполномоченного лица должно быть наименование</translation>
    </message>
    <message>
        <source>there is no processor &apos;%1&apos;</source>
        <translation>нет уполномоченного лица &apos;%1&apos;</translation>
    </message>
    <message>
        <source>processor &apos;%1&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation>уполномоченное лицо &apos;%1&apos; тем временем изменено кем-то другим; откройте его снова, чтобы увидеть изменения</translation>
    </message>
    <message>
        <source>the letterhead is that of one of the office&apos;s own controllers</source>
        <translation>бланк относится к одному из собственных операторов данных организации</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not part of the letterhead</source>
        <translation>поле «%1»: не входит в бланк</translation>
    </message>
</context>
<context>
    <name>pd::RegisterLabels</name>
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
    <message>
        <source>We are the controller</source>
        <translation>Мы — оператор</translation>
    </message>
    <message>
        <source>We process for this client</source>
        <translation>Мы обрабатываем по поручению клиента</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Уполномоченное лицо</translation>
    </message>
    <message>
        <source>External recipient</source>
        <translation>Внешний получатель</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Государственный орган</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренний получатель</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Не оценено</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Требуется</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>While the contract lasts</source>
        <translation>Пока действует договор</translation>
    </message>
    <message>
        <source>A period after an event</source>
        <translation>Срок после события</translation>
    </message>
    <message>
        <source>Until the backup expires</source>
        <translation>До истечения срока резервной копии</translation>
    </message>
    <message>
        <source>Until consent is withdrawn</source>
        <translation>До отзыва согласия</translation>
    </message>
    <message>
        <source>The period set by law</source>
        <translation>Срок, установленный законодательством</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>регистрации</translation>
    </message>
    <message>
        <source>the answer to the request</source>
        <translation>ответа на запрос</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>последнего посещения</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>сбора</translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation>окончания договора</translation>
    </message>
    <message>
        <source>withdrawal of consent</source>
        <translation>отзыва согласия</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Обезличить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) after %1</source>
        <translation>
            <numerusform>%n год после %1</numerusform>
            <numerusform>%n года после %1</numerusform>
            <numerusform>%n лет после %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) after %1</source>
        <translation>
            <numerusform>%n месяц после %1</numerusform>
            <numerusform>%n месяца после %1</numerusform>
            <numerusform>%n месяцев после %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, then anonymize</source>
        <translation>%1, затем обезличить</translation>
    </message>
    <message>
        <source>%1, then delete</source>
        <translation>%1, затем удалить</translation>
    </message>
</context>
<context>
    <name>pd::RegisterReports</name>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>Register of personal-data breaches</source>
        <translation>Реестр нарушений безопасности персональных данных</translation>
    </message>
    <message>
        <source>GDPR art. 33(5); Belarus Law 99-Z art. 16; Russia 152-FZ art. 21(3.1)</source>
        <translation>GDPR ст. 33(5); Закон 99-З ст. 16; 152-ФЗ ст. 21 ч. 3.1</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Discovered (UTC)</source>
        <translation>Обнаружено (UTC)</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Зарегистрировано (UTC)</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Зарегистрировал</translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation>Характер нарушения</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Категории данных</translation>
    </message>
    <message>
        <source>Subjects (approx.)</source>
        <translation>Затронуто субъектов (прибл.)</translation>
    </message>
    <message>
        <source>Records (approx.)</source>
        <translation>Затронуто записей (прибл.)</translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation>Возможные последствия</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Принятые меры</translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation>Предлагаемые меры</translation>
    </message>
    <message>
        <source>DPO contact</source>
        <translation>Контактное лицо (DPO)</translation>
    </message>
    <message>
        <source>High risk: subjects told (art. 34)</source>
        <translation>Высокий риск: уведомление субъектов (GDPR ст. 34)</translation>
    </message>
    <message>
        <source>Notifications to regulators</source>
        <translation>Уведомления уполномоченных органов</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Notify by (UTC)</source>
        <translation>Срок уведомления (UTC)</translation>
    </message>
    <message>
        <source>Result of the investigation by (UTC)</source>
        <translation>Срок сообщения о результатах расследования (UTC)</translation>
    </message>
    <message>
        <source>Notified (UTC)</source>
        <translation>Уведомлено (UTC)</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation>Причина задержки</translation>
    </message>
    <message>
        <source>%1: notified %2</source>
        <translation>%1: уведомлено %2</translation>
    </message>
    <message>
        <source>%1: due by %2</source>
        <translation>%1: срок — до %2</translation>
    </message>
    <message>
        <source>%1: no fixed time</source>
        <translation>%1: без установленного срока</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no high risk</source>
        <translation>высокого риска нет</translation>
    </message>
    <message>
        <source>told %1</source>
        <translation>уведомлены %1</translation>
    </message>
    <message>
        <source>to be told</source>
        <translation>требуется уведомить</translation>
    </message>
    <message>
        <source>Breach No. %1</source>
        <translation>Инцидент № %1</translation>
    </message>
    <message>
        <source>No breaches</source>
        <translation>Инцидентов нет</translation>
    </message>
    <message>
        <source>No personal-data breach has been recorded.</source>
        <translation>Нарушения безопасности персональных данных не зарегистрированы.</translation>
    </message>
    <message>
        <source>Log of disclosures to third parties</source>
        <translation>Журнал предоставления персональных данных третьим лицам</translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 12(2); GDPR art. 15(1)(c)</source>
        <translation>Закон 99-З ст. 12 п. 2; GDPR ст. 15(1)(c)</translation>
    </message>
    <message>
        <source>Disclosures</source>
        <translation>Предоставления</translation>
    </message>
    <message>
        <source>Disclosed (UTC)</source>
        <translation>Предоставлено (UTC)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Data disclosed</source>
        <translation>Предоставленные данные</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>(anonymized)</source>
        <translation>(обезличен)</translation>
    </message>
    <message>
        <source>%1 (blocked)</source>
        <translation>%1 (заблокирован)</translation>
    </message>
    <message>
        <source>No personal data was disclosed in this period.</source>
        <translation>За этот период персональные данные не предоставлялись.</translation>
    </message>
    <message>
        <source>Statistics of processing and requests</source>
        <translation>Статистика обработки персональных данных и запросов</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Requests received, by right</source>
        <translation>Полученные запросы по видам прав</translation>
    </message>
    <message>
        <source>Requests received, by status now</source>
        <translation>Полученные запросы по текущему статусу</translation>
    </message>
    <message>
        <source>Requests completed in the period</source>
        <translation>Запросы, выполненные за период</translation>
    </message>
    <message>
        <source>Subjects per purpose (now)</source>
        <translation>Субъекты по целям обработки (на текущий момент)</translation>
    </message>
    <message>
        <source>Subjects per data category (now)</source>
        <translation>Субъекты по категориям данных (на текущий момент)</translation>
    </message>
    <message>
        <source>Erasures per month</source>
        <translation>Удаления по месяцам</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>Доля выполненных в срок</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Нет данных.</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>в срок</translation>
    </message>
    <message>
        <source>late</source>
        <translation>с опозданием</translation>
    </message>
</context>
<context>
    <name>pd::ReplyStep</name>
    <message>
        <source>Reply to request #%1</source>
        <translation>Ответ на запрос #%1</translation>
    </message>
    <message>
        <source>The letter is made in %1 from the office&apos;s template (Tools → Reply letter templates) and kept with the request.</source>
        <translation>Письмо (язык: %1) составляется по шаблону организации (Инструменты → Шаблоны ответов) и сохраняется вместе с запросом.</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Make and record</source>
        <translation>Сформировать и записать</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <source>in the letter&apos;s language, e.g. Your data were erased from all our systems.</source>
        <translation>на языке письма, например: Ваши данные удалены из всех наших систем.</translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation>Основание отказа</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>По e-mail</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>Письмом</translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation>Вручён лично</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Дата отправки</translation>
    </message>
    <message>
        <source>Signatory&apos;s position</source>
        <translation>Должность подписанта</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>reply-%1.pdf</source>
        <translation>reply-%1.pdf</translation>
    </message>
    <message>
        <source>The reply letter is kept with the request. Save a copy of the PDF for sending?</source>
        <translation>Ответ сохранён вместе с запросом. Сохранить копию PDF для отправки?</translation>
    </message>
    <message>
        <source>Save reply letter</source>
        <translation>Сохранить ответ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>the letter is recorded, but the copy could not be written to %1: %2</source>
        <translation>ответ записан, но копию не удалось записать в %1: %2</translation>
    </message>
</context>
<context>
    <name>pd::ReportPdf</name>
    <message>
        <source>Generated by Privacy Desk %1 on %2 at %3 UTC by %4</source>
        <translation>Сформировано Privacy Desk %1 %2 в %3 UTC, оператор %4</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <source>name, date</source>
        <translation>ФИО, дата</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
</context>
<context>
    <name>pd::Reports</name>
    <message>
        <source>Data protection officer: %1</source>
        <translation>Ответственный за защиту данных: %1</translation>
    </message>
    <message>
        <source>Representative: %1</source>
        <translation>Представитель: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>the register has no client we process for; a processor&apos;s record needs one</source>
        <translation>в реестре нет клиента, по поручению которого мы обрабатываем данные; он нужен для реестра обработки по поручению</translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is our own; its record is the report ropa</source>
        <translation>controller: «%1» — наш собственный оператор; его реестр — отчёт ropa</translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is a client; its record is the report processor-record</source>
        <translation>controller: «%1» — клиент; его реестр — отчёт processor-record</translation>
    </message>
    <message>
        <source>Audit extract</source>
        <translation>Выписка из журнала аудита</translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation>Реестр операций по обработке персональных данных</translation>
    </message>
    <message>
        <source>Record of processing as a processor</source>
        <translation>Реестр обработки персональных данных по поручению</translation>
    </message>
    <message>
        <source>Register of requests</source>
        <translation>Реестр запросов</translation>
    </message>
    <message>
        <source>Act of destruction</source>
        <translation>Акт об уничтожении</translation>
    </message>
    <message>
        <source>Register of breaches</source>
        <translation>Реестр инцидентов</translation>
    </message>
    <message>
        <source>Disclosure log</source>
        <translation>Журнал предоставлений</translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation>Выписка из журнала аудита</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Subject&apos;s data (access, portability)</source>
        <translation>Данные субъекта (доступ, переносимость)</translation>
    </message>
    <message>
        <source>period: the first and the last day are required</source>
        <translation>period: нужно указать первый и последний день</translation>
    </message>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation>period: первый день не может быть позже последнего</translation>
    </message>
    <message>
        <source>unknown report</source>
        <translation>неизвестный отчёт</translation>
    </message>
    <message>
        <source>request: only a subject&apos;s data answers a request</source>
        <translation>request: к запросу прилагаются только данные субъекта</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Информационные системы</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Информационная система</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местонахождение</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Категории персональных данных</translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation>Специальные категории</translation>
    </message>
    <message>
        <source>Authorised persons (processors)</source>
        <translation>Уполномоченные лица</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>Сроки хранения</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Information systems (Belarus Decree 422 sub. 3.5)</source>
        <translation>Информационные системы (Указ № 422, подп. 3.5)</translation>
    </message>
    <message>
        <source>The register names no information system of this controller.</source>
        <translation>В реестре нет информационных систем этого оператора.</translation>
    </message>
    <message>
        <source>no purpose of the register uses it</source>
        <translation>ни одна цель реестра её не использует</translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>The controller&apos;s record of processing activities (GDPR art. 30(1), Belarus Decree 422 sub. 3.5), one row per activity as the ICO and CNIL templates lay it out.</source>
        <translation>Реестр операций по обработке персональных данных оператора (GDPR, ст. 30(1); Указ № 422, подп. 3.5): по строке на каждую операцию, как в шаблонах ICO и CNIL.</translation>
    </message>
    <message>
        <source>The record of the processing we carry out for a client (GDPR art. 30(2)).</source>
        <translation>Реестр обработки, которую мы осуществляем по поручению клиента (GDPR, ст. 30(2)).</translation>
    </message>
    <message>
        <source>Every request received in the period with all its fields, yearly counts per right and the on-time rate, for a transparency report.</source>
        <translation>Все запросы, полученные за период, со всеми полями, годовые показатели по каждому праву и доля выполненных в срок — для отчёта о прозрачности.</translation>
    </message>
    <message>
        <source>A numbered act confirming the destruction of personal data, with an extract of the event log. Drawing one up keeps it for three years; it can be printed again.</source>
        <translation>Нумерованный акт, подтверждающий уничтожение персональных данных, с выпиской из журнала событий. Составленный акт хранится три года; его можно распечатать повторно.</translation>
    </message>
    <message>
        <source>Every personal-data breach recorded, with the notice each regime wants and when it was made.</source>
        <translation>Все зарегистрированные нарушения безопасности персональных данных с уведомлениями, которых требует каждый режим, и датами их направления.</translation>
    </message>
    <message>
        <source>Disclosures of personal data to recipients in the period (Belarus Law 99-Z art. 12).</source>
        <translation>Предоставления персональных данных получателям за период (Закон Республики Беларусь № 99-З, ст. 12).</translation>
    </message>
    <message>
        <source>The audit trail of the period, with the verification of its hash chain.</source>
        <translation>Журнал аудита за период с проверкой цепочки хешей.</translation>
    </message>
    <message>
        <source>Requests per right and status, the on-time rate, subjects per purpose and category, erasures per month.</source>
        <translation>Запросы по правам и статусам, доля выполненных в срок, субъекты по целям и категориям, удаления по месяцам.</translation>
    </message>
    <message>
        <source>Everything held about one subject, with its rights, for an access or portability request: a readable PDF, JSON to take elsewhere, and CSV.</source>
        <translation>Все данные об одном субъекте и его права — для запроса на доступ или переносимость: удобочитаемый PDF, JSON для переноса и CSV.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Предпросмотр</translation>
    </message>
    <message>
        <source>Build the report and show it (Ctrl+Enter)</source>
        <translation>Сформировать отчёт и показать его (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Write the report to a file only you can read (Ctrl+S)</source>
        <translation>Записать отчёт в файл, доступный для чтения только вам (Ctrl+S)</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>П&amp;ечать…</translation>
    </message>
    <message>
        <source>Print the report&apos;s pages (Ctrl+P)</source>
        <translation>Распечатать страницы отчёта (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Give to the Request</source>
        <translation>При&amp;ложить к запросу</translation>
    </message>
    <message>
        <source>Keep the PDF, JSON and CSV with the access or portability request and carry it out</source>
        <translation>Сохранить PDF, JSON и CSV в запросе на доступ или переносимость и выполнить его</translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation>Предпросмотра пока нет</translation>
    </message>
    <message>
        <source>Choose a report and its parameters, then press Preview.</source>
        <translation>Выберите отчёт и его параметры, затем нажмите «Предпросмотр».</translation>
    </message>
    <message>
        <source>The file you save holds every row; the preview shows the first %1.</source>
        <translation>Сохраняемый файл содержит все строки; в предпросмотре показаны первые %1.</translation>
    </message>
    <message>
        <source>No reports for your role</source>
        <translation>Для вашей роли отчётов нет</translation>
    </message>
    <message>
        <source>Reports are made by privacy officers and auditors; administrators make the audit extract, support agents the subject&apos;s data for their requests.</source>
        <translation>Отчёты формируют ответственные за защиту данных и аудиторы; администраторы — выписку из журнала аудита, сотрудники поддержки — данные субъекта по своим запросам.</translation>
    </message>
    <message>
        <source>Draw Up an Act of Destruction</source>
        <translation>Составление акта об уничтожении</translation>
    </message>
    <message>
        <source>Draw up a new act of destruction for what you chose? It gets the next number and is kept for three years; to print an existing act again, choose &quot;Print an act again&quot; and its number.</source>
        <translation>Составить новый акт об уничтожении по выбранным данным? Он получит следующий номер и будет храниться три года; чтобы повторно распечатать существующий акт, выберите «Повторная печать акта» и его номер.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Формирование отчёта…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s); %2 page(s).</source>
        <translation>
            <numerusform>%1: %Ln строка; страниц: %2.</numerusform>
            <numerusform>%1: %Ln строки; страниц: %2.</numerusform>
            <numerusform>%1: %Ln строк; страниц: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the first %2 of %3 rows are shown; the file holds every one.</source>
        <translation>%1: показано строк: %2 из %3; файл содержит все.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s).</source>
        <translation>
            <numerusform>%1: %Ln строка.</numerusform>
            <numerusform>%1: %Ln строки.</numerusform>
            <numerusform>%1: %Ln строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the Report</source>
        <translation>Сохранение отчёта</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запись %1…</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1 (%Ln row(s)). Only you can read the file.</source>
        <translation>
            <numerusform>Сохранено в %1 (%Ln строка). Файл можете прочитать только вы.</numerusform>
            <numerusform>Сохранено в %1 (%Ln строки). Файл можете прочитать только вы.</numerusform>
            <numerusform>Сохранено в %1 (%Ln строк). Файл можете прочитать только вы.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the Report</source>
        <translation>Печать отчёта</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <source>Give the Data to the Request</source>
        <translation>Передача данных по запросу</translation>
    </message>
    <message>
        <source>Keep this report (PDF, JSON and CSV) with request #%1 and mark the request as carried out? The reply is sent as the next step.</source>
        <translation>Сохранить этот отчёт (PDF, JSON и CSV) в запросе #%1 и отметить запрос как выполненный? Ответ отправляется на следующем шаге.</translation>
    </message>
    <message>
        <source>Kept with request #%1 as PDF, JSON and CSV; the request is carried out.</source>
        <translation>Сохранено в запросе #%1 в виде PDF, JSON и CSV; запрос выполнен.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>One subject&apos;s deletion</source>
        <translation>Удаление одного субъекта</translation>
    </message>
    <message>
        <source>The erasure of a request</source>
        <translation>Удаление по запросу</translation>
    </message>
    <message>
        <source>Everything destroyed in a period</source>
        <translation>Всё уничтоженное за период</translation>
    </message>
    <message>
        <source>A retention sweep</source>
        <translation>Очистка по срокам хранения</translation>
    </message>
    <message>
        <source>Print an act again</source>
        <translation>Повторная печать акта</translation>
    </message>
    <message>
        <source>Act covers:</source>
        <translation>Акт охватывает:</translation>
    </message>
    <message>
        <source>Subject number, e.g. 1042</source>
        <translation>Номер субъекта, например 1042</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Субъект:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Запрос:</translation>
    </message>
    <message>
        <source>Sweep of:</source>
        <translation>Очистка от:</translation>
    </message>
    <message>
        <source>Act number:</source>
        <translation>Номер акта:</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Таблица CSV</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Книга Excel (XLSX)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>%1 (our own)</source>
        <translation>%1 (собственный)</translation>
    </message>
    <message>
        <source>%1 (a client we process for)</source>
        <translation>%1 (клиент, по поручению которого мы обрабатываем данные)</translation>
    </message>
    <message>
        <source>The first that applies</source>
        <translation>Первый подходящий</translation>
    </message>
</context>
<context>
    <name>pd::RequestClosing</name>
    <message>
        <source>reply: the letter is not a PDF document</source>
        <translation>ответ: письмо не является документом PDF</translation>
    </message>
    <message>
        <source>form: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation>форма: ожидается email, letter или in-person, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>sent on: %1 is in the future</source>
        <translation>дата отправки: %1 — в будущем</translation>
    </message>
    <message>
        <source>request #%1 was withdrawn: no answer is due</source>
        <translation>запрос #%1 отозван: ответ не требуется</translation>
    </message>
    <message>
        <source>sent on: before the request was received</source>
        <translation>дата отправки: раньше даты получения запроса</translation>
    </message>
    <message>
        <source>Reply sent on %1 (%2, %3)</source>
        <translation>Ответ отправлен %1 (%2, %3)</translation>
    </message>
    <message>
        <source>decision: expected granted or partly-granted (a refusal is recorded with its ground)</source>
        <translation>решение: ожидается granted или partly-granted (отказ записывается с указанием основания)</translation>
    </message>
    <message>
        <source>request #%1 is %2: only a request in progress is completed</source>
        <translation>запрос #%1 в статусе «%2»: завершить можно только запрос в работе</translation>
    </message>
    <message>
        <source>request #%1 has no recorded answer: send the reply letter first</source>
        <translation>по запросу #%1 не записан ответ: сначала отправьте ответ</translation>
    </message>
    <message>
        <source>Completed (%1)</source>
        <translation>Выполнен (%1)</translation>
    </message>
    <message>
        <source>Completed (%1): %2</source>
        <translation>Выполнен (%1): %2</translation>
    </message>
    <message>
        <source>legal ground: required (the article that allows the refusal, and why)</source>
        <translation>правовое основание: обязательно (статья, допускающая отказ, и почему она применима)</translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution: reject the approval first</source>
        <translation>запрос #%1 ожидает согласования исполнения: сначала отклоните согласование</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Отказано: %1</translation>
    </message>
    <message>
        <source>Withdrawn by the requester</source>
        <translation>Отозван заявителем</translation>
    </message>
    <message>
        <source>Withdrawn by the requester: %1</source>
        <translation>Отозван заявителем: %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
</context>
<context>
    <name>pd::RequestExecution</name>
    <message>
        <source>consent #%1 is not an active consent of this subject</source>
        <translation>согласие #%1 не является действующим согласием этого субъекта</translation>
    </message>
    <message>
        <source>the subject has no active consent to withdraw</source>
        <translation>у субъекта нет действующего согласия, которое можно отозвать</translation>
    </message>
    <message>
        <source>request #%1 is %2: it is carried out once the identity is confirmed and the request is in progress</source>
        <translation>запрос #%1 в статусе «%2»: он исполняется после подтверждения личности, когда запрос в работе</translation>
    </message>
    <message>
        <source>a request of type %1 cannot run &apos;%2&apos;</source>
        <translation>запрос типа «%1» не может выполнить &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request #%1 is not linked to a subject: there is no data to act on</source>
        <translation>запрос #%1 не связан с субъектом: нет данных для обработки</translation>
    </message>
    <message>
        <source>request #%1 (%2)</source>
        <translation>запрос #%1 (%2)</translation>
    </message>
    <message>
        <source>Sent for approval #%1 by a second officer</source>
        <translation>Направлено второму ответственному на согласование #%1</translation>
    </message>
    <message>
        <source>Subject #%1 deleted</source>
        <translation>Субъект #%1 удалён</translation>
    </message>
    <message>
        <source>Subject #%1 anonymized</source>
        <translation>Субъект #%1 обезличен</translation>
    </message>
    <message>
        <source>Subject #%1 blocked until %2</source>
        <translation>Субъект #%1 заблокирован до %2</translation>
    </message>
    <message>
        <source>Subject #%1 blocked</source>
        <translation>Субъект #%1 заблокирован</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; of subject #%2 corrected</source>
        <translation>Поле &apos;%1&apos; субъекта #%2 исправлено</translation>
    </message>
    <message>
        <source>%n consent(s) withdrawn; erasure of the data kept for them scheduled by %1</source>
        <translation>Отозвано согласий: %n; удаление данных, хранившихся на их основании, запланировано не позднее %1</translation>
    </message>
    <message>
        <source>The subject&apos;s data attached (%n item(s))</source>
        <translation>Данные субъекта приложены (элементов: %n)</translation>
    </message>
    <message>
        <source>The approved erasure was carried out</source>
        <translation>Согласованное удаление выполнено</translation>
    </message>
    <message>
        <source>The erasure was not approved; the request is back in progress</source>
        <translation>Удаление не согласовано; запрос возвращён в работу</translation>
    </message>
</context>
<context>
    <name>pd::RequestIdEdit</name>
    <message>
        <source>optional, e.g. 42</source>
        <translation>необязательно, например 42</translation>
    </message>
    <message>
        <source>Request number</source>
        <translation>Номер запроса</translation>
    </message>
</context>
<context>
    <name>pd::RequestIntakeDialog</name>
    <message>
        <source>New request</source>
        <translation>Новый запрос</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>The substance of the request, in the requester&apos;s words</source>
        <translation>Суть запроса словами заявителя</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Law:</source>
        <translation>Закон:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Получен:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>What is asked*:</source>
        <translation>Суть запроса*:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Register as a new subject</source>
        <translation>Зарегистрировать как нового субъекта</translation>
    </message>
    <message>
        <source>surname, first name, patronymic</source>
        <translation>фамилия, имя, отчество</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, if given</source>
        <translation>ГГГГ-ММ-ДД, если указана</translation>
    </message>
    <message>
        <source>identification number, if given</source>
        <translation>если указан</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>По e-mail</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>Письмом</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Субъект:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>Идентификационный номер:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Representative (optional)</source>
        <translation>Представитель (необязательно)</translation>
    </message>
    <message>
        <source>power of attorney: number and date</source>
        <translation>доверенность: номер и дата</translation>
    </message>
    <message>
        <source>Document of authority:</source>
        <translation>Документ о полномочиях:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <source>Subject: link an existing subject or register a new one, not both.</source>
        <translation>Субъект: укажите существующего субъекта или зарегистрируйте нового, но не то и другое сразу.</translation>
    </message>
    <message>
        <source>Name: required when the request is not linked to a subject.</source>
        <translation>Имя: обязательно, если запрос не связан с субъектом.</translation>
    </message>
    <message>
        <source>Date of birth: expected YYYY-MM-DD.</source>
        <translation>Дата рождения: ожидается ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>What is asked: required.</source>
        <translation>Суть запроса: обязательно.</translation>
    </message>
    <message>
        <source>Document of authority: required when a representative acts for the subject.</source>
        <translation>Документ о полномочиях: обязателен, если от имени субъекта действует представитель.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>name, e-mail, phone or number</source>
        <translation>имя, e-mail, телефон или номер</translation>
    </message>
    <message>
        <source>Subject: choose one of the subjects found, or give a subject number.</source>
        <translation>Субъект: выберите одного из найденных субъектов или укажите номер субъекта.</translation>
    </message>
</context>
<context>
    <name>pd::RequestListModel</name>
    <message>
        <source>clock stopped</source>
        <translation>отсчёт срока приостановлен</translation>
    </message>
    <message>
        <source>duplicate?</source>
        <translation>дубликат?</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) overdue)</source>
        <translation>
            <numerusform>%1 (просрочен на %Ln день)</numerusform>
            <numerusform>%1 (просрочен на %Ln дня)</numerusform>
            <numerusform>%1 (просрочен на %Ln дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (сегодня)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) left)</source>
        <translation>
            <numerusform>%1 (остался %Ln день)</numerusform>
            <numerusform>%1 (осталось %Ln дня)</numerusform>
            <numerusform>%1 (осталось %Ln дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: the legal deadline has passed</source>
        <translation>Просрочен: установленный законом срок истёк</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Срок истекает в течение 3 дней</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Срок истекает в течение 7 дней</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Закон</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Исполнитель</translation>
    </message>
</context>
<context>
    <name>pd::RequestPanel</name>
    <message>
        <source>Delete the subject&apos;s data</source>
        <translation>Удалить данные субъекта</translation>
    </message>
    <message>
        <source>Anonymize the subject</source>
        <translation>Обезличить субъекта</translation>
    </message>
    <message>
        <source>Block the subject&apos;s data</source>
        <translation>Заблокировать данные субъекта</translation>
    </message>
    <message>
        <source>Correct a field</source>
        <translation>Исправить поле</translation>
    </message>
    <message>
        <source>Withdraw consent and schedule erasure</source>
        <translation>Отозвать согласие и запланировать удаление</translation>
    </message>
    <message>
        <source>Attach the subject&apos;s data</source>
        <translation>Приложить данные субъекта</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← Назад к списку</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Назад к списку (Esc)</translation>
    </message>
    <message>
        <source>Check &amp;identity…</source>
        <translation>Проверить &amp;личность…</translation>
    </message>
    <message>
        <source>&amp;Ask requester…</source>
        <translation>Запро&amp;сить у заявителя…</translation>
    </message>
    <message>
        <source>Resume &amp;clock</source>
        <translation>Возобновить о&amp;тсчёт</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Продлить…</translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation>&amp;Назначить…</translation>
    </message>
    <message>
        <source>Carry &amp;out…</source>
        <translation>&amp;Исполнить…</translation>
    </message>
    <message>
        <source>&amp;Reply letter…</source>
        <translation>&amp;Ответ…</translation>
    </message>
    <message>
        <source>Co&amp;mplete…</source>
        <translation>За&amp;вершить…</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>Отк&amp;азать…</translation>
    </message>
    <message>
        <source>&amp;Withdrawn…</source>
        <translation>Ото&amp;зван…</translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation>Ко&amp;мментарий…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Request #%1 · %2 · %3 · %4</source>
        <translation>Запрос #%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Received %1 · due %2 (%3)</source>
        <translation>Получен %1 · срок %2 (%3)</translation>
    </message>
    <message>
        <source>extended from %1; requester told on %2</source>
        <translation>срок продлён с %1; заявителю сообщено %2</translation>
    </message>
    <message>
        <source>clock stopped since %1</source>
        <translation>отсчёт срока приостановлен с %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>просрочен на %Ln день</numerusform>
            <numerusform>просрочен на %Ln дня</numerusform>
            <numerusform>просрочен на %Ln дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) left</source>
        <translation>
            <numerusform>остался %Ln день</numerusform>
            <numerusform>осталось %Ln дня</numerusform>
            <numerusform>осталось %Ln дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>не связан</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Идентификационный номер</translation>
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
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>Суть запроса</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, язык: %2</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>не назначен</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Личность</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>ещё не проверена</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждена</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>не подтверждена</translation>
    </message>
    <message>
        <source>%1: %2 (%3, %4)</source>
        <translation>%1: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <source>an open request #%1 of the same subject and type exists</source>
        <translation>есть открытый запрос #%1 того же субъекта и типа</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Ответ отправлен</translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation>Основание отказа</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation>Ваша роль (%1) не предусматривает обработку запросов</translation>
    </message>
    <message>
        <source>The request is closed</source>
        <translation>Запрос закрыт</translation>
    </message>
    <message>
        <source>The request awaits approval</source>
        <translation>Запрос ожидает согласования</translation>
    </message>
    <message>
        <source>The clock is running</source>
        <translation>Отсчёт срока идёт</translation>
    </message>
    <message>
        <source>Already extended</source>
        <translation>Срок уже продлён</translation>
    </message>
    <message>
        <source>%1 allows no extension</source>
        <translation>%1 не допускает продления</translation>
    </message>
    <message>
        <source>The request is not linked to a subject</source>
        <translation>Запрос не связан с субъектом</translation>
    </message>
    <message>
        <source>Nothing to carry out for this type</source>
        <translation>Для этого типа нечего исполнять</translation>
    </message>
    <message>
        <source>Confirm the identity first</source>
        <translation>Сначала подтвердите личность</translation>
    </message>
    <message>
        <source>The request was withdrawn</source>
        <translation>Запрос отозван</translation>
    </message>
    <message>
        <source>Only a request in progress is completed</source>
        <translation>Завершить можно только запрос в работе</translation>
    </message>
    <message>
        <source>Send the reply letter first</source>
        <translation>Сначала отправьте ответ</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Запрос #%1</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Проверка личности</translation>
    </message>
    <message>
        <source>Record how the requester&apos;s identity was checked. Proportionate means: no more than the request needs. Only that a document was seen is recorded; never keep a copy or its number.</source>
        <translation>Запишите, как проверялась личность заявителя. Соразмерно — значит не больше, чем нужно для запроса. Записывается только факт предъявления документа; никогда не сохраняйте его копию или номер.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>e.g. ID card shown at the office</source>
        <translation>например, удостоверение личности предъявлено в офисе</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждена</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Не подтверждена</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Ask the requester</source>
        <translation>Запрос у заявителя</translation>
    </message>
    <message>
        <source>The clock stops until the requester answers (%1).</source>
        <translation>Отсчёт срока приостанавливается до ответа заявителя (%1).</translation>
    </message>
    <message>
        <source>The clock keeps running: %1 does not stop it.</source>
        <translation>Отсчёт срока продолжается: %1 не предусматривает приостановки.</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Что запрошено</translation>
    </message>
    <message>
        <source>e.g. proof of identity, the account number</source>
        <translation>например, подтверждение личности, номер учётной записи</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Дата запроса</translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation>Возобновление отсчёта срока</translation>
    </message>
    <message>
        <source>The requester answered. The days waited move the due date on.</source>
        <translation>Заявитель ответил. Срок сдвигается на число дней ожидания.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Дата ответа</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Продление срока</translation>
    </message>
    <message>
        <source>%1 allows one extension with reasons, of which the requester must be told within the first period.</source>
        <translation>%1 допускает одно продление с указанием причин; заявителю нужно сообщить о нём в течение первого срока.</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Продлить</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>e.g. complex request: data in several systems</source>
        <translation>например, сложный запрос: данные в нескольких системах</translation>
    </message>
    <message>
        <source>Requester told on</source>
        <translation>Дата уведомления заявителя</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Никому</translation>
    </message>
    <message>
        <source>Assign the request</source>
        <translation>Назначение исполнителя</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Назначить</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Carry out request #%1</source>
        <translation>Исполнение запроса #%1</translation>
    </message>
    <message>
        <source>Runs on subject #%1 (%2). The change is recorded in the audit trail with this request.</source>
        <translation>Выполняется над субъектом #%1 (%2). Изменение записывается в журнал аудита вместе с этим запросом.</translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation>Исполнить</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>e.g. email, phone, name</source>
        <translation>например, email, phone, name</translation>
    </message>
    <message>
        <source>Correct value</source>
        <translation>Исправленное значение</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Заблокировано до</translation>
    </message>
    <message>
        <source>request #%1</source>
        <translation>запрос #%1</translation>
    </message>
    <message>
        <source>Delete all data of subject #%1 (%2)? Items, consents and disclosures are removed for good; only the fact of deletion is kept.</source>
        <translation>Удалить все данные субъекта #%1 (%2)? Элементы данных, согласия и предоставления удаляются безвозвратно; сохраняется только факт удаления.</translation>
    </message>
    <message>
        <source>Anonymize subject #%1 (%2)? Names, contacts and identifiers are replaced for good and cannot be restored.</source>
        <translation>Обезличить субъекта #%1 (%2)? Имена, контакты и идентификаторы заменяются безвозвратно и не могут быть восстановлены.</translation>
    </message>
    <message>
        <source>A second officer must approve this (approval #%1). The request waits until then.</source>
        <translation>Это должен согласовать второй ответственный (согласование #%1). До тех пор запрос ожидает.</translation>
    </message>
    <message>
        <source>Complete request #%1</source>
        <translation>Завершение запроса #%1</translation>
    </message>
    <message>
        <source>The request was answered.</source>
        <translation>Ответ на запрос дан.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Удовлетворён</translation>
    </message>
    <message>
        <source>Partly granted</source>
        <translation>Удовлетворён частично</translation>
    </message>
    <message>
        <source>Refuse request #%1</source>
        <translation>Отказ по запросу #%1</translation>
    </message>
    <message>
        <source>A refusal names the article of the law that allows it and why it applies. The requester keeps the right to complain to the supervisory authority.</source>
        <translation>В отказе указывается статья закона, которая его допускает, и почему она применима. У заявителя сохраняется право подать жалобу в уполномоченный орган.</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Отказать</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>e.g. 99-Z art. 13(3): data needed for a court case</source>
        <translation>например, Закон 99-З, ст. 13(3): данные нужны для судебного дела</translation>
    </message>
    <message>
        <source>Request #%1 withdrawn</source>
        <translation>Запрос #%1 отозван</translation>
    </message>
    <message>
        <source>The requester withdrew the request.</source>
        <translation>Заявитель отозвал запрос.</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>e.g. phoned on 23 November</source>
        <translation>например, позвонил 23 ноября</translation>
    </message>
    <message>
        <source>Comment on request #%1</source>
        <translation>Комментарий к запросу #%1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>&amp;More Actions</source>
        <translation>&amp;Другие действия</translation>
    </message>
    <message>
        <source>Awaiting Approval</source>
        <translation>Ожидает согласования</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <source>The next step (Ctrl+Enter)</source>
        <translation>Следующий шаг (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>A second officer decides in Tools ▸ Pending Approvals</source>
        <translation>Решение принимает второй специалист: Инструменты ▸ Ожидающие согласования</translation>
    </message>
</context>
<context>
    <name>pd::RequestProgress</name>
    <message>
        <source>Identity</source>
        <translation>Личность</translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation>Исполнение</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершение</translation>
    </message>
</context>
<context>
    <name>pd::RequestRegister</name>
    <message>
        <source>there is no request #%1</source>
        <translation>нет запроса #%1</translation>
    </message>
    <message>
        <source>there is no document #%1</source>
        <translation>нет документа #%1</translation>
    </message>
</context>
<context>
    <name>pd::RequestReport</name>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Received (UTC)</source>
        <translation>Получен (UTC)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Право</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Requester&apos;s address and contacts</source>
        <translation>Адрес и контакты заявителя</translation>
    </message>
    <message>
        <source>Identification number</source>
        <translation>Идентификационный номер</translation>
    </message>
    <message>
        <source>Representative and authority</source>
        <translation>Представитель и документ о полномочиях</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Что запрошено</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Проверка личности</translation>
    </message>
    <message>
        <source>Identity checked by</source>
        <translation>Личность проверил</translation>
    </message>
    <message>
        <source>Identity checked (UTC)</source>
        <translation>Личность проверена (UTC)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Extended to</source>
        <translation>Срок продлён до</translation>
    </message>
    <message>
        <source>Reason for the extension</source>
        <translation>Причина продления</translation>
    </message>
    <message>
        <source>Requester told of the extension</source>
        <translation>Дата уведомления заявителя о продлении</translation>
    </message>
    <message>
        <source>Pauses of the clock</source>
        <translation>Приостановки отсчёта срока</translation>
    </message>
    <message>
        <source>Days paused</source>
        <translation>Дней приостановки</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Информационные системы</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Уполномоченные лица</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Выполненные действия</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Legal ground of a refusal</source>
        <translation>Правовое основание отказа</translation>
    </message>
    <message>
        <source>Replied (UTC)</source>
        <translation>Ответ направлен (UTC)</translation>
    </message>
    <message>
        <source>Form of the reply</source>
        <translation>Форма ответа</translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation>Выполнен (UTC)</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>В срок</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>paused %1</source>
        <translation>приостановлен %1</translation>
    </message>
    <message>
        <source>, resumed %1</source>
        <translation>, возобновлён %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>%1 (erased)</source>
        <translation>%1 (удалён)</translation>
    </message>
    <message>
        <source>(withheld: the subject&apos;s data was erased)</source>
        <translation>(не приводится: данные субъекта удалены)</translation>
    </message>
    <message>
        <source>paused since %1</source>
        <translation>приостановлен с %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation>формирование отчёта отменено</translation>
    </message>
    <message>
        <source>Per year and right</source>
        <translation>По годам и видам прав</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выполнено в срок</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>none completed</source>
        <translation>выполненных нет</translation>
    </message>
    <message>
        <source>Register of data-subject requests</source>
        <translation>Реестр запросов субъектов персональных данных</translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 14; GDPR arts. 12 to 22</source>
        <translation>Закон 99-З ст. 14; GDPR ст. 12–22</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводные данные</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Получено запросов</translation>
    </message>
    <message>
        <source>%1 of %2 requests are listed; the CSV, XLSX or JSON register of the same period holds every one with all its fields.</source>
        <translation>Показано запросов: %1 из %2; реестр в формате CSV, XLSX или JSON за тот же период содержит все запросы со всеми полями.</translation>
    </message>
    <message>
        <source>Every field of each request (requester, identity check, extension, pauses, systems, processors, action, decision and reply) is in the CSV, XLSX or JSON register.</source>
        <translation>Все поля каждого запроса (заявитель, проверка личности, продление, приостановки, системы, уполномоченные лица, действия, решение и ответ) содержатся в реестре в формате CSV, XLSX или JSON.</translation>
    </message>
    <message>
        <source>No request was received in this period.</source>
        <translation>За этот период запросы не поступали.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
</context>
<context>
    <name>pd::RequestService</name>
    <message>
        <source>there is no request #%1</source>
        <translation>нет запроса #%1</translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else (version %2, you saw version %3); nothing was saved: look at the request again and retry</source>
        <translation>запрос #%1 изменён другим пользователем (версия %2, вы видели версию %3); ничего не сохранено: откройте запрос заново и повторите действие</translation>
    </message>
    <message>
        <source>request #%1 is %2: it changes no more</source>
        <translation>запрос #%1 в статусе «%2»: он больше не изменяется</translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else meanwhile; nothing was saved</source>
        <translation>запрос #%1 тем временем изменён другим пользователем; ничего не сохранено</translation>
    </message>
    <message>
        <source>subject: the register has no own controller to keep a new subject under</source>
        <translation>субъект: в реестре нет собственного оператора, за которым можно записать нового субъекта</translation>
    </message>
    <message>
        <source>requester name: required (surname, first name and patronymic where there is one)</source>
        <translation>имя заявителя: обязательно (фамилия, имя и отчество, если оно есть)</translation>
    </message>
    <message>
        <source>what is asked: required (the substance of the request)</source>
        <translation>суть запроса: обязательна (содержание запроса)</translation>
    </message>
    <message>
        <source>received: %1 is in the future</source>
        <translation>дата получения: %1 — в будущем</translation>
    </message>
    <message>
        <source>date of birth: not a date in the past</source>
        <translation>дата рождения: должна быть датой в прошлом</translation>
    </message>
    <message>
        <source>channel: expected email, web-form, letter, phone or in-person, got &apos;%1&apos;</source>
        <translation>канал: ожидается email, web-form, letter, phone или in-person, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>form of the answer: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation>форма ответа: ожидается email, letter или in-person, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>language: expected en or ru, got &apos;%1&apos;</source>
        <translation>язык: ожидается en или ru, получено &apos;%1&apos;</translation>
    </message>
    <message>
        <source>representative&apos;s document: required when a representative acts for the subject (power of attorney or other document of authority)</source>
        <translation>документ представителя: обязателен, если от имени субъекта действует представитель (доверенность или иной документ о полномочиях)</translation>
    </message>
    <message>
        <source>e-mail: required when the answer goes by e-mail</source>
        <translation>e-mail: обязателен, если ответ направляется по e-mail</translation>
    </message>
    <message>
        <source>address: required when the answer goes by letter</source>
        <translation>адрес: обязателен, если ответ направляется письмом</translation>
    </message>
    <message>
        <source>subject: either link an existing subject or create one, not both</source>
        <translation>субъект: укажите существующего субъекта или создайте нового, но не то и другое сразу</translation>
    </message>
    <message>
        <source>subject: there is no subject #%1</source>
        <translation>субъект: нет субъекта #%1</translation>
    </message>
    <message>
        <source>Request registered; an open request #%1 of the same subject and type exists (possible duplicate)</source>
        <translation>Запрос зарегистрирован; есть открытый запрос #%1 того же субъекта и типа (возможный дубликат)</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>Запрос зарегистрирован</translation>
    </message>
    <message>
        <source>method: say how the identity was checked (e.g. ID card shown at the office)</source>
        <translation>способ: укажите, как проверялась личность (например, удостоверение личности предъявлено в офисе)</translation>
    </message>
    <message>
        <source>Identity confirmed: %1</source>
        <translation>Личность подтверждена: %1</translation>
    </message>
    <message>
        <source>Identity not confirmed: %1</source>
        <translation>Личность не подтверждена: %1</translation>
    </message>
    <message>
        <source>say what the requester was asked for</source>
        <translation>укажите, что запрошено у заявителя</translation>
    </message>
    <message>
        <source>since: %1 is in the future</source>
        <translation>дата начала: %1 — в будущем</translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution</source>
        <translation>запрос #%1 ожидает согласования исполнения</translation>
    </message>
    <message>
        <source>since: before the request was received</source>
        <translation>дата начала: раньше даты получения запроса</translation>
    </message>
    <message>
        <source>Requester asked: %1</source>
        <translation>Запрошено у заявителя: %1</translation>
    </message>
    <message>
        <source>the clock already stands since %1</source>
        <translation>отсчёт срока уже приостановлен с %1</translation>
    </message>
    <message>
        <source>the clock stands from %1 until the answer</source>
        <translation>отсчёт срока приостановлен с %1 до получения ответа</translation>
    </message>
    <message>
        <source>the clock keeps running (%1 does not stop it)</source>
        <translation>отсчёт срока продолжается (%1 не предусматривает приостановки)</translation>
    </message>
    <message>
        <source>on: %1 is in the future</source>
        <translation>дата: %1 — в будущем</translation>
    </message>
    <message>
        <source>request #%1: the clock is not stopped</source>
        <translation>запрос #%1: отсчёт срока не приостановлен</translation>
    </message>
    <message>
        <source>on: before the clock was stopped</source>
        <translation>дата: раньше приостановки отсчёта срока</translation>
    </message>
    <message>
        <source>The requester answered; the clock runs again (%n day(s) paused, due %1)</source>
        <translation>Заявитель ответил; отсчёт срока возобновлён (дней приостановки: %n, срок — %1)</translation>
    </message>
    <message>
        <source>reason: required (the law allows an extension only with reasons given)</source>
        <translation>причина: обязательна (закон допускает продление только с указанием причин)</translation>
    </message>
    <message>
        <source>requester notified: the date the requester was told, not in the future</source>
        <translation>дата уведомления заявителя: дата, когда заявителю сообщили; не может быть в будущем</translation>
    </message>
    <message>
        <source>request #%1: %2 allows no extension for this request</source>
        <translation>запрос #%1: %2 не допускает продления для этого запроса</translation>
    </message>
    <message>
        <source>request #%1 was already extended to %2</source>
        <translation>срок по запросу #%1 уже продлён до %2</translation>
    </message>
    <message>
        <source>requester notified: before the request was received</source>
        <translation>дата уведомления заявителя: раньше даты получения запроса</translation>
    </message>
    <message>
        <source>requester notified: after the original deadline %1; the law requires the notice within the first period</source>
        <translation>дата уведомления заявителя: позже первоначального срока %1; закон требует уведомить в течение первого срока</translation>
    </message>
    <message>
        <source>Deadline extended to %1 (requester told on %2): %3</source>
        <translation>Срок продлён до %1 (заявителю сообщено %2): %3</translation>
    </message>
    <message>
        <source>assignee: there is no operator #%1</source>
        <translation>исполнитель: нет пользователя #%1</translation>
    </message>
    <message>
        <source>assignee: %1 does not handle requests (only active officers and agents do)</source>
        <translation>исполнитель: %1 не обрабатывает запросы (это делают только активные ответственные за защиту данных и сотрудники поддержки)</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Назначен исполнитель: %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Исполнитель снят</translation>
    </message>
    <message>
        <source>comment: empty</source>
        <translation>комментарий: пустой</translation>
    </message>
</context>
<context>
    <name>pd::RequestStats</name>
    <message>
        <source>the date to count from is not a valid date</source>
        <translation>дата начала подсчёта недопустима</translation>
    </message>
    <message>
        <source>the dashboard shows 1 to %1 weeks, not %2</source>
        <translation>обзор показывает от 1 до %1 недель, а не %2</translation>
    </message>
</context>
<context>
    <name>pd::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Новый запрос…</translation>
    </message>
    <message>
        <source>Register a request received by letter, e-mail, web form, phone or in person (%1)</source>
        <translation>Зарегистрировать запрос, полученный письмом, по e-mail, через веб-форму, по телефону или лично (%1)</translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation>Ваша роль (%1) не предусматривает обработку запросов</translation>
    </message>
    <message>
        <source>Requester&apos;s name or request number</source>
        <translation>Имя заявителя или номер запроса</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>All laws</source>
        <translation>Все законы</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Любой срок</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Срок в течение 3 дней</translation>
    </message>
    <message>
        <source>Due in 4–7 days</source>
        <translation>Срок через 4–7 дней</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>Срок позже</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Назначенные мне</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>received %1 – %2</source>
        <translation>полученные %1 – %2</translation>
    </message>
    <message>
        <source>completed %1 – %2</source>
        <translation>выполненные %1 – %2</translation>
    </message>
    <message>
        <source>Only requests %1</source>
        <translation>Только запросы, %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln запрос</numerusform>
            <numerusform>%Ln запроса</numerusform>
            <numerusform>%Ln запросов</numerusform>
        </translation>
    </message>
    <message>
        <source>No request matches. Change the filter, or register a new request with New request.</source>
        <translation>Ни один запрос не соответствует условиям. Измените фильтр или зарегистрируйте новый запрос кнопкой «Новый запрос».</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln просрочен</numerusform>
            <numerusform>%Ln просрочено</numerusform>
            <numerusform>%Ln просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due within 3 days</source>
        <translation>
            <numerusform>%Ln со сроком в течение 3 дней</numerusform>
            <numerusform>%Ln со сроком в течение 3 дней</numerusform>
            <numerusform>%Ln со сроком в течение 3 дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
</context>
<context>
    <name>pd::RestrictionService</name>
    <message>
        <source>the block must last until a future date</source>
        <translation>блокировка должна действовать до даты в будущем</translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation>субъект #%1 не заблокирован</translation>
    </message>
</context>
<context>
    <name>pd::Retention</name>
    <message>
        <source>the date of collection</source>
        <translation>дата сбора</translation>
    </message>
    <message>
        <source>the subject&apos;s registration</source>
        <translation>регистрация субъекта</translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation>окончание договора</translation>
    </message>
    <message>
        <source>the answer to a request</source>
        <translation>ответ на запрос</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>посещение</translation>
    </message>
    <message>
        <source>the withdrawal of consent</source>
        <translation>отзыв согласия</translation>
    </message>
    <message>
        <source>an event the rule does not know (&apos;%1&apos;)</source>
        <translation>событие, неизвестное правилу («%1»)</translation>
    </message>
    <message>
        <source>a period (the rule has none)</source>
        <translation>срок (в правиле он не указан)</translation>
    </message>
    <message>
        <source>the end of the backup cycle</source>
        <translation>окончание цикла резервного копирования</translation>
    </message>
    <message>
        <source>the period the law sets (record it in the register of purposes)</source>
        <translation>срок, установленный законодательством (укажите его в реестре целей обработки)</translation>
    </message>
</context>
<context>
    <name>pd::RetentionDialog</name>
    <message>
        <source>Retention Sweep</source>
        <translation>Очистка по срокам хранения</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Retention rule</source>
        <translation>Срок хранения</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Затем</translation>
    </message>
    <message>
        <source>Items held</source>
        <translation>Хранится</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Удержано</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Истечёт за 30 дней</translation>
    </message>
    <message>
        <source>&amp;Run Sweep…</source>
        <translation>&amp;Выполнить очистку…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Only an officer may run the retention sweep.</source>
        <translation>Выполнить очистку по срокам хранения может только ответственный за защиту данных.</translation>
    </message>
    <message>
        <source>As of %1. Data past its retention period is deleted or anonymized as each purpose&apos;s rule says. Blocked data, data of a subject with an open request and data under a legal hold are held back.</source>
        <translation>По состоянию на %1. Данные с истёкшим сроком хранения удаляются или обезличиваются, как требует правило каждой цели. Заблокированные данные, данные субъекта с открытым запросом и данные под юридическим удержанием не затрагиваются.</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Обезличить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>хранятся</translation>
    </message>
    <message>
        <source>No date can be computed yet: waiting for %1.</source>
        <translation>Дату пока нельзя вычислить: ожидается %1.</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>заблокировано: %1</translation>
    </message>
    <message>
        <source>%1 under an open request</source>
        <translation>по открытому запросу: %1</translation>
    </message>
    <message>
        <source>%1 under a legal hold</source>
        <translation>юридическое удержание: %1</translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due now: %1</source>
        <translation>Удаления, запланированные после отзыва согласий, срок которых наступил: %1</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>Сегодня нет данных с истёкшим сроком.</translation>
    </message>
    <message numerus="yes">
        <source>Delete or anonymize the data whose retention period is over (%Ln item(s) and scheduled erasure(s))? A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This cannot be undone.</source>
        <translation>
            <numerusform>Удалить или обезличить данные с истёкшим сроком хранения (%Ln элемент или запланированное удаление)? Субъект, у которого не останется других данных, удаляется или обезличивается целиком. Удержанные данные остаются. Это необратимо.</numerusform>
            <numerusform>Удалить или обезличить данные с истёкшим сроком хранения (%Ln элемента и запланированных удаления)? Субъект, у которого не останется других данных, удаляется или обезличивается целиком. Удержанные данные остаются. Это необратимо.</numerusform>
            <numerusform>Удалить или обезличить данные с истёкшим сроком хранения (%Ln элементов и запланированных удалений)? Субъект, у которого не останется других данных, удаляется или обезличивается целиком. Удержанные данные остаются. Это необратимо.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the Retention Sweep</source>
        <translation>Выполнить очистку по срокам хранения</translation>
    </message>
    <message>
        <source>Deleting and anonymizing what is due…</source>
        <translation>Удаление и обезличивание данных с истёкшим сроком…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was done: the sweep would change %Ln subject(s), more than one officer may change alone. Approval #%1 waits for a second officer (Tools &gt; Pending Approvals).</source>
        <translation>
            <numerusform>Ничего не сделано: очистка затронула бы %Ln субъекта — больше, чем один ответственный может изменить сам. Согласование #%1 ожидает второго ответственного (Инструменты &gt; Ожидающие согласования).</numerusform>
            <numerusform>Ничего не сделано: очистка затронула бы %Ln субъектов — больше, чем один ответственный может изменить сам. Согласование #%1 ожидает второго ответственного (Инструменты &gt; Ожидающие согласования).</numerusform>
            <numerusform>Ничего не сделано: очистка затронула бы %Ln субъектов — больше, чем один ответственный может изменить сам. Согласование #%1 ожидает второго ответственного (Инструменты &gt; Ожидающие согласования).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep done. Subjects deleted: %1, anonymized: %2. Subjects that keep other data: %3 (items deleted: %4, anonymized: %5). Scheduled erasures carried out: %6.</source>
        <translation>Очистка выполнена. Субъектов удалено: %1, обезличено: %2. Субъектов, у которых остались другие данные: %3 (элементов удалено: %4, обезличено: %5). Запланированных удалений выполнено: %6.</translation>
    </message>
    <message>
        <source>Held back: %1.</source>
        <translation>Удержано: %1.</translation>
    </message>
    <message>
        <source>Subjects changed by someone else meanwhile and left as they were: %1.</source>
        <translation>Субъектов, изменённых за это время другими и оставленных как есть: %1.</translation>
    </message>
    <message>
        <source>Cancelled: what was done stays done; run the sweep again to finish.</source>
        <translation>Отменено: сделанное остаётся; запустите очистку снова, чтобы завершить.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, data category &apos;%2&apos; (kept for a period of its own)</source>
        <translation>%1, категория данных &apos;%2&apos; (со своим сроком хранения)</translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1.</source>
        <translation>Копии удалённого остаются в резервных копиях до %1.</translation>
    </message>
</context>
<context>
    <name>pd::RetentionRuleEdit</name>
    <message>
        <source>How long the data is kept</source>
        <translation>Как долго хранятся данные</translation>
    </message>
    <message>
        <source>Length of the period</source>
        <translation>Продолжительность срока</translation>
    </message>
    <message>
        <source>months</source>
        <translation>мес.</translation>
    </message>
    <message>
        <source>years</source>
        <translation>г.</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Отсчитывается от</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>после %1</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Затем</translation>
    </message>
    <message>
        <source>then delete</source>
        <translation>затем удалить</translation>
    </message>
    <message>
        <source>then anonymize</source>
        <translation>затем обезличить</translation>
    </message>
</context>
<context>
    <name>pd::RetentionRun</name>
    <message>
        <source>the retention sweep runs as of today or an earlier day, not %1</source>
        <translation>очистка по срокам хранения выполняется на сегодня или более ранний день, не на %1</translation>
    </message>
</context>
<context>
    <name>pd::Ropa</name>
    <message>
        <source>yes: %1</source>
        <translation>да: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>не оценивалась</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>требуется</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>проводится</translation>
    </message>
    <message>
        <source>done</source>
        <translation>проведена</translation>
    </message>
    <message>
        <source>the register has no own controller</source>
        <translation>в реестре нет собственного оператора</translation>
    </message>
    <message>
        <source>no controller with the code &apos;%1&apos;</source>
        <translation>нет оператора с кодом «%1»</translation>
    </message>
    <message>
        <source>Purpose of processing</source>
        <translation>Цель обработки</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Lawful basis (art. 6)</source>
        <translation>Правовое основание (ст. 6)</translation>
    </message>
    <message>
        <source>Special category data (art. 9 condition)</source>
        <translation>Специальные персональные данные (условие ст. 9)</translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation>Совместный оператор</translation>
    </message>
    <message>
        <source>Categories of individuals</source>
        <translation>Категории субъектов</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Категории персональных данных</translation>
    </message>
    <message>
        <source>Source of the data</source>
        <translation>Источник данных</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Contracts with processors</source>
        <translation>Договоры с уполномоченными лицами</translation>
    </message>
    <message>
        <source>Third countries and safeguards</source>
        <translation>Трансграничная передача и гарантии</translation>
    </message>
    <message>
        <source>Retention schedule</source>
        <translation>Сроки хранения</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>Меры защиты</translation>
    </message>
    <message>
        <source>Automated decision-making</source>
        <translation>Автоматизированное принятие решений</translation>
    </message>
    <message>
        <source>Information system and location of the data</source>
        <translation>Информационная система и место хранения данных</translation>
    </message>
    <message>
        <source>DPIA</source>
        <translation>Оценка воздействия (DPIA)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Processing carried out for the controller</source>
        <translation>Обработка по поручению оператора</translation>
    </message>
    <message>
        <source>Controller and its contacts</source>
        <translation>Оператор и его контакты</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Categories of processing</source>
        <translation>Действия с данными</translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation>Привлечённые уполномоченные лица</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>retired on %1</source>
        <translation>выведена из использования %1</translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation>Реестр операций по обработке персональных данных</translation>
    </message>
    <message>
        <source>Record of processing activities as a processor</source>
        <translation>Реестр обработки персональных данных по поручению</translation>
    </message>
    <message>
        <source>GDPR art. 30(1); Belarus Decree 422 sub. 3.5: %1</source>
        <translation>GDPR, ст. 30(1); Указ № 422, подп. 3.5: %1</translation>
    </message>
    <message>
        <source>GDPR art. 30(2): processing on behalf of %1</source>
        <translation>GDPR, ст. 30(2): обработка по поручению %1</translation>
    </message>
    <message>
        <source>No processing activities</source>
        <translation>Операций по обработке нет</translation>
    </message>
    <message>
        <source>The register holds no purpose of this controller.</source>
        <translation>В реестре нет целей обработки этого оператора.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Ответственный за защиту данных</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Реестр обработки</translation>
    </message>
    <message>
        <source>Processor record</source>
        <translation>Обработка по поручению</translation>
    </message>
</context>
<context>
    <name>pd::Settings</name>
    <message>
        <source>setting %1: expected %2 to %3, got %4</source>
        <translation>параметр %1: ожидается значение от %2 до %3, получено %4</translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>Settings — Privacy Desk</source>
        <translation>Настройки — Privacy Desk</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Разделы настроек</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Sign-in and approvals</source>
        <translation>Вход и согласования</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Бланк</translation>
    </message>
    <message>
        <source>Working-day calendars</source>
        <translation>Календари рабочих дней</translation>
    </message>
    <message>
        <source>Reply letters</source>
        <translation>Письма-ответы</translation>
    </message>
    <message>
        <source>From %1 to %2; %3 when never set.</source>
        <translation>От %1 до %2; %3, если не задано.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Every workstation locks its window after that long without input; only the signed-in operator&apos;s password opens it again.</source>
        <translation>Каждое рабочее место блокирует окно после такого простоя; открыть его снова можно только паролем вошедшего оператора.</translation>
    </message>
    <message>
        <source>Four-eyes approvals</source>
        <translation>Правило двух сотрудников</translation>
    </message>
    <message>
        <source>Every deletion needs a second officer, whatever its size</source>
        <translation>Любое удаление требует второго сотрудника, независимо от объёма</translation>
    </message>
    <message>
        <source>Anonymizing or deleting more subjects than this at once, or one operator&apos;s anonymizations and deletions adding up to more within the period, waits for a second privacy officer.</source>
        <translation>Обезличивание или удаление большего числа субъектов за раз, а также обезличивания и удаления одного оператора, в сумме превысившие это число за период, ждут согласия второго сотрудника по защите данных.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>What is erased from the database stays in backups until they expire; the retention run records when that will be.</source>
        <translation>Стёртое из базы данных остаётся в резервных копиях до истечения их срока; проход по срокам хранения записывает, когда это произойдёт.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>Administrators change these settings; your role (%1) can read them.</source>
        <translation>Эти настройки меняют администраторы; ваша роль (%1) может их только читать.</translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation>&amp;Оператор данных:</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>&amp;Контакт:</translation>
    </message>
    <message>
        <source>&amp;Data protection officer:</source>
        <translation>Ответственный за &amp;защиту данных:</translation>
    </message>
    <message>
        <source>e.g. dpo@example.org, +375 17 000-00-00</source>
        <translation>например, dpo@example.org, +375 17 000-00-00</translation>
    </message>
    <message>
        <source>At the head of every report and reply letter. These are the office&apos;s own controller in the register of processing; officers edit its other fields on the Purposes page.</source>
        <translation>В шапке каждого отчёта и письма-ответа. Это собственный оператор данных организации в реестре обработки; остальные его поля сотрудники по защите данных меняют на странице «Цели обработки».</translation>
    </message>
    <message>
        <source>Administrators and privacy officers change the letterhead; your role (%1) can read it.</source>
        <translation>Бланк меняют администраторы и сотрудники по защите данных; ваша роль (%1) может его только читать.</translation>
    </message>
    <message>
        <source>The settings were saved. They apply on every workstation of this database.</source>
        <translation>Настройки сохранены. Они действуют на всех рабочих местах этой базы данных.</translation>
    </message>
    <message>
        <source>The letterhead was saved; the next report and letter carry it.</source>
        <translation>Бланк сохранён; следующие отчёт и письмо выйдут с ним.</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>Несохранённые настройки</translation>
    </message>
    <message>
        <source>Discard the settings you changed but did not save?</source>
        <translation>Отменить изменённые, но не сохранённые настройки?</translation>
    </message>
    <message>
        <source>Lock an idle window after (minutes):</source>
        <translation>Блокировать окно без действий через (минут):</translation>
    </message>
    <message>
        <source>Wrong passwords that lock an account:</source>
        <translation>Неверных паролей до блокировки:</translation>
    </message>
    <message>
        <source>Keep it locked for (minutes):</source>
        <translation>Срок блокировки (минут):</translation>
    </message>
    <message>
        <source>A second officer approves more subjects than:</source>
        <translation>Второй сотрудник согласует, если субъектов больше:</translation>
    </message>
    <message>
        <source>Counted together over (minutes):</source>
        <translation>Суммируются за (минут):</translation>
    </message>
    <message>
        <source>Backups are kept for (days):</source>
        <translation>Резервные копии хранятся (дней):</translation>
    </message>
</context>
<context>
    <name>pd::SheetFile</name>
    <message>
        <source>no temporary folder for the workbook: %1</source>
        <translation>нет временной папки для книги: %1</translation>
    </message>
    <message>
        <source>the workbook could not be started</source>
        <translation>не удалось начать книгу</translation>
    </message>
    <message>
        <source>the workbook could not be written: %1</source>
        <translation>не удалось записать книгу: %1</translation>
    </message>
    <message>
        <source>the workbook could not be read back: %1</source>
        <translation>не удалось прочитать записанную книгу: %1</translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>Sign in — Privacy Desk</source>
        <translation>Вход — Privacy Desk</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Enter your operator name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Sign in to %1 with your operator name and password.</source>
        <translation>Войдите в %1 со своим именем оператора и паролем.</translation>
    </message>
</context>
<context>
    <name>pd::SubjectAccess</name>
    <message>
        <source>the controller at the address above</source>
        <translation>оператор по адресу, указанному выше</translation>
    </message>
    <message>
        <source>You may ask for access to your data and a copy of it, have it corrected or completed, have it erased or its processing restricted, object to processing, withdraw a consent at any time without affecting what was done before, and receive the data you provided in a machine-readable form to pass it to another controller.</source>
        <translation>Вы вправе запросить доступ к своим данным и их копию, потребовать их исправления или дополнения, удаления или ограничения обработки, возразить против обработки, в любой момент отозвать согласие (это не влияет на ранее выполненную обработку), а также получить предоставленные вами данные в машиночитаемом виде для передачи другому оператору.</translation>
    </message>
    <message>
        <source>To exercise a right, write to %1 stating your name, address, date of birth or identification number and what you ask for; we answer within the time the law sets (15 days under Belarus Law 99-Z, one month under the GDPR) and tell you if we need longer.</source>
        <translation>Чтобы воспользоваться правом, направьте письменный запрос (контакт: %1), указав имя, адрес, дату рождения или идентификационный номер и суть требования; мы ответим в срок, установленный законом (15 дней по Закону Республики Беларусь № 99-З, один месяц по GDPR), и сообщим, если потребуется больше времени.</translation>
    </message>
    <message>
        <source>You may complain to the data protection authority: in Belarus the National Personal Data Protection Centre, in the EU the supervisory authority of your country.</source>
        <translation>Вы вправе подать жалобу в орган по защите персональных данных: в Беларуси — в Национальный центр защиты персональных данных, в ЕС — в надзорный орган вашей страны.</translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them; request #%2 is not</source>
        <translation>%1 (сотрудник поддержки) может выгружать данные субъекта только по назначенному ему запросу; запрос #%2 ему не назначен</translation>
    </message>
    <message>
        <source>request: #%1 names no subject held here</source>
        <translation>request: в запросе #%1 не указан субъект, данные которого здесь хранятся</translation>
    </message>
    <message>
        <source>subject: request #%1 is about subject #%2, not #%3</source>
        <translation>subject: запрос #%1 касается субъекта #%2, а не #%3</translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them: name the request</source>
        <translation>%1 (сотрудник поддержки) может выгружать данные субъекта только по назначенному ему запросу: укажите запрос</translation>
    </message>
    <message>
        <source>subject: name the subject or the request</source>
        <translation>subject: укажите субъект или запрос</translation>
    </message>
    <message>
        <source>Your personal data held by us</source>
        <translation>Ваши персональные данные, которые хранятся у нас</translation>
    </message>
    <message>
        <source>Subject S-%1: %2</source>
        <translation>Субъект S-%1: %2</translation>
    </message>
    <message>
        <source>Who you are to us</source>
        <translation>Сведения о вас</translation>
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
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Recorded since</source>
        <translation>В учёте с</translation>
    </message>
    <message>
        <source>Processing restricted</source>
        <translation>Обработка ограничена</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Collected (UTC)</source>
        <translation>Дата сбора (UTC)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>(kept secret: a key or token)</source>
        <translation>(скрыто: ключ или токен)</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>заблокировано: %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>Your data, by category and purpose</source>
        <translation>Ваши данные по категориям и целям</translation>
    </message>
    <message>
        <source>We hold no data about you besides the facts above.</source>
        <translation>Кроме приведённых выше сведений, мы не храним о вас никаких данных.</translation>
    </message>
    <message>
        <source>Why we process it, who receives it, how long we keep it</source>
        <translation>Зачем мы их обрабатываем, кто их получает, сколько мы их храним</translation>
    </message>
    <message>
        <source>%1 in %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Transfers abroad</source>
        <translation>Трансграничная передача</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Срок хранения</translation>
    </message>
    <message>
        <source>No processing purpose holds data about you.</source>
        <translation>Ни для одной цели обработки ваши данные не хранятся.</translation>
    </message>
    <message>
        <source>Your consents</source>
        <translation>Ваши согласия</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Версия политики</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Дано</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>No consent is recorded.</source>
        <translation>Записанных согласий нет.</translation>
    </message>
    <message>
        <source>To whom your data was disclosed</source>
        <translation>Кому предоставлялись ваши данные</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Your data was not disclosed to anyone outside us.</source>
        <translation>Ваши данные не предоставлялись никому за пределами нашей организации.</translation>
    </message>
    <message>
        <source>Your rights and how to exercise them</source>
        <translation>Ваши права и порядок их реализации</translation>
    </message>
</context>
<context>
    <name>pd::SubjectChanges</name>
    <message>
        <source>a reason is required</source>
        <translation>необходимо указать причину</translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation>нет субъекта #%1</translation>
    </message>
    <message>
        <source>subject #%1 was changed by someone else at %2 (version %3, you edited version %4); nothing was saved: look at the newer values and try again</source>
        <translation>субъект #%1 изменён другим пользователем в %2 (версия %3, вы редактировали версию %4); ничего не сохранено: проверьте новые значения и повторите попытку</translation>
    </message>
    <message>
        <source>subject #%1 is anonymized: nothing of it can change</source>
        <translation>субъект #%1 обезличен: его данные изменить нельзя</translation>
    </message>
    <message>
        <source>subject #%1 is blocked: its data is read-only until the block is lifted</source>
        <translation>субъект #%1 заблокирован: его данные доступны только для чтения, пока блокировка не снята</translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation>субъект #%1 не заблокирован</translation>
    </message>
    <message>
        <source>subject #%1 has no active item #%2</source>
        <translation>у субъекта #%1 нет активного элемента данных #%2</translation>
    </message>
    <message>
        <source>cannot prepare the anonymization in SQLite</source>
        <translation>не удалось подготовить обезличивание в SQLite</translation>
    </message>
</context>
<context>
    <name>pd::SubjectDataTree</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Дата сбора</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>No purpose recorded</source>
        <translation>Цель обработки не указана</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <source>Secret values (tokens, keys) are never shown.</source>
        <translation>Секретные значения (токены, ключи) никогда не показываются.</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокированный</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Заблокировано: %1</translation>
    </message>
</context>
<context>
    <name>pd::SubjectDetailsReader</name>
    <message>
        <source>there is no subject #%1</source>
        <translation>нет субъекта #%1</translation>
    </message>
</context>
<context>
    <name>pd::SubjectFilterBar</name>
    <message>
        <source>Search by name, e-mail, phone, external id or IP address</source>
        <translation>Поиск по имени, e-mail, телефону, внешнему ID или IP-адресу</translation>
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
        <source>Show subjects processed for purpose</source>
        <translation>Показать субъектов, данные которых обрабатываются для цели</translation>
    </message>
    <message>
        <source>Show subjects of controller</source>
        <translation>Показать субъектов оператора</translation>
    </message>
    <message>
        <source>Show subjects with data of category</source>
        <translation>Показать субъектов с данными категории</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Show every subject again</source>
        <translation>Снова показать всех субъектов</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Состояние:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Цель:</translation>
    </message>
    <message>
        <source>C&amp;ontroller:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Все цели</translation>
    </message>
    <message>
        <source>All controllers</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
</context>
<context>
    <name>pd::SubjectLookup</name>
    <message>
        <source>anonymized</source>
        <translation>обезличен</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (№%2)</translation>
    </message>
</context>
<context>
    <name>pd::SubjectPanel</name>
    <message>
        <source>Subjects</source>
        <translation>Субъекты</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Назад к списку (Esc)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the subject again (F5)</source>
        <translation>Заново загрузить данные субъекта (F5)</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Исправить…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Заблокировать…</translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation>&amp;Разблокировать…</translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation>&amp;Обезличить…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Subject #%1</source>
        <translation>Субъект #%1</translation>
    </message>
    <message>
        <source>The subject could not be opened: %1</source>
        <translation>Не удалось открыть субъекта: %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>External id: %1</source>
        <translation>Внешний ID: %1</translation>
    </message>
    <message>
        <source>Controller: %1</source>
        <translation>Оператор: %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Создан %1</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Изменён %1</translation>
    </message>
    <message>
        <source>Blocked: %1. The data is read-only until the block is lifted.</source>
        <translation>Заблокирован: %1. Данные доступны только для чтения, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>Blocked until %1: %2. The data is read-only until the block is lifted.</source>
        <translation>Заблокирован до %1: %2. Данные доступны только для чтения, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>Anonymized: nothing of this subject identifies anyone any more, and nothing can change.</source>
        <translation>Обезличен: данные этого субъекта больше не позволяют никого идентифицировать и не могут быть изменены.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) blocked; they are read-only until the block is lifted.</source>
        <translation>
            <numerusform>Заблокирован %Ln элемент данных; он доступен только для чтения, пока блокировка не снята.</numerusform>
            <numerusform>Заблокировано %Ln элемента данных; они доступны только для чтения, пока блокировка не снята.</numerusform>
            <numerusform>Заблокировано %Ln элементов данных; они доступны только для чтения, пока блокировка не снята.</numerusform>
        </translation>
    </message>
    <message>
        <source>No subject is open.</source>
        <translation>Субъект не открыт.</translation>
    </message>
    <message>
        <source>The subject is anonymized: nothing of it can change.</source>
        <translation>Субъект обезличен: его данные изменить нельзя.</translation>
    </message>
    <message>
        <source>The subject is blocked: its data is read-only until the block is lifted.</source>
        <translation>Субъект заблокирован: его данные доступны только для чтения, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>Select the item to correct in the list.</source>
        <translation>Выберите в списке элемент, который нужно исправить.</translation>
    </message>
    <message>
        <source>This item is blocked: it is read-only until the block is lifted.</source>
        <translation>Этот элемент заблокирован: он доступен только для чтения, пока блокировка не снята.</translation>
    </message>
    <message>
        <source>Secret values are never shown, so they are not corrected here.</source>
        <translation>Секретные значения никогда не показываются, поэтому здесь они не исправляются.</translation>
    </message>
    <message>
        <source>The subject is already blocked.</source>
        <translation>Субъект уже заблокирован.</translation>
    </message>
    <message>
        <source>Nothing of this subject is blocked.</source>
        <translation>У этого субъекта ничего не заблокировано.</translation>
    </message>
    <message>
        <source>Correct the selected value (F2)</source>
        <translation>Исправить выбранное значение (F2)</translation>
    </message>
    <message>
        <source>Restrict processing (Ctrl+B)</source>
        <translation>Ограничить обработку (Ctrl+B)</translation>
    </message>
    <message>
        <source>Lift the block (Ctrl+Shift+B)</source>
        <translation>Снять блокировку (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Remove what identifies the subject (Ctrl+Alt+A)</source>
        <translation>Удалить всё, что идентифицирует субъекта (Ctrl+Alt+A)</translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data (Del)</source>
        <translation>Уничтожить данные субъекта (Del)</translation>
    </message>
    <message>
        <source>Someone else changed this subject while you were working on it, so nothing was saved. The page now shows the newer values; what you entered is still in the dialog.</source>
        <translation>Пока вы работали с этим субъектом, его изменил другой пользователь, поэтому ничего не сохранено. Теперь на странице показаны новые значения; введённые вами данные остались в диалоге.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <source>Anonymize %1</source>
        <translation>Обезличивание: %1</translation>
    </message>
    <message>
        <source>Nothing was changed yet: this waits for a second officer (approval #%1).</source>
        <translation>Пока ничего не изменено: действие ожидает второго ответственного (согласование #%1).</translation>
    </message>
</context>
<context>
    <name>pd::SubjectRecordTabs</name>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Версия политики</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Дано</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>Предоставлено</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>No consent is recorded for this subject.</source>
        <translation>Для этого субъекта не записано ни одного согласия.</translation>
    </message>
    <message>
        <source>This subject has made no requests.</source>
        <translation>Этот субъект не подавал запросов.</translation>
    </message>
    <message>
        <source>Nothing of this subject was disclosed to third parties.</source>
        <translation>Данные этого субъекта не предоставлялись третьим лицам.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Nothing is recorded about this subject yet.</source>
        <translation>Об этом субъекте пока ничего не записано.</translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation>Согласия (%1)</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Запросы (%1)</translation>
    </message>
    <message>
        <source>Disclosures (%1)</source>
        <translation>Предоставления (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>История (%1)</translation>
    </message>
</context>
<context>
    <name>pd::SubjectsPage</name>
    <message>
        <source>Anonymized</source>
        <translation>Обезличенный</translation>
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
        <source>Your role does not include viewing personal data.</source>
        <translation>Ваша роль не предусматривает просмотр персональных данных.</translation>
    </message>
    <message>
        <source>Subjects are shown to officers, agents and auditors. Administrators manage operators and settings and read the audit trail.</source>
        <translation>Субъекты доступны ответственным за защиту данных, сотрудникам поддержки и аудиторам. Администраторы управляют пользователями и настройками и читают журнал аудита.</translation>
    </message>
    <message>
        <source>All matching the &amp;filter</source>
        <translation>Все, соответствующие &amp;фильтру</translation>
    </message>
    <message>
        <source>Apply Block, Anonymize and Delete to every subject the search and filters find, not only the selected rows</source>
        <translation>Применять блокировку, обезличивание и удаление ко всем субъектам, найденным поиском и фильтрами, а не только к выбранным строкам</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Исправить…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Заблокировать…</translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation>&amp;Разблокировать…</translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation>Обезли&amp;чить…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Back to the &amp;List</source>
        <translation>&amp;Назад к списку</translation>
    </message>
    <message>
        <source>No subject is selected.</source>
        <translation>Субъект не выбран.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) matching</source>
        <translation>
            <numerusform>Найден %Ln субъект</numerusform>
            <numerusform>Найдено %Ln субъекта</numerusform>
            <numerusform>Найдено %Ln субъектов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>Выбран %Ln</numerusform>
            <numerusform>Выбрано %Ln</numerusform>
            <numerusform>Выбрано %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subject first.</source>
        <translation>Сначала откройте субъекта.</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>Сейчас недоступно.</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Назад к списку</translation>
    </message>
    <message>
        <source>Select a subject.</source>
        <translation>Выберите субъекта.</translation>
    </message>
    <message>
        <source>Show everything about the selected subject (Enter)</source>
        <translation>Показать все сведения о выбранном субъекте (Enter)</translation>
    </message>
    <message>
        <source>The list is shown.</source>
        <translation>Список уже показан.</translation>
    </message>
    <message>
        <source>Correct the selected value</source>
        <translation>Исправить выбранное значение</translation>
    </message>
    <message>
        <source>Restrict the processing of the subjects</source>
        <translation>Ограничить обработку данных субъектов</translation>
    </message>
    <message>
        <source>Lift the block</source>
        <translation>Снять блокировку</translation>
    </message>
    <message>
        <source>Remove what identifies the subjects; cannot be undone</source>
        <translation>Удалить всё, что идентифицирует субъектов; отменить нельзя</translation>
    </message>
    <message>
        <source>Destroy the subjects&apos; data; cannot be undone</source>
        <translation>Уничтожить данные субъектов; отменить нельзя</translation>
    </message>
    <message>
        <source>Wait until the action in progress ends.</source>
        <translation>Дождитесь завершения текущего действия.</translation>
    </message>
    <message>
        <source>No subject matches the filter.</source>
        <translation>Ни один субъект не соответствует фильтру.</translation>
    </message>
    <message>
        <source>Select subjects in the list first.</source>
        <translation>Сначала выберите субъектов в списке.</translation>
    </message>
    <message>
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number, external id or IP address, or clear the filters.</source>
        <translation>Проверьте написание, ищите по началу имени, e-mail, номера телефона, внешнего ID или IP-адреса либо сбросьте фильтры.</translation>
    </message>
    <message>
        <source>Counting what will change…</source>
        <translation>Подсчёт того, что изменится…</translation>
    </message>
</context>
<context>
    <name>pd::UiLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Language (%1)</source>
        <translation>Язык системы (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Privacy Desk will speak %1 from the next start.</source>
        <translation>Privacy Desk переключится на язык «%1» при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>pd::UnblockDialog</name>
    <message>
        <source>Lift the block of %1</source>
        <translation>Снятие блокировки: %1</translation>
    </message>
    <message>
        <source>required, e.g. accuracy verified</source>
        <translation>обязательно, например достоверность данных подтверждена</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>The subject was &amp;told before the block is lifted (GDPR art. 18(3))</source>
        <translation>Субъект &amp;уведомлён до снятия блокировки (ст. 18(3) GDPR)</translation>
    </message>
    <message>
        <source>e.g. e-mail of 3 March, phone call today</source>
        <translation>например письмо от 3 марта, звонок сегодня</translation>
    </message>
    <message>
        <source>How and when the subject was told</source>
        <translation>Как и когда субъект был уведомлён</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;How and when:</source>
        <translation>&amp;Как и когда:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;прос #:</translation>
    </message>
    <message>
        <source>&amp;Lift block</source>
        <translation>&amp;Снять блокировку</translation>
    </message>
    <message>
        <source>Give a reason for lifting the block.</source>
        <translation>Укажите причину снятия блокировки.</translation>
    </message>
    <message>
        <source>The subject must be told before the block is lifted: tick the box once they were.</source>
        <translation>Субъект должен быть уведомлён до снятия блокировки: отметьте флажок, когда это сделано.</translation>
    </message>
</context>
<context>
    <name>pd::Versions</name>
    <message>
        <source>not installed</source>
        <translation>не установлен</translation>
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
    <message>
        <source>a value that must be unique is already stored</source>
        <translation>значение, которое должно быть уникальным, уже сохранено</translation>
    </message>
    <message>
        <source>a reference to a row that does not exist, or a row others refer to</source>
        <translation>ссылка на несуществующую строку или строка, на которую ссылаются другие</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>отсутствует обязательное значение</translation>
    </message>
    <message>
        <source>a value the database does not accept</source>
        <translation>значение, которое база данных не принимает</translation>
    </message>
    <message>
        <source>a value of the wrong form</source>
        <translation>значение неверного вида</translation>
    </message>
    <message>
        <source>another workstation changed the same data at the same time; try again</source>
        <translation>другое рабочее место одновременно изменило те же данные; повторите попытку</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>соединение с сервером потеряно</translation>
    </message>
    <message>
        <source>the server is out of resources (disk, memory or connections)</source>
        <translation>у сервера закончились ресурсы (диск, память или соединения)</translation>
    </message>
    <message>
        <source>the database user may not do this</source>
        <translation>пользователю базы данных это не разрешено</translation>
    </message>
    <message>
        <source>the statement was cancelled</source>
        <translation>запрос отменён</translation>
    </message>
    <message>
        <source>the database refused the statement</source>
        <translation>база данных отклонила запрос</translation>
    </message>
    <message>
        <source>constraint %1</source>
        <translation>ограничение %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>столбец %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>таблица %1</translation>
    </message>
    <message>
        <source>reading the purpose</source>
        <translation>чтение цели</translation>
    </message>
    <message>
        <source>reading the recipients</source>
        <translation>чтение получателей</translation>
    </message>
    <message>
        <source>reading the register of purposes</source>
        <translation>чтение реестра целей</translation>
    </message>
    <message>
        <source>reading the policy version</source>
        <translation>чтение версии политики</translation>
    </message>
    <message>
        <source>replacing the retention periods of a purpose</source>
        <translation>замена сроков хранения цели обработки</translation>
    </message>
    <message>
        <source>storing the retention period of a category</source>
        <translation>сохранение срока хранения категории</translation>
    </message>
    <message>
        <source>retiring the purpose</source>
        <translation>вывод цели из использования</translation>
    </message>
    <message>
        <source>reading the retention periods</source>
        <translation>чтение сроков хранения</translation>
    </message>
</context>
</TS>
