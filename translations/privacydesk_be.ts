<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="be_BY">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Захаваць</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Захаваць усе</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Адкрыць</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Так</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Так для &amp;ўсіх</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Не</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;е для ўсіх</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Перапыніць</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Паўтарыць</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Прапусціць</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыць</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Не захоўваць</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Даведка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Ужыць</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Скінуць</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Аднавіць прадвызначаныя значэнні</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Left</source>
        <translation>Улева</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Управа</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Уверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Уніз</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Прабел</translation>
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
        <translation>Privacy Desk: улік персанальных даных і запытаў суб&apos;ектаў персанальных даных.</translation>
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
        <source>Privacy Desk cannot read the operators of the database %1.

%2</source>
        <translation>Privacy Desk не можа прачытаць спіс карыстальнікаў базы даных %1.

%2</translation>
    </message>
    <message>
        <source>Enter the password for %1.</source>
        <translation>Увядзіце пароль для %1.</translation>
    </message>
    <message>
        <source>Privacy Desk cannot open the database %1: %2</source>
        <translation>Privacy Desk не можа адкрыць базу даных %1: %2</translation>
    </message>
    <message>
        <source>Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. Default: the PRIVACYDESK_DB environment variable, then the database signed in to last, then a file in your data folder.</source>
        <translation>База даных: sqlite:/шлях/файл.sqlite або postgresql://карыстальнік:пароль@хост:порт/база. Па змаўчанні — зменная асяроддзя PRIVACYDESK_DB, потым база, у якую ўваходзілі апошняй, потым файл у папцы даных.</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalQueue</name>
    <message>
        <source>there is no approval #%1</source>
        <translation>няма ўзгаднення #%1</translation>
    </message>
    <message>
        <source>approval #%1 is already %2</source>
        <translation>узгадненне #%1 ужо ў стане %2</translation>
    </message>
    <message>
        <source>approval #%1 needs a second officer: %2 asked for it and cannot approve it</source>
        <translation>для ўзгаднення #%1 патрэбны другі адказны: ініцыятар %2 не можа ўзгадніць яго сам</translation>
    </message>
    <message>
        <source>a note is required: why the approval is cancelled</source>
        <translation>патрэбна нататка: чаму ўзгадненне адмяняецца</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalService</name>
    <message>
        <source>approval #%1 stopped after %2 of %3 subjects; approve it again to finish</source>
        <translation>узгадненне #%1 спынена пасля %2 з %3 суб&apos;ектаў; узгадніце яго яшчэ раз, каб завяршыць</translation>
    </message>
    <message>
        <source>approval #%1 stopped on the way; approve it again to finish</source>
        <translation>узгадненне #%1 спынена на паўдарозе; узгадніце яго зноў, каб давесці да канца</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsDialog</name>
    <message>
        <source>Pending Approvals — Privacy Desk</source>
        <translation>Чакаюць узгаднення — Privacy Desk</translation>
    </message>
    <message>
        <source>Anonymizing or deleting many subjects at once waits here until a second officer approves it. The officer who asked cannot approve their own request.</source>
        <translation>Абязасабленне або выдаленне адразу многіх суб&apos;ектаў чакае тут, пакуль яго не ўзгодніць другі адказны. Адказны, які запытаў дзеянне, не можа сам яго ўзгадніць.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дзеянне</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Ініцыятар</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Калі</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Узгадніць…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Адхіліць…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>А&amp;бнавіць</translation>
    </message>
    <message>
        <source>Your role (%1) cannot approve or reject irreversible actions; a privacy officer can.</source>
        <translation>Ваша роля (%1) не дазваляе ўзгадняць або адхіляць незваротныя дзеянні; гэта можа адказны за абарону даных.</translation>
    </message>
    <message>
        <source>Subject ids: %1</source>
        <translation>ID суб&apos;ектаў: %1</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>Няма дзеянняў, якія чакаюць узгаднення.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s) with all their data now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln суб&apos;ект будзе выдалены з усімі данымі (ініцыятар: %1). Выдаліць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;екты будуць выдалены з усімі данымі (ініцыятар: %1). Выдаліць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;ектаў будуць выдалены з усімі данымі (ініцыятар: %1). Выдаліць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s) now, as %1 asked? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln суб&apos;ект будзе абязасоблены (ініцыятар: %1). Абязасобіць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;екты будуць абязасоблены (ініцыятар: %1). Абязасобіць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;ектаў будуць абязасоблены (ініцыятар: %1). Абязасобіць зараз? Гэта дзеянне нельга адмяніць.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve #%1</source>
        <translation>Узгадніць #%1</translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) deleted.</source>
        <translation>
            <numerusform>Узгадненне #%1 выканана: выдалены %Ln суб&apos;ект.</numerusform>
            <numerusform>Узгадненне #%1 выканана: выдалены %Ln суб&apos;екты.</numerusform>
            <numerusform>Узгадненне #%1 выканана: выдалена %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: %Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>Узгадненне #%1 выканана: абязасоблены %Ln суб&apos;ект.</numerusform>
            <numerusform>Узгадненне #%1 выканана: абязасоблены %Ln суб&apos;екты.</numerusform>
            <numerusform>Узгадненне #%1 выканана: абязасоблена %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject #%1</source>
        <translation>Адхіліць #%1</translation>
    </message>
    <message>
        <source>Why is approval #%1 rejected? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Чаму адхілена ўзгадненне #%1? Заўвага захоўваецца ў журнале аўдыту і не павінна ўтрымліваць персанальных даных.</translation>
    </message>
    <message>
        <source>A rejection needs a note saying why; approval #%1 is still pending.</source>
        <translation>Для адхілення трэба пазначыць прычыну; узгадненне #%1 па-ранейшаму чакае рашэння.</translation>
    </message>
    <message>
        <source>Approval #%1 rejected: nothing was changed.</source>
        <translation>Узгадненне #%1 адхілена: нічога не зменена.</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Абязасабленне</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Выдаленне</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выканана</translation>
    </message>
    <message>
        <source>&amp;Cancel Approval…</source>
        <translation>&amp;Адмяніць узгадненне…</translation>
    </message>
    <message>
        <source>Stop an approval that waits or was carried out in part; what was done stays done</source>
        <translation>Спыніць узгадненне, якое чакае або выканана часткова; зробленае застаецца</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>чакае</translation>
    </message>
    <message>
        <source>%1 of %2 (half done)</source>
        <translation>%1 з %2 (выканана часткова)</translation>
    </message>
    <message>
        <source>Started and stopped on the way: approve it again to finish, or cancel it.</source>
        <translation>Пачата і спынена: узгадніце яшчэ раз, каб завяршыць, або адмяніце.</translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 stopped after %2 of %3 subjects. Carry on with the remaining %Ln? This cannot be undone.</source>
        <translation>
            <numerusform>Узгадненне #%1 спынена пасля %2 з %3 суб&apos;ектаў. Працягнуць з астатнім %Ln? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>Узгадненне #%1 спынена пасля %2 з %3 суб&apos;ектаў. Працягнуць з астатнімі %Ln? Гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>Узгадненне #%1 спынена пасля %2 з %3 суб&apos;ектаў. Працягнуць з астатнімі %Ln? Гэта дзеянне нельга адмяніць.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval #%1 stopped on the way: what was done stays done. Approve it again to finish it, or cancel it.</source>
        <translation>Узгадненне #%1 спынена: зробленае застаецца. Узгадніце яшчэ раз, каб завяршыць, або адмяніце.</translation>
    </message>
    <message>
        <source>Cancel approval #%1</source>
        <translation>Адмена ўзгаднення #%1</translation>
    </message>
    <message>
        <source>Approval #%1 has done %2 of %3 subjects; those stay as they are and the others are not touched. Why is it cancelled? The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Узгадненне #%1 выканана для %2 з %3 суб&apos;ектаў; яны застануцца як ёсць, астатнія не будуць закрануты. Чаму яно адмяняецца? Нататка захоўваецца ў журнале аўдыту і не павінна змяшчаць персанальных даных.</translation>
    </message>
    <message>
        <source>Why is approval #%1 cancelled? Nothing of it was done. The note is kept in the audit trail; it must not contain personal data.</source>
        <translation>Чаму ўзгадненне #%1 адмяняецца? Нічога з яго не выканана. Нататка захоўваецца ў журнале аўдыту і не павінна змяшчаць персанальных даных.</translation>
    </message>
    <message>
        <source>Cancelling needs a note saying why; approval #%1 is unchanged.</source>
        <translation>Для адмены патрэбна нататка з прычынай; узгадненне #%1 не зменена.</translation>
    </message>
    <message>
        <source>Approval #%1 cancelled.</source>
        <translation>Узгадненне #%1 адменена.</translation>
    </message>
    <message numerus="yes">
        <source>Carry out the retention sweep %1 asked for? The data whose retention period is over is deleted or anonymized for %Ln subject(s), as the register of purposes says. This cannot be undone.</source>
        <translation>
            <numerusform>Выканаць ачыстку па тэрмінах захоўвання, якую запытаў %1? Даныя з мінулым тэрмінам захоўвання будуць выдалены або абязасоблены ў %Ln суб&apos;екта, як пазначана ў рэестры мэт. Гэта незваротна.</numerusform>
            <numerusform>Выканаць ачыстку па тэрмінах захоўвання, якую запытаў %1? Даныя з мінулым тэрмінам захоўвання будуць выдалены або абязасоблены ў %Ln суб&apos;ектаў, як пазначана ў рэестры мэт. Гэта незваротна.</numerusform>
            <numerusform>Выканаць ачыстку па тэрмінах захоўвання, якую запытаў %1? Даныя з мінулым тэрмінам захоўвання будуць выдалены або абязасоблены ў %Ln суб&apos;ектаў, як пазначана ў рэестры мэт. Гэта незваротна.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approval #%1 carried out: the retention sweep changed %Ln subject(s).</source>
        <translation>
            <numerusform>Узгадненне #%1 выканана: ачыстка па тэрмінах захоўвання закранула %Ln суб&apos;екта.</numerusform>
            <numerusform>Узгадненне #%1 выканана: ачыстка па тэрмінах захоўвання закранула %Ln суб&apos;ектаў.</numerusform>
            <numerusform>Узгадненне #%1 выканана: ачыстка па тэрмінах захоўвання закранула %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation>Ачыстка па тэрмінах захоўвання</translation>
    </message>
</context>
<context>
    <name>pd::AuditExtract</name>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation>period: першы дзень не можа быць пазней за апошні</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запіс</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Час (UTC)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дзеянне</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Аб&apos;ект</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Заява</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Палі</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Падстава</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Падрабязнасці</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Хэш</translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation>Выпіска з журнала аўдыту</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>з %1 па %2</translation>
    </message>
    <message>
        <source>Verification of the chain</source>
        <translation>Праверка ланцужка</translation>
    </message>
    <message>
        <source>Entries in the trail</source>
        <translation>Запісаў у журнале</translation>
    </message>
    <message>
        <source>Hash chain</source>
        <translation>Ланцужок хэшаў</translation>
    </message>
    <message>
        <source>whole: no entry was changed, removed or reordered</source>
        <translation>цэлы: ніводны запіс не зменены, не выдалены і не перастаўлены</translation>
    </message>
    <message>
        <source>broken at entry #%1: %2</source>
        <translation>парушаны на запісе №%1: %2</translation>
    </message>
    <message>
        <source>Entries in the period</source>
        <translation>Запісаў за перыяд</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Запісы</translation>
    </message>
    <message>
        <source>%1 of %2 entries are listed; the CSV or XLSX extract of the same period holds every one (up to %3).</source>
        <translation>Паказана запісаў: %1 з %2; выпіска CSV або XLSX за той жа перыяд утрымлівае ўсе (да %3).</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>За гэты перыяд запісаў няма.</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Праверыў</translation>
    </message>
</context>
<context>
    <name>pd::AuditLog</name>
    <message>
        <source>entry %1 follows entry %2: entries in between were removed</source>
        <translation>запіс %1 ідзе пасля запісу %2: прамежкавыя запісы выдалены</translation>
    </message>
    <message>
        <source>entry %1 appears out of order</source>
        <translation>запіс %1 парушае парадак запісаў</translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it: an entry was removed, reordered or changed</source>
        <translation>запіс %1 не адпавядае папярэдняму запісу: запіс выдалены, перастаўлены або зменены</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written</source>
        <translation>запіс %1 зменены пасля яго стварэння</translation>
    </message>
    <message>
        <source>the audit trail ends at entry %1 but entry %2 was written: the last entries were removed</source>
        <translation>журнал аўдыту заканчваецца запісам %1, але быў створаны запіс %2: апошнія запісы выдалены</translation>
    </message>
    <message>
        <source>the head of the audit trail does not match its last entry %1</source>
        <translation>паказальнік канца журнала аўдыту не супадае з яго апошнім запісам %1</translation>
    </message>
</context>
<context>
    <name>pd::AuditModel</name>
    <message>
        <source>all</source>
        <translation>усе</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Карыстальнік</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дзеянне</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Аб&apos;ект</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Палі</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Падрабязнасці</translation>
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
        <translation>Праверыць &amp;ланцужок</translation>
    </message>
    <message>
        <source>Check that no entry of the audit trail was changed, removed or reordered</source>
        <translation>Праверыць, што ніводны запіс журнала аўдыту не быў зменены, выдалены або перастаўлены</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>&amp;Карыстальнік:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Дзе&amp;янне:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Суб&apos;ект:</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аўдыт</translation>
    </message>
    <message>
        <source>Your role does not include reading the audit trail.</source>
        <translation>Ваша роля не прадугледжвае чытанне журнала аўдыту.</translation>
    </message>
    <message>
        <source>The audit trail is read by officers, auditors and administrators.</source>
        <translation>Журнал аўдыту даступны адказным за абарону даных, аўдытарам і адміністратарам.</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Усе карыстальнікі</translation>
    </message>
    <message>
        <source>Show entries of operator</source>
        <translation>Паказаць запісы карыстальніка</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Усе дзеянні</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Уваходы</translation>
    </message>
    <message>
        <source>Subject changes</source>
        <translation>Змены суб&apos;ектаў</translation>
    </message>
    <message>
        <source>Operator accounts</source>
        <translation>Уліковыя запісы карыстальнікаў</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Узгадненні</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налады</translation>
    </message>
    <message>
        <source>Show entries of the kind</source>
        <translation>Паказаць запісы віду</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Show entries about subject id</source>
        <translation>Паказаць запісы па ID суб&apos;екта</translation>
    </message>
    <message>
        <source>Days are counted in UTC, as the audit trail records them.</source>
        <translation>Дні лічацца па UTC, як і ў журнале аўдыту.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;З:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Па:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Ачысціць</translation>
    </message>
    <message>
        <source>Show every entry again</source>
        <translation>Зноў паказаць усе запісы</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Не ўдалося прачытаць журнал аўдыту: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln запіс</numerusform>
            <numerusform>%Ln запісы</numerusform>
            <numerusform>%Ln запісаў</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry matches the filters.</source>
        <translation>Ніводзін запіс не адпавядае фільтрам.</translation>
    </message>
    <message>
        <source>Operator names must match exactly. Widen the dates, choose All actions, or clear the filters.</source>
        <translation>Імя карыстальніка павінна супадаць дакладна. Пашырце дыяпазон дат, выберыце «Усе дзеянні» або ачысціце фільтры.</translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation>Журнал аўдыту пусты.</translation>
    </message>
    <message>
        <source>Every sign-in and every change of personal data, operators and settings is recorded here.</source>
        <translation>Тут запісваецца кожны ўваход і кожная змена персанальных даных, карыстальнікаў і налад.</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>Праверка журнала аўдыту…</translation>
    </message>
    <message>
        <source>Verified at %1</source>
        <translation>Праверана ў %1</translation>
    </message>
    <message>
        <source>The audit trail could not be verified: %1</source>
        <translation>Не ўдалося праверыць журнал аўдыту: %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit trail intact: %Ln entries verified</source>
        <translation>
            <numerusform>Журнал аўдыту не парушаны: правераны %Ln запіс</numerusform>
            <numerusform>Журнал аўдыту не парушаны: правераны %Ln запісы</numerusform>
            <numerusform>Журнал аўдыту не парушаны: праверана %Ln запісаў</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail broken at entry #%1: %2</source>
        <translation>Журнал аўдыту парушаны на запісе #%1: %2</translation>
    </message>
</context>
<context>
    <name>pd::AuthService</name>
    <message>
        <source>the password must have at least 8 characters</source>
        <translation>пароль павінен змяшчаць не менш за 8 сімвалаў</translation>
    </message>
    <message>
        <source>the password must not start or end with a space</source>
        <translation>пароль не павінен пачынацца або заканчвацца прабелам</translation>
    </message>
    <message>
        <source>an operator name is 2 to 40 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &apos;%1&apos;)</source>
        <translation>імя карыстальніка павінна складацца з 2–40 малых лацінскіх літар, лічбаў, &apos;.&apos;, &apos;_&apos; або &apos;-&apos; (атрымана &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>cannot hash the password (out of memory?)</source>
        <translation>не ўдалося вылічыць хэш пароля (не хапае памяці?)</translation>
    </message>
    <message>
        <source>the first operator must be an administrator (--role admin)</source>
        <translation>першы карыстальнік павінен быць адміністратарам (--role admin)</translation>
    </message>
    <message>
        <source>an operator named %1 already exists</source>
        <translation>карыстальнік з імем %1 ужо існуе</translation>
    </message>
    <message>
        <source>wrong operator name or password, or the account is locked or deactivated</source>
        <translation>няправільнае імя карыстальніка або пароль, альбо ўліковы запіс заблакаваны або адключаны</translation>
    </message>
    <message>
        <source>there is no operator %1</source>
        <translation>няма карыстальніка %1</translation>
    </message>
    <message>
        <source>%1 is the last active administrator: add or activate another one first</source>
        <translation>%1 — апошні актыўны адміністратар: спачатку дадайце або ўключыце іншага</translation>
    </message>
    <message>
        <source>operator %1 is already deactivated</source>
        <translation>карыстальнік %1 ужо адключаны</translation>
    </message>
    <message>
        <source>operator %1 is already active</source>
        <translation>карыстальнік %1 ужо актыўны</translation>
    </message>
    <message>
        <source>operator %1 is already %2</source>
        <translation>у карыстальніка %1 ужо роля %2</translation>
    </message>
</context>
<context>
    <name>pd::BackupActions</name>
    <message>
        <source>Schema %1, %2 subjects, %3 audit entries; the audit chain is whole and the file is intact.</source>
        <translation>Схема %1, суб&apos;ектаў: %2, запісаў аўдыту: %3; ланцужок журнала аўдыту цэлы, файл не пашкоджаны.</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>&amp;Рэзервовая копія базы…</translation>
    </message>
    <message>
        <source>Write a checked copy of the database to a file only you can read</source>
        <translation>Запісаць правераную копію базы ў файл, даступны толькі вам</translation>
    </message>
    <message>
        <source>Back Up the Database</source>
        <translation>Рэзервовае капіраванне базы</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>Базы SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>Капіраванне і праверка базы…</translation>
    </message>
    <message>
        <source>The backup is in %1. %2 Data erased from now on stays in this copy until it is discarded.</source>
        <translation>Рэзервовая копія: %1. %2 Даныя, выдаленыя з гэтага моманту, застаюцца ў гэтай копіі, пакуль яе не знішчаць.</translation>
    </message>
    <message>
        <source>&amp;Restore From Backup…</source>
        <translation>&amp;Аднавіць з копіі…</translation>
    </message>
    <message>
        <source>Replace the database with a checked backup</source>
        <translation>Замяніць базу правераной рэзервовай копіяй</translation>
    </message>
    <message>
        <source>Restore From a Backup</source>
        <translation>Аднаўленне з рэзервовай копіі</translation>
    </message>
    <message>
        <source>Replace everything in the database with the backup %1? Whatever was recorded since that backup is lost, and data erased since comes back and must be erased again. The copy is checked first; a damaged one replaces nothing.</source>
        <translation>Замяніць увесь змест базы рэзервовай копіяй %1? Усё, што запісана пасля гэтай копіі, будзе страчана, а даныя, выдаленыя пасля яе, вернуцца і павінны быць выдалены зноў. Копія спачатку правяраецца; пашкоджаная нічога не заменіць.</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Праверка і аднаўленне копіі…</translation>
    </message>
    <message>
        <source>The database was restored. %1</source>
        <translation>База адноўлена. %1</translation>
    </message>
</context>
<context>
    <name>pd::BackupService</name>
    <message>
        <source>the copy could not start: %1</source>
        <translation>капіраванне не ўдалося пачаць: %1</translation>
    </message>
    <message>
        <source>the copy failed: %1</source>
        <translation>капіраванне не ўдалося: %1</translation>
    </message>
    <message>
        <source>backups here are of an SQLite database; back a PostgreSQL server up with pg_dump</source>
        <translation>тут ствараюцца рэзервовыя копіі базы SQLite; сервер PostgreSQL капіруйце сродкамі pg_dump</translation>
    </message>
    <message>
        <source>%1: there is no such file</source>
        <translation>%1: такога файла няма</translation>
    </message>
    <message>
        <source>%1: not a database (%2)</source>
        <translation>%1: гэта не база даных (%2)</translation>
    </message>
    <message>
        <source>%1: the database is damaged (%2)</source>
        <translation>%1: база даных пашкоджана (%2)</translation>
    </message>
    <message>
        <source>%1 is not a Privacy Desk database</source>
        <translation>%1 — не база даных Privacy Desk</translation>
    </message>
    <message>
        <source>%1 has schema %2; this version reads schemas 1 to %3</source>
        <translation>%1 мае схему %2; гэтая версія чытае схемы з 1 па %3</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>не ўдалося прачытаць %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: its audit trail is broken at entry #%2 (%3)</source>
        <translation>%1: ланцужок журнала аўдыту парушаны на запісе № %2 (%3)</translation>
    </message>
    <message>
        <source>backup: name the file to write</source>
        <translation>backup: пазначце файл для запісу</translation>
    </message>
    <message>
        <source>backup: %1 is the database itself</source>
        <translation>backup: %1 — гэта сама база даных</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>не ўдалося запісаць %1: %2</translation>
    </message>
    <message>
        <source>the backup did not pass its check: %1</source>
        <translation>рэзервовая копія не прайшла праверку: %1</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>не ўдалося запісаць %1</translation>
    </message>
    <message>
        <source>restore: the database is busy; try again</source>
        <translation>restore: база даных занятая; паспрабуйце яшчэ раз</translation>
    </message>
    <message>
        <source>the copy was not restored, nothing was replaced: %1</source>
        <translation>копія не адноўлена, нічога не заменена: %1</translation>
    </message>
    <message>
        <source>the checked copy could not be read: %1</source>
        <translation>не ўдалося прачытаць правераную копію: %1</translation>
    </message>
</context>
<context>
    <name>pd::BlockDialog</name>
    <message>
        <source>subject #%1</source>
        <translation>суб&apos;ект #%1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Блакаванне: %1</translation>
    </message>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation>Заблакаваныя даныя захоўваюцца, але не выкарыстоўваюцца: яны даступныя толькі для чытання і адзначаны на ўсіх экранах, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation>абавязкова, напрыклад дакладнасць даных аспрэчана і правяраецца</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Заблакавана да</translation>
    </message>
    <message>
        <source>The &amp;whole subject</source>
        <translation>&amp;Увесь суб&apos;ект</translation>
    </message>
    <message>
        <source>Only the &amp;items ticked below</source>
        <translation>Толькі &amp;адзначаныя ніжэй элементы</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значэнне</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>схавана</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Прычына:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Заканчэнне:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;пыт #:</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Заблакаваць</translation>
    </message>
    <message>
        <source>Give a reason for the block first.</source>
        <translation>Спачатку пазначце прычыну блакавання.</translation>
    </message>
    <message>
        <source>Tick the items to block, or choose the whole subject.</source>
        <translation>Адзначце элементы для блакавання або выберыце ўвесь суб&apos;ект.</translation>
    </message>
</context>
<context>
    <name>pd::BreachDeadlines</name>
    <message>
        <source>GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation>GDPR, арт. 33(1): на працягу 72 гадзін з моманту, калі стала вядома пра парушэнне</translation>
    </message>
    <message>
        <source>UK GDPR art. 33(1): within 72 hours of becoming aware</source>
        <translation>UK GDPR, арт. 33(1): на працягу 72 гадзін з моманту, калі стала вядома пра парушэнне</translation>
    </message>
    <message>
        <source>Law 99-Z art. 16: immediately, at most within three working days</source>
        <translation>Закон 99-З, арт. 16: неадкладна, але не пазней чым праз тры працоўныя дні</translation>
    </message>
    <message>
        <source>152-FZ art. 21(3.1): within 24 hours; the result of the investigation within 72 hours</source>
        <translation>152-ФЗ, арт. 21(3.1): на працягу 24 гадзін; вынік расследавання — на працягу 72 гадзін</translation>
    </message>
    <message>
        <source>LGPD art. 48, ANPD Resolution 15/2024: within three working days</source>
        <translation>LGPD, арт. 48, Рэзалюцыя ANPD 15/2024: не пазней чым праз тры працоўныя дні</translation>
    </message>
    <message>
        <source>Cal. Civ. Code 1798.82: in the most expedient time possible, no fixed deadline</source>
        <translation>Грамадзянскі кодэкс Каліфорніі, 1798.82: у найкарацейшы магчымы тэрмін, фіксаванага тэрміну няма</translation>
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
        <translation>каля %1</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>пакуль невядома</translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation>інцыдэнт №%1 не зарэгістраваны па рэжыме %2</translation>
    </message>
    <message>
        <source>Notification of a personal-data breach</source>
        <translation>Апавяшчэнне аб парушэнні бяспекі персанальных даных</translation>
    </message>
    <message>
        <source>Breach #%1, to the supervisory authority under:
%2</source>
        <translation>Інцыдэнт №%1, апавяшчэнне ўпаўнаважанага органа ў адпаведнасці з:
%2</translation>
    </message>
    <message>
        <source>The breach</source>
        <translation>Парушэнне</translation>
    </message>
    <message>
        <source>Became known</source>
        <translation>Стала вядома</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Зарэгістравана</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation>Характар парушэння</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Катэгорыі даных</translation>
    </message>
    <message>
        <source>Subjects concerned</source>
        <translation>Закранута суб&apos;ектаў</translation>
    </message>
    <message>
        <source>Records concerned</source>
        <translation>Закранута запісаў</translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation>Магчымыя наступствы</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Прынятыя меры</translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation>Прапанаваныя меры</translation>
    </message>
    <message>
        <source>Contact point (DPO)</source>
        <translation>Кантактная асоба (DPO)</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Апавяшчэнні</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Рэжым</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Тэрмін</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Апавешчана</translation>
    </message>
    <message>
        <source>Reasons for the delay</source>
        <translation>Прычыны затрымкі</translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation>без устаноўленага тэрміну</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>яшчэ не</translation>
    </message>
    <message>
        <source>The result of the investigation is due by %1 (%2).</source>
        <translation>Вынік расследавання — да %1 (%2).</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Са спазненнем</translation>
    </message>
    <message>
        <source>This notice was made after its deadline; the reasons are given below.</source>
        <translation>Апавяшчэнне накіравана пасля заканчэння тэрміну; прычыны пададзены ніжэй.</translation>
    </message>
    <message>
        <source>The subjects</source>
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>High risk to the subjects</source>
        <translation>Высокая рызыка для суб&apos;ектаў</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>не</translation>
    </message>
    <message>
        <source>Subjects told</source>
        <translation>Суб&apos;екты апавешчаны</translation>
    </message>
    <message>
        <source>not yet: they are to be told without undue delay (GDPR art. 34)</source>
        <translation>яшчэ не: іх трэба апавясціць без неапраўданай затрымкі (GDPR, арт. 34)</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>не патрабуецца</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>For the controller</source>
        <translation>Ад імя аператара</translation>
    </message>
</context>
<context>
    <name>pd::BreachRegister</name>
    <message>
        <source>regime: at least one regime applies to a breach</source>
        <translation>regime: для парушэння бяспекі персанальных даных трэба пазначыць хаця б адзін рэжым</translation>
    </message>
    <message>
        <source>regime: a regime is named twice</source>
        <translation>regime: рэжым пазначаны двойчы</translation>
    </message>
    <message>
        <source>nature: describe what happened</source>
        <translation>nature: апішыце, што адбылося</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters</source>
        <translation>%1: даўжэй за %2 сімвалаў</translation>
    </message>
    <message>
        <source>categories: &apos;%1&apos; is not a category key (lower-case letters, digits, - and _)</source>
        <translation>categories: &apos;%1&apos; — недапушчальны ключ катэгорыі (малыя лацінскія літары, лічбы, - і _)</translation>
    </message>
    <message>
        <source>subjects, records: a number of 0 or more</source>
        <translation>subjects, records: чакаецца лік 0 або больш</translation>
    </message>
    <message>
        <source>breach #%1 does not exist</source>
        <translation>інцыдэнт #%1 не існуе</translation>
    </message>
    <message>
        <source>reason: longer than %1 characters</source>
        <translation>reason: даўжэй за %1 сімвалаў</translation>
    </message>
    <message>
        <source>at: before the breach was discovered (%1)</source>
        <translation>at: раней за момант выяўлення інцыдэнту (%1)</translation>
    </message>
    <message>
        <source>breach #%1 is not recorded under %2</source>
        <translation>інцыдэнт #%1 не зарэгістраваны па рэжыме %2</translation>
    </message>
    <message>
        <source>breach #%1 was notified already</source>
        <translation>апавяшчэнне пра інцыдэнт #%1 ужо накіравана</translation>
    </message>
    <message>
        <source>reason: the notice is late for %1; the reasons for the delay are required (GDPR art. 33(1))</source>
        <translation>reason: тэрмін апавяшчэння прапушчаны для %1; неабходна пазначыць прычыны затрымкі (GDPR, арт. 33(1))</translation>
    </message>
    <message>
        <source>breach #%1: the subjects were told already</source>
        <translation>інцыдэнт #%1: суб&apos;екты ўжо апавешчаны</translation>
    </message>
    <message>
        <source>%1: a date and time is required</source>
        <translation>%1: трэба пазначыць дату і час</translation>
    </message>
    <message>
        <source>%1: lies in the future</source>
        <translation>%1: дата і час у будучыні</translation>
    </message>
</context>
<context>
    <name>pd::BulkAction</name>
    <message>
        <source>a reason is required</source>
        <translation>неабходна пазначыць прычыну</translation>
    </message>
    <message>
        <source>no subjects were given</source>
        <translation>не пазначаны суб&apos;екты</translation>
    </message>
    <message>
        <source>the block must last until a future date</source>
        <translation>блакаванне павінна дзейнічаць да даты ў будучыні</translation>
    </message>
</context>
<context>
    <name>pd::BulkActionDialog</name>
    <message>
        <source>Blocked data is kept but not used: it is read-only and marked in every view until the block is lifted.</source>
        <translation>Заблакаваныя даныя захоўваюцца, але не выкарыстоўваюцца: яны даступныя толькі для чытання і адзначаны на ўсіх экранах, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>Values are removed or generalized; this cannot be undone.</source>
        <translation>Значэнні выдаляюцца або абагульняюцца; гэта дзеянне нельга адмяніць.</translation>
    </message>
    <message>
        <source>All data is destroyed; only the fact of deletion is kept.</source>
        <translation>Усе даныя знішчаюцца; захоўваецца толькі факт выдалення.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) will be blocked; subjects already blocked or anonymized are skipped.</source>
        <translation>
            <numerusform>%Ln суб&apos;ект будзе заблакаваны; ужо заблакаваныя або абязасобленыя суб&apos;екты прапускаюцца.</numerusform>
            <numerusform>%Ln суб&apos;екты будуць заблакаваны; ужо заблакаваныя або абязасобленыя суб&apos;екты прапускаюцца.</numerusform>
            <numerusform>%Ln суб&apos;ектаў будуць заблакаваны; ужо заблакаваныя або абязасобленыя суб&apos;екты прапускаюцца.</numerusform>
        </translation>
    </message>
    <message>
        <source>required, e.g. erasure request, retention period over</source>
        <translation>абавязкова, напрыклад запыт на выдаленне або мінуў тэрмін захоўвання</translation>
    </message>
    <message>
        <source>required, e.g. accuracy disputed while it is verified</source>
        <translation>абавязкова, напрыклад дакладнасць даных аспрэчана і правяраецца</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Прычына:</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Заканчэнне:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;пыт #:</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Блакаванне</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Абязасабленне</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Выдаленне</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln data item(s) — %1</source>
        <translation>
            <numerusform>%Ln элемент даных — %1</numerusform>
            <numerusform>%Ln элементы даных — %1</numerusform>
            <numerusform>%Ln элементаў даных — %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no data items</source>
        <translation>няма элементаў даных</translation>
    </message>
    <message numerus="yes">
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln запіс пра згоду</numerusform>
            <numerusform>%Ln запісы пра згоду</numerusform>
            <numerusform>%Ln запісаў пра згоду</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disclosure(s) to third parties</source>
        <translation>
            <numerusform>%Ln прадастаўленне трэцім асобам</numerusform>
            <numerusform>%Ln прадастаўленні трэцім асобам</numerusform>
            <numerusform>%Ln прадастаўленняў трэцім асобам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked: deleting ends the block</source>
        <translation>
            <numerusform>%Ln з іх заблакаваны: выдаленне спыняе блакаванне</numerusform>
            <numerusform>%Ln з іх заблакаваны: выдаленне спыняе блакаванне</numerusform>
            <numerusform>%Ln з іх заблакаваны: выдаленне спыняе блакаванне</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them blocked</source>
        <translation>
            <numerusform>%Ln з іх заблакаваны</numerusform>
            <numerusform>%Ln з іх заблакаваны</numerusform>
            <numerusform>%Ln з іх заблакаваны</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them with data-subject requests</source>
        <translation>
            <numerusform>у %Ln з іх ёсць запыты суб&apos;екта персанальных даных</numerusform>
            <numerusform>у %Ln з іх ёсць запыты суб&apos;екта персанальных даных</numerusform>
            <numerusform>у %Ln з іх ёсць запыты суб&apos;екта персанальных даных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Block %Ln subject(s)</source>
        <translation>
            <numerusform>Блакаванне %Ln суб&apos;екта</numerusform>
            <numerusform>Блакаванне %Ln суб&apos;ектаў</numerusform>
            <numerusform>Блакаванне %Ln суб&apos;ектаў</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)</source>
        <translation>
            <numerusform>Абязасабленне %Ln суб&apos;екта</numerusform>
            <numerusform>Абязасабленне %Ln суб&apos;ектаў</numerusform>
            <numerusform>Абязасабленне %Ln суб&apos;ектаў</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)</source>
        <translation>
            <numerusform>Выдаленне %Ln суб&apos;екта</numerusform>
            <numerusform>Выдаленне %Ln суб&apos;ектаў</numerusform>
            <numerusform>Выдаленне %Ln суб&apos;ектаў</numerusform>
        </translation>
    </message>
    <message>
        <source>Give a reason first; it is kept in the audit trail.</source>
        <translation>Спачатку пазначце прычыну; яна захоўваецца ў журнале аўдыту.</translation>
    </message>
    <message numerus="yes">
        <source>Anonymize %Ln subject(s)? Values are removed or generalized; this cannot be undone.</source>
        <translation>
            <numerusform>%Ln суб&apos;ект будзе абязасоблены. Абязасобіць? Значэнні выдаляюцца або абагульняюцца; гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;екты будуць абязасоблены. Абязасобіць? Значэнні выдаляюцца або абагульняюцца; гэта дзеянне нельга адмяніць.</numerusform>
            <numerusform>%Ln суб&apos;ектаў будуць абязасоблены. Абязасобіць? Значэнні выдаляюцца або абагульняюцца; гэта дзеянне нельга адмяніць.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln subject(s)? All data is destroyed; only the fact of deletion is kept.</source>
        <translation>
            <numerusform>%Ln суб&apos;ект будзе выдалены. Выдаліць? Усе даныя знішчаюцца; захоўваецца толькі факт выдалення.</numerusform>
            <numerusform>%Ln суб&apos;екты будуць выдалены. Выдаліць? Усе даныя знішчаюцца; захоўваецца толькі факт выдалення.</numerusform>
            <numerusform>%Ln суб&apos;ектаў будуць выдалены. Выдаліць? Усе даныя знішчаюцца; захоўваецца толькі факт выдалення.</numerusform>
        </translation>
    </message>
    <message>
        <source>What will be lost:</source>
        <translation>Што будзе страчана:</translation>
    </message>
</context>
<context>
    <name>pd::BulkJob</name>
    <message>
        <source>Working — Privacy Desk</source>
        <translation>Выкананне — Privacy Desk</translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation>Спыненне пасля завяршэння бягучага пакета…</translation>
    </message>
    <message>
        <source>Blocking subjects: %1 of %2</source>
        <translation>Блакаванне суб&apos;ектаў: %1 з %2</translation>
    </message>
    <message>
        <source>Anonymizing subjects: %1 of %2</source>
        <translation>Абязасабленне суб&apos;ектаў: %1 з %2</translation>
    </message>
    <message>
        <source>Deleting subjects: %1 of %2</source>
        <translation>Выдаленне суб&apos;ектаў: %1 з %2</translation>
    </message>
    <message>
        <source>Nothing more was changed: %1</source>
        <translation>Больш нічога не зменена: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) were not changed yet: the action waits for a second officer (approval #%1).</source>
        <translation>
            <numerusform>%Ln суб&apos;ект пакуль не зменены: дзеянне чакае другога адказнага (узгадненне #%1).</numerusform>
            <numerusform>%Ln суб&apos;екты пакуль не зменены: дзеянне чакае другога адказнага (узгадненне #%1).</numerusform>
            <numerusform>%Ln суб&apos;ектаў пакуль не зменены: дзеянне чакае другога адказнага (узгадненне #%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) blocked.</source>
        <translation>
            <numerusform>Заблакаваны %Ln суб&apos;ект.</numerusform>
            <numerusform>Заблакаваны %Ln суб&apos;екты.</numerusform>
            <numerusform>Заблакавана %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) anonymized.</source>
        <translation>
            <numerusform>Абязасоблены %Ln суб&apos;ект.</numerusform>
            <numerusform>Абязасоблены %Ln суб&apos;екты.</numerusform>
            <numerusform>Абязасоблена %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) deleted.</source>
        <translation>
            <numerusform>Выдалены %Ln суб&apos;ект.</numerusform>
            <numerusform>Выдалены %Ln суб&apos;екты.</numerusform>
            <numerusform>Выдалена %Ln суб&apos;ектаў.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped (already in that state, or gone).</source>
        <translation>
            <numerusform>Прапушчаны %Ln суб&apos;ект (ужо ў гэтым стане або адсутнічае).</numerusform>
            <numerusform>Прапушчаны %Ln суб&apos;екты (ужо ў гэтым стане або адсутнічаюць).</numerusform>
            <numerusform>Прапушчана %Ln суб&apos;ектаў (ужо ў гэтым стане або адсутнічаюць).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln subject(s) were not touched.</source>
        <translation>
            <numerusform>Скасавана: %Ln суб&apos;ект не закрануты.</numerusform>
            <numerusform>Скасавана: %Ln суб&apos;екты не закрануты.</numerusform>
            <numerusform>Скасавана: %Ln суб&apos;ектаў не закрануты.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::CalendarDialog</name>
    <message>
        <source>Working-Day Calendars — Privacy Desk</source>
        <translation>Календары працоўных дзён — Privacy Desk</translation>
    </message>
    <message>
        <source>Deadlines of data-subject requests are counted in working days on the calendar of the country whose law applies. New requests count on the calendar as edited here; requests already registered keep their due dates.</source>
        <translation>Тэрміны адказу на запыты суб&apos;ектаў лічацца ў працоўных днях па календары краіны, чый закон прымяняецца. Новыя запыты лічацца па календары з праўкамі, зробленымі тут; ужо зарэгістраваныя запыты захоўваюць свае тэрміны.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Краіна:</translation>
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
        <translation>Дзень тыдня</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заўвага</translation>
    </message>
    <message>
        <source>Days off and edits</source>
        <translation>Выхадныя дні і праўкі</translation>
    </message>
    <message>
        <source>Edit a day</source>
        <translation>Змяніць дзень</translation>
    </message>
    <message>
        <source>e.g. transfer by government decree of 2025-12-20</source>
        <translation>напрыклад, перанос працоўнага дня</translation>
    </message>
    <message>
        <source>Add &amp;day off</source>
        <translation>Дадаць &amp;выхадны</translation>
    </message>
    <message>
        <source>Add &amp;working day</source>
        <translation>Дадаць &amp;працоўны дзень</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>Д&amp;ата:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Заўвага:</translation>
    </message>
    <message>
        <source>&amp;Remove edit…</source>
        <translation>&amp;Выдаліць праўку…</translation>
    </message>
    <message>
        <source>Your role (%1) cannot edit the calendars; privacy officers and administrators can.</source>
        <translation>Ваша роля (%1) не дазваляе змяняць календары; гэта могуць адказныя за абарону даных і адміністратары.</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Беларусь</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Расія</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Вялікабрытанія</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Германія</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>ЗША</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Бразілія</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edited by the office</source>
        <translation>Зменена офісам</translation>
    </message>
    <message>
        <source>Working days in %1: %2. Office edits: %3.</source>
        <translation>Працоўных дзён у %1 годзе: %2. Правак офіса: %3.</translation>
    </message>
    <message>
        <source>No public holidays are built in for this country: add the days off it observes.</source>
        <translation>Для гэтай краіны святы не ўбудаваны: дадайце яе выхадныя дні.</translation>
    </message>
    <message>
        <source>Add Day Off</source>
        <translation>Дадаць выхадны</translation>
    </message>
    <message>
        <source>Add Working Day</source>
        <translation>Дадаць працоўны дзень</translation>
    </message>
    <message>
        <source>%1 already has an edit (%2). Replace it?</source>
        <translation>Для %1 ужо ёсць праўка (%2). Замяніць яе?</translation>
    </message>
    <message>
        <source>%1 is now a day off.</source>
        <translation>%1 цяпер выхадны дзень.</translation>
    </message>
    <message>
        <source>%1 is now a working day.</source>
        <translation>%1 цяпер працоўны дзень.</translation>
    </message>
    <message>
        <source>It falls on a weekend, so deadlines do not change.</source>
        <translation>Ён прыпадае на выхадныя, таму тэрміны не змяняюцца.</translation>
    </message>
    <message>
        <source>It was one already, so deadlines do not change.</source>
        <translation>Ён ужо быў такім, таму тэрміны не змяняюцца.</translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? The built-in holiday holds again.</source>
        <translation>Выдаліць праўку офіса для %1? Зноў дзейнічае ўбудаванае свята.</translation>
    </message>
    <message>
        <source>Remove the office&apos;s edit of %1? It becomes an ordinary %2 again.</source>
        <translation>Выдаліць праўку офіса для %1? Ён зноў стане звычайным днём (%2).</translation>
    </message>
    <message>
        <source>Remove Edit</source>
        <translation>Выдаліць праўку</translation>
    </message>
    <message>
        <source>The edit of %1 was removed.</source>
        <translation>Праўка для %1 выдалена.</translation>
    </message>
    <message>
        <source>Built-in holidays cannot be removed: add a working day on that date instead.</source>
        <translation>Убудаваныя святы нельга выдаліць: замест гэтага дадайце працоўны дзень на гэтую дату.</translation>
    </message>
    <message>
        <source>Built-in holiday</source>
        <translation>Убудаванае свята</translation>
    </message>
    <message>
        <source>Built-in holiday, noted</source>
        <translation>Убудаванае свята, з заўвагай</translation>
    </message>
    <message>
        <source>Built-in holiday taken back</source>
        <translation>Убудаванае свята адменена</translation>
    </message>
    <message>
        <source>Added day off (a weekend)</source>
        <translation>Дададзены выхадны (прыпадае на выхадныя)</translation>
    </message>
    <message>
        <source>Added day off</source>
        <translation>Дададзены выхадны</translation>
    </message>
    <message>
        <source>Working day (transfer)</source>
        <translation>Працоўны дзень (перанос)</translation>
    </message>
    <message>
        <source>Working day (no change)</source>
        <translation>Працоўны дзень (без змен)</translation>
    </message>
</context>
<context>
    <name>pd::CalendarService</name>
    <message>
        <source>country: expected a two-letter ISO code such as BY, got &apos;%1&apos;</source>
        <translation>краіна: чакаецца двухлітарны код ISO, напрыклад BY, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>day: expected a date as YYYY-MM-DD</source>
        <translation>дзень: чакаецца дата ў фармаце YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1 has no edit on %2</source>
        <translation>у календары %1 няма змены на %2</translation>
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
    <message>
        <source>%1 needs --operator NAME (and the password in PRIVACYDESK_PASSWORD)</source>
        <translation>для %1 патрэбны параметр --operator NAME (і пароль у PRIVACYDESK_PASSWORD)</translation>
    </message>
    <message>
        <source>--operator %1: set the password in the environment variable PRIVACYDESK_PASSWORD</source>
        <translation>--operator %1: задайце пароль у пераменнай асяроддзя PRIVACYDESK_PASSWORD</translation>
    </message>
    <message>
        <source>operator add: expected one NAME, got %1</source>
        <translation>operator add: чакаецца адно імя NAME, атрымана: %1</translation>
    </message>
    <message>
        <source>operator add: --role is required (%1)</source>
        <translation>operator add: абавязковы параметр --role (%1)</translation>
    </message>
    <message>
        <source>operator add: --role: expected %1, got &apos;%2&apos;</source>
        <translation>operator add: --role: чакаецца %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>operator add: set the new operator&apos;s password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation>operator add: задайце пароль новага карыстальніка ў PRIVACYDESK_NEW_PASSWORD</translation>
    </message>
    <message>
        <source>Operator %1 (%2) added.</source>
        <translation>Карыстальнік %1 (%2) дададзены.</translation>
    </message>
    <message>
        <source>First administrator %1 added.</source>
        <translation>Першы адміністратар %1 дададзены.</translation>
    </message>
    <message>
        <source>operator list: unexpected argument &apos;%1&apos;</source>
        <translation>operator list: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>дэактываваны</translation>
    </message>
    <message>
        <source> locked until %1</source>
        <translation> заблакаваны да %1</translation>
    </message>
    <message>
        <source>settings: expected &apos;show&apos; or &apos;set KEY VALUE&apos;</source>
        <translation>settings: чакаецца &apos;show&apos; або &apos;set KEY VALUE&apos;</translation>
    </message>
    <message>
        <source>settings set: unknown KEY &apos;%1&apos;</source>
        <translation>settings set: невядомы ключ (KEY) &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit verify: unexpected argument &apos;%1&apos;</source>
        <translation>audit verify: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit trail broken at entry %1: %2</source>
        <translation>журнал аўдыту парушаны на запісе %1: %2</translation>
    </message>
    <message>
        <source>Audit trail intact: %1 entries verified.</source>
        <translation>Журнал аўдыту не парушаны: праверана запісаў — %1.</translation>
    </message>
    <message>
        <source>audit list: --subject: expected a subject id, got &apos;%1&apos;</source>
        <translation>audit list: --subject: чакаецца ID суб&apos;екта, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>audit list: --%1: expected YYYY-MM-DD, got &apos;%2&apos;</source>
        <translation>audit list: --%1: чакаецца дата YYYY-MM-DD, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>audit list: --limit: expected a whole number above 0</source>
        <translation>audit list: --limit: чакаецца цэлы лік больш за 0</translation>
    </message>
    <message>
        <source>approval %1: ID: expected an approval number, got &apos;%2&apos;</source>
        <translation>approval %1: ID: чакаецца нумар узгаднення, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Approval %1 approved and carried out.</source>
        <translation>Узгадненне %1 зацверджана і выканана.</translation>
    </message>
    <message>
        <source>Approval %1 rejected.</source>
        <translation>Узгадненне %1 адхілена.</translation>
    </message>
    <message>
        <source>Imported %1 subjects; %2 rows rejected%3.</source>
        <translation>Імпартавана суб&apos;ектаў: %1; адхілена радкоў: %2%3.</translation>
    </message>
    <message>
        <source> (written to %1)</source>
        <translation> (запісаны ў %1)</translation>
    </message>
    <message>
        <source>%1: --request: expected a request number, got &apos;%2&apos;</source>
        <translation>%1: --request: чакаецца нумар запыту, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: ID: expected a subject number, got &apos;%2&apos;</source>
        <translation>%1: ID: чакаецца нумар суб&apos;екта, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>subjects search: expected one TEXT (quote it when it has spaces)</source>
        <translation>subjects search: чакаецца адзін аргумент TEXT (вазьміце яго ў двукоссе, калі ў ім ёсць прабелы)</translation>
    </message>
    <message>
        <source>subjects search: --state: expected active, blocked or anonymized, got &apos;%1&apos;</source>
        <translation>subjects search: --state: чакаецца active, blocked або anonymized, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>subjects search: --category: expected one of %1, got &apos;%2&apos;</source>
        <translation>subjects search: --category: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>subjects search: --limit: expected a whole number from 1 to 100000, got &apos;%1&apos;</source>
        <translation>subjects search: --limit: чакаецца цэлы лік ад 1 да 100000, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>subject show: expected one ID</source>
        <translation>subject show: чакаецца адзін ID</translation>
    </message>
    <message>
        <source>Subject #%1 (%2), version %3, controller %4</source>
        <translation>Суб&apos;ект #%1 (%2), версія %3, аператар %4</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(схавана)</translation>
    </message>
    <message>
        <source>%1: expected one ID</source>
        <translation>%1: чакаецца адзін ID</translation>
    </message>
    <message>
        <source>%1: --reason TEXT is required</source>
        <translation>%1: абавязковы параметр --reason TEXT</translation>
    </message>
    <message>
        <source>%1: --until: expected a date as YYYY-MM-DD (block only)</source>
        <translation>%1: --until: чакаецца дата ў фармаце YYYY-MM-DD (толькі для block)</translation>
    </message>
    <message>
        <source>Subject #%1: %2 done.</source>
        <translation>Суб&apos;ект #%1: %2 — выканана.</translation>
    </message>
    <message>
        <source>%1: expected one or more IDs</source>
        <translation>%1: чакаецца адзін або некалькі ID</translation>
    </message>
    <message>
        <source>Waiting for a second officer: approval #%1 (privacydesk-cli approval approve %1).</source>
        <translation>Чакаецца другі адказны: узгадненне #%1 (privacydesk-cli approval approve %1).</translation>
    </message>
    <message>
        <source>%1: nothing to do: the subjects are gone or already %2</source>
        <translation>%1: няма чаго выконваць: суб&apos;екты адсутнічаюць або ўжо %2</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>выдалены</translation>
    </message>
    <message>
        <source>anonymized</source>
        <translation>абязасоблены</translation>
    </message>
    <message>
        <source>%1: %2 subjects done, %3 skipped.</source>
        <translation>%1: апрацавана суб&apos;ектаў: %2, прапушчана: %3.</translation>
    </message>
    <message>
        <source>request add: unexpected argument &apos;%1&apos;</source>
        <translation>request add: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request add: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation>request add: --type: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request add: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation>request add: --regime: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request add: --subject: expected a subject number, got &apos;%1&apos;</source>
        <translation>request add: --subject: чакаецца нумар суб&apos;екта, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request add: --subject ID, or --name with --new-subject (or without a subject) is required</source>
        <translation>request add: абавязковы параметр --subject ID або --name разам з --new-subject (ці без суб&apos;екта)</translation>
    </message>
    <message>
        <source>%1 request under %2, registered from the command line</source>
        <translation>Запыт (%1, %2), зарэгістраваны з каманднага радка</translation>
    </message>
    <message>
        <source>request list: unexpected argument &apos;%1&apos;</source>
        <translation>request list: лішні аргумент &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request list: --status: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --status: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --type: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --type: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --regime: expected one of %1, got &apos;%2&apos;</source>
        <translation>request list: --regime: чакаецца адно з: %1, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request list: --limit: expected a positive number, got &apos;%1&apos;</source>
        <translation>request list: --limit: чакаецца дадатны лік, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>request show: expected one ID</source>
        <translation>request show: чакаецца адзін ID</translation>
    </message>
    <message>
        <source>request show: expected a request number, got &apos;%1&apos;</source>
        <translation>request show: чакаецца нумар запыту, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Request #%1: %2 under %3, %4</source>
        <translation>Запыт #%1: %2 (%3), %4</translation>
    </message>
    <message>
        <source>  received %1, due %2</source>
        <translation>  атрыманы %1, тэрмін %2</translation>
    </message>
    <message>
        <source>(extended from %1)</source>
        <translation>(тэрмін падоўжаны з %1)</translation>
    </message>
    <message>
        <source>(clock stopped since %1)</source>
        <translation>(адлік тэрміну прыпынены з %1)</translation>
    </message>
    <message>
        <source>  requester: %1</source>
        <translation>  заяўнік: %1</translation>
    </message>
    <message>
        <source>  subject: #%1</source>
        <translation>  суб&apos;ект: #%1</translation>
    </message>
    <message>
        <source>  possible duplicate of #%1</source>
        <translation>  магчымы дублікат #%1</translation>
    </message>
    <message>
        <source>%1: expected one of: %2</source>
        <translation>%1: чакаецца адно з: %2</translation>
    </message>
    <message>
        <source>%1: unknown &apos;%2&apos; (expected one of: %3)</source>
        <translation>%1: невядомая падкаманда &apos;%2&apos; (чакаецца адно з: %3)</translation>
    </message>
    <message>
        <source>%1: expected one NAME, got %2</source>
        <translation>%1: чакаецца адно ІМЯ, атрымана %2</translation>
    </message>
    <message>
        <source>%1: --role: expected %2, got &apos;%3&apos;</source>
        <translation>%1: --role: чакаецца %2, атрымана &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1: set the new password in PRIVACYDESK_NEW_PASSWORD</source>
        <translation>%1: задайце новы пароль у PRIVACYDESK_NEW_PASSWORD</translation>
    </message>
    <message>
        <source>Operator %1 deactivated.</source>
        <translation>Карыстальнік %1 адключаны.</translation>
    </message>
    <message>
        <source>Operator %1 activated.</source>
        <translation>Карыстальнік %1 уключаны.</translation>
    </message>
    <message>
        <source>Operator %1 unlocked.</source>
        <translation>Карыстальнік %1 разблакаваны.</translation>
    </message>
    <message>
        <source>The password of operator %1 was set.</source>
        <translation>Пароль карыстальніка %1 зададзены.</translation>
    </message>
    <message>
        <source>Operator %1 is now %2.</source>
        <translation>Роля карыстальніка %1 цяпер %2.</translation>
    </message>
    <message>
        <source>settings set %1: VALUE must be a whole number from %2 to %3, got &apos;%4&apos;</source>
        <translation>settings set %1: ЗНАЧЭННЕ павінна быць цэлым лікам ад %2 да %3, атрымана &apos;%4&apos;</translation>
    </message>
    <message>
        <source>approval: expected &apos;list&apos;, &apos;approve ID&apos;, &apos;reject ID --note TEXT&apos; or &apos;cancel ID --note TEXT&apos;</source>
        <translation>approval: чакаецца &apos;list&apos;, &apos;approve ID&apos;, &apos;reject ID --note ТЭКСТ&apos; або &apos;cancel ID --note ТЭКСТ&apos;</translation>
    </message>
    <message>
        <source>approval %1: --note TEXT is required</source>
        <translation>approval %1: патрабуецца --note ТЭКСТ</translation>
    </message>
    <message>
        <source>Approval %1 cancelled; what was done stays done.</source>
        <translation>Узгадненне %1 адменена; зробленае застаецца.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>чакае</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>выканана %1 з %2</translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation>Перапынены імпарт гэтага файла працягнуты пасля радка %1.</translation>
    </message>
    <message>
        <source>warning: every local user can read a password given in --db (ps); put it in PGPASSFILE, or the whole URL in PRIVACYDESK_DB</source>
        <translation>папярэджанне: пароль у --db бачны ўсім лакальным карыстальнікам (ps); укажыце яго ў PGPASSFILE або ўвесь URL у PRIVACYDESK_DB</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1: не ўдаецца прачытаць %2: %3</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>стандартны ўвод</translation>
    </message>
    <message>
        <source>%1: more than %2 MiB</source>
        <translation>%1: больш за %2 МіБ</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1: не тэкст у UTF-8</translation>
    </message>
    <message>
        <source>subject correct: expected ID FIELD VALUE, ID FIELD - (the value on standard input) or ID FIELD --value-file FILE</source>
        <translation>subject correct: чакаецца ID ПОЛЕ ЗНАЧЭННЕ, ID ПОЛЕ - (значэнне са стандартнага ўводу) або ID ПОЛЕ --value-file ФАЙЛ</translation>
    </message>
    <message>
        <source>request add: --from: not a JSON object (at character %1)</source>
        <translation>request add: --from: не аб&apos;ект JSON (сімвал %1)</translation>
    </message>
    <message>
        <source>request add: --from: unknown key &apos;%1&apos; (expected %2)</source>
        <translation>request add: --from: невядомы ключ &apos;%1&apos; (чакаецца %2)</translation>
    </message>
    <message>
        <source>request add: --%1: expected a date as YYYY-MM-DD</source>
        <translation>request add: --%1: чакаецца дата ў выглядзе ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>An interrupted demo run was removed before this one.</source>
        <translation>Перапынены запуск дэманстрацыйных даных выдалены перад гэтым.</translation>
    </message>
    <message>
        <source>%1 of %2 subjects</source>
        <translation>%1 з %2 суб&apos;ектаў</translation>
    </message>
    <message>
        <source>%1: expected ID DATE (YYYY-MM-DD, or none while the contract runs)</source>
        <translation>%1: чакаліся ID ДАТА (ГГГГ-ММ-ДД або none, пакуль дагавор дзейнічае)</translation>
    </message>
    <message>
        <source>%1: DATE: expected YYYY-MM-DD or none</source>
        <translation>%1: ДАТА: чакалася ГГГГ-ММ-ДД або none</translation>
    </message>
    <message>
        <source>Subject #%1: the contract ended on %2.</source>
        <translation>Суб&apos;ект №%1: дагавор скончаны %2.</translation>
    </message>
    <message>
        <source>Subject #%1: the contract runs.</source>
        <translation>Суб&apos;ект №%1: дагавор дзейнічае.</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1: лішні аргумент «%2»</translation>
    </message>
    <message>
        <source>%1: --today: expected a date as YYYY-MM-DD</source>
        <translation>%1: --today: чакалася дата ў выглядзе ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Retention on %1 (nothing is changed: --dry-run)</source>
        <translation>Тэрміны захоўвання на %1 (нічога не зменена: --dry-run)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s), kept: no date can be computed yet, waiting for %1</source>
        <translation>
            <numerusform>%Ln элемент захоўваецца: дату пакуль нельга вылічыць, чакаецца %1</numerusform>
            <numerusform>%Ln элементы захоўваюцца: дату пакуль нельга вылічыць, чакаецца %1</numerusform>
            <numerusform>%Ln элементаў захоўваюцца: дату пакуль нельга вылічыць, чакаецца %1</numerusform>
        </translation>
    </message>
    <message>
        <source>anonymize</source>
        <translation>абязлічыць</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>выдаліць</translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due: %1</source>
        <translation>Запланаваныя пасля адклікання згоды выдаленні, тэрмін якіх надышоў: %1</translation>
    </message>
    <message>
        <source>Retention on %1: %2 subjects would change, more than one officer may change alone. Nothing was done: approval #%3 waits for a second officer (privacydesk-cli approval approve %3).</source>
        <translation>Тэрміны захоўвання на %1: змяніліся б суб&apos;екты (%2) — больш, чым адзін адказны можа змяніць сам. Нічога не зроблена: узгадненне #%3 чакае другога адказнага (privacydesk-cli approval approve %3).</translation>
    </message>
    <message>
        <source>Retention on %1:</source>
        <translation>Тэрміны захоўвання на %1:</translation>
    </message>
    <message>
        <source>%1 items due; held back: %2 blocked, %3 under an open request, %4 under a legal hold</source>
        <translation>элементаў з мінулым тэрмінам: %1; утрымана: заблакіравана — %2, па адкрытым запыце — %3, па юрыдычным утрыманні — %4</translation>
    </message>
    <message>
        <source>Subjects deleted: %1, anonymized: %2; subjects that keep other data: %3 (items deleted: %4, anonymized: %5)</source>
        <translation>Суб&apos;ектаў выдалена: %1, абязасоблена: %2; суб&apos;ектаў, у якіх засталіся іншыя даныя: %3 (элементаў выдалена: %4, абязасоблена: %5)</translation>
    </message>
    <message>
        <source>Scheduled erasures carried out: %1, held back: %2; subjects changed by someone else meanwhile and left: %3</source>
        <translation>Запланаваных выдаленняў выканана: %1, утрымана: %2; суб&apos;ектаў, змененых за гэты час іншымі і пакінутых як ёсць: %3</translation>
    </message>
    <message>
        <source>%1: waits for a second officer (approval #%2)</source>
        <translation>%1: чакае другога адказнага (узгадненне #%2)</translation>
    </message>
    <message>
        <source>%1: --today: a sweep cannot run for a day after today; a later day is for --dry-run</source>
        <translation>%1: --today: ачыстку нельга выканаць за дзень пазней за сённяшні; пазнейшы дзень — толькі для --dry-run</translation>
    </message>
    <message>
        <source>%1 of %2 items due: %3 to %4; held back: %5 blocked, %6 under an open request, %7 under a legal hold; %8 more due within 30 days</source>
        <translation>тэрмін мінуў у %1 з %2 элементаў: %3 — %4; утрымана: заблакіравана — %5, па адкрытым запыце — %6, па юрыдычным утрыманні — %7; яшчэ %8 — у бліжэйшыя 30 дзён</translation>
    </message>
    <message>
        <source>%1: --separator: expected , or ;</source>
        <translation>%1: --separator: чакаецца , або ;</translation>
    </message>
    <message>
        <source>%1: --mapping: %2</source>
        <translation>%1: --mapping: %2</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: папярэджанне: %2</translation>
    </message>
    <message>
        <source>Dry run, nothing was stored: %1 new subjects, %2 rows for subjects stored already (they would be updated), %3 rows rejected.</source>
        <translation>Пробны прагон, нічога не захавана: новых суб&apos;ектаў — %1, радкоў для ўжо захаваных суб&apos;ектаў (яны былі б абноўлены) — %2, адхілена радкоў — %3.</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>радок %1: %2</translation>
    </message>
    <message>
        <source>Subjects stored already: %1 updated, %2 unchanged (not duplicated).</source>
        <translation>Ужо захаваныя суб&apos;екты: абноўлена — %1, без змен — %2 (дублікаты не створаны).</translation>
    </message>
    <message>
        <source>%1: expected one subject ID</source>
        <translation>%1: чакаецца адзін ID суб&apos;екта</translation>
    </message>
    <message>
        <source>Subject #%1: the legal hold is lifted.</source>
        <translation>Суб&apos;ект #%1: юрыдычнае ўтрыманне знята.</translation>
    </message>
    <message>
        <source>Subject #%1 is on legal hold: the retention sweep keeps its data.</source>
        <translation>Суб&apos;ект #%1 пад юрыдычным утрыманнем: ачыстка па тэрмінах захоўвання захоўвае яго даныя.</translation>
    </message>
    <message>
        <source>%1 purposes</source>
        <translation>Мэт: %1</translation>
    </message>
    <message>
        <source>%1: expected one purpose CODE</source>
        <translation>%1: чакаецца адзін КОД мэты</translation>
    </message>
    <message>
        <source>%1: expected a number, got &apos;%2&apos;</source>
        <translation>%1: чакаецца лік, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: expected SUBJECT-ID PURPOSE</source>
        <translation>%1: чакаюцца ID-СУБ&apos;ЕКТА МЭТА</translation>
    </message>
    <message>
        <source>%1: --version V (the policy version agreed to) is required</source>
        <translation>%1: патрабуецца --version V (версія палітыкі, з якой пагадзіліся)</translation>
    </message>
    <message>
        <source>%1: --channel: expected one of %2</source>
        <translation>%1: --channel: чакаецца адно з: %2</translation>
    </message>
    <message>
        <source>Consent #%1 recorded.</source>
        <translation>Згода #%1 запісана.</translation>
    </message>
    <message>
        <source>%1: expected one CONSENT-ID</source>
        <translation>%1: чакаецца адзін ID-ЗГОДЫ</translation>
    </message>
    <message>
        <source>Consent #%1 withdrawn; the data held for its purpose is scheduled for erasure.</source>
        <translation>Згода #%1 адклікана; даныя, якія захоўваюцца для яе мэты, запланаваны да выдалення.</translation>
    </message>
    <message>
        <source>%1: expected one VERSION</source>
        <translation>%1: чакаецца адна ВЕРСІЯ</translation>
    </message>
    <message>
        <source>Policy version %1 is in force.</source>
        <translation>Дзейнічае версія палітыкі %1.</translation>
    </message>
    <message>
        <source>%1: --limit: expected a number above 0</source>
        <translation>%1: --limit: чакаецца лік больш за 0</translation>
    </message>
    <message>
        <source>subject #%1: consent #%2 for %3, version %4 (given %5)</source>
        <translation>суб&apos;ект #%1: згода #%2 на %3, версія %4 (дадзена %5)</translation>
    </message>
    <message>
        <source>%1 consents need re-consent (%2 shown).</source>
        <translation>Згод, якія патрабуюць паўторнага атрымання: %1 (паказана %2).</translation>
    </message>
    <message>
        <source>import subjects: expected one FILE (.csv, .jsonl or a subject&apos;s .json)</source>
        <translation>import subjects: чакаецца адзін ФАЙЛ (.csv, .jsonl або .json з данымі суб&apos;екта)</translation>
    </message>
    <message>
        <source>%1: --format: expected csv, jsonl or subject-json, got &apos;%2&apos;</source>
        <translation>%1: --format: чакаецца csv, jsonl або subject-json, атрымана &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: expected one FILE</source>
        <translation>%1: чакаецца адзін ФАЙЛ</translation>
    </message>
    <message>
        <source>%1: cannot write %2: %3</source>
        <translation>%1: не ўдаецца запісаць %2: %3</translation>
    </message>
    <message>
        <source>The register of purposes was written to %1.</source>
        <translation>Рэестр мэт запісаны ў %1.</translation>
    </message>
    <message>
        <source>category %1</source>
        <translation>катэгорыя %1</translation>
    </message>
    <message>
        <source>expected an ISO date and time with its offset, e.g. 2026-12-01T09:30:00Z or 2026-12-01T12:30:00+03:00</source>
        <translation>чакаюцца дата і час у фармаце ISO са зрушэннем часавога пояса, напрыклад 2026-12-01T09:30:00Z або 2026-12-01T12:30:00+03:00</translation>
    </message>
    <message>
        <source>%1: expected one BREACH-ID (a number)</source>
        <translation>%1: чакаецца адзін BREACH-ID (лік)</translation>
    </message>
    <message>
        <source>%1: --%2: expected a number of 0 or more</source>
        <translation>%1: --%2: чакаецца лік 0 або больш</translation>
    </message>
    <message>
        <source>%1: --regime: unknown regime &apos;%2&apos; (expected %3)</source>
        <translation>%1: --regime: невядомы рэжым &apos;%2&apos; (чакаецца %3)</translation>
    </message>
    <message>
        <source>%1: --regime R[,R...] is required (%2)</source>
        <translation>%1: абавязковы параметр --regime R[,R...] (%2)</translation>
    </message>
    <message>
        <source>%1: --nature TEXT (what happened) is required</source>
        <translation>%1: абавязковы параметр --nature TEXT (што адбылося)</translation>
    </message>
    <message>
        <source>notified %1, late: %2</source>
        <translation>апавяшчэнне накіравана %1, са спазненнем: %2</translation>
    </message>
    <message>
        <source>notified %1</source>
        <translation>апавяшчэнне накіравана %1</translation>
    </message>
    <message>
        <source>notify by %1</source>
        <translation>апавясціць да %1</translation>
    </message>
    <message>
        <source>no fixed deadline</source>
        <translation>фіксаванага тэрміну няма</translation>
    </message>
    <message>
        <source>; result of the investigation by %1</source>
        <translation>; вынік расследавання — да %1</translation>
    </message>
    <message>
        <source>#%1 discovered %2: %3</source>
        <translation>#%1 выяўлены %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es).</source>
        <translation>
            <numerusform>%n інцыдэнт.</numerusform>
            <numerusform>%n інцыдэнты.</numerusform>
            <numerusform>%n інцыдэнтаў.</numerusform>
        </translation>
    </message>
    <message>
        <source>not known</source>
        <translation>невядома</translation>
    </message>
    <message>
        <source>Breach #%1, discovered %2, recorded %3 by %4</source>
        <translation>Інцыдэнт #%1, выяўлены %2, зарэгістраваны %3 карыстальнікам %4</translation>
    </message>
    <message>
        <source>  nature: %1</source>
        <translation>  характар парушэння: %1</translation>
    </message>
    <message>
        <source>  categories: %1</source>
        <translation>  катэгорыі даных: %1</translation>
    </message>
    <message>
        <source>  subjects: about %1; records: about %2</source>
        <translation>  колькасць суб&apos;ектаў (прыблізна): %1; колькасць запісаў (прыблізна): %2</translation>
    </message>
    <message>
        <source>  likely consequences: %1</source>
        <translation>  верагодныя наступствы: %1</translation>
    </message>
    <message>
        <source>  measures taken: %1</source>
        <translation>  прынятыя меры: %1</translation>
    </message>
    <message>
        <source>  measures proposed: %1</source>
        <translation>  прапанаваныя меры: %1</translation>
    </message>
    <message>
        <source>  DPO: %1</source>
        <translation>  адказны за абарону даных (DPO): %1</translation>
    </message>
    <message>
        <source>  high risk: the subjects were told %1</source>
        <translation>  высокая рызыка: суб&apos;екты апавешчаны %1</translation>
    </message>
    <message>
        <source>  high risk: the subjects are to be told without undue delay (GDPR art. 34)</source>
        <translation>  высокая рызыка: суб&apos;ектаў неабходна апавясціць без неабгрунтаванай затрымкі (GDPR, арт. 34)</translation>
    </message>
    <message>
        <source>Breach #%1: the notice to the regulator is recorded.</source>
        <translation>Інцыдэнт #%1: апавяшчэнне ўпаўнаважанага органа зарэгістравана.</translation>
    </message>
    <message>
        <source>Breach #%1: telling the subjects is recorded.</source>
        <translation>Інцыдэнт #%1: апавяшчэнне суб&apos;ектаў зарэгістравана.</translation>
    </message>
    <message>
        <source>%1: --%2: %3</source>
        <translation>%1: --%2: %3</translation>
    </message>
    <message>
        <source>%1: --out FILE (the PDF to write) is required</source>
        <translation>%1: патрэбны --out FILE (PDF, які трэба запісаць)</translation>
    </message>
    <message>
        <source>%1: cannot write the PDF: %2</source>
        <translation>%1: не ўдаецца запісаць PDF: %2</translation>
    </message>
    <message>
        <source>Breach #%1: the notification is in %2.</source>
        <translation>Інцыдэнт №%1: апавяшчэнне запісана ў %2.</translation>
    </message>
    <message>
        <source>%1: --out FILE (the file to write) is required</source>
        <translation>%1: патрэбны --out FILE (файл, які трэба запісаць)</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1: не ўдаецца запісаць справаздачу: %2</translation>
    </message>
    <message>
        <source>the audit chain is broken at entry #%1; the extract says so</source>
        <translation>ланцужок журнала аўдыту парушаны на запісе №%1; гэта пазначана ў выпісцы</translation>
    </message>
    <message>
        <source>%1: --%2: expected a date as YYYY-MM-DD</source>
        <translation>%1: --%2: чакаецца дата ў фармаце ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>%1: --%2: expected a positive number</source>
        <translation>%1: --%2: чакаецца дадатны лік</translation>
    </message>
    <message>
        <source>report: name the report: %1</source>
        <translation>report: пазначце справаздачу: %1</translation>
    </message>
    <message>
        <source>report: unknown report &apos;%1&apos;; expected one of %2</source>
        <translation>report: невядомая справаздача &apos;%1&apos;; чакаецца адна з: %2</translation>
    </message>
    <message>
        <source>%1: --format: expected pdf, csv, xlsx or json</source>
        <translation>%1: --format: чакаецца pdf, csv, xlsx або json</translation>
    </message>
    <message>
        <source>%1: --from DATE and --to DATE (the period) are required</source>
        <translation>%1: абавязковыя параметры --from DATE і --to DATE (перыяд)</translation>
    </message>
    <message>
        <source>%1: --%2 does not apply to this report</source>
        <translation>%1: параметр --%2 не прымяняецца да гэтай справаздачы</translation>
    </message>
    <message>
        <source>%1: --attach needs --request ID (the request it answers)</source>
        <translation>%1: для --attach патрэбны параметр --request ID (запыт, на які адказвае справаздача)</translation>
    </message>
    <message>
        <source>%1 is in %2 (rows: %3).</source>
        <translation>%1: захавана ў %2 (радкоў: %3).</translation>
    </message>
    <message>
        <source>Attached to request #%1 (PDF, JSON and CSV); the request is carried out.</source>
        <translation>Далучана да запыту #%1 (PDF, JSON і CSV); запыт выкананы.</translation>
    </message>
    <message>
        <source>Act No. %1 is kept until %2.</source>
        <translation>Акт № %1 захоўваецца да %2.</translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1 (backups are kept %2 days: settings backup_keep_days).</source>
        <translation>Копіі выдаленага застаюцца ў рэзервовых копіях да %1 (рэзервовыя копіі захоўваюцца %2 дз.: налада backup_keep_days).</translation>
    </message>
    <message>
        <source>%1: name one file: %1 FILE</source>
        <translation>%1: пазначце адзін файл: %1 ФАЙЛ</translation>
    </message>
    <message>
        <source>schema %1, %2 subjects, %3 audit entries with their chain whole, integrity ok</source>
        <translation>схема %1, суб&apos;ектаў: %2, запісаў аўдыту: %3, ланцужок цэлы, праверка цэласнасці пройдзена</translation>
    </message>
    <message>
        <source>Backup written to %1 and checked: %2.</source>
        <translation>Рэзервовая копія запісана ў %1 і праверана: %2.</translation>
    </message>
    <message>
        <source>Restored from %1 (%2). What was in the database since that backup is gone; data erased after it was made is back and must be erased again.</source>
        <translation>Адноўлена з %1 (%2). Усё, што з&apos;явілася ў базе пасля гэтай копіі, страчана; даныя, выдаленыя пасля яе стварэння, вярнуліся і павінны быць выдалены зноў.</translation>
    </message>
</context>
<context>
    <name>pd::ConsentReview</name>
    <message>
        <source>version: a policy version is required</source>
        <translation>version: патрабуецца версія палітыкі</translation>
    </message>
    <message>
        <source>no policy version is recorded: record the one in force first, or name it</source>
        <translation>версія палітыкі не запісана: спачатку запішыце дзейную або пазначце яе</translation>
    </message>
</context>
<context>
    <name>pd::ConsentService</name>
    <message>
        <source>policy version: required (what the subject agreed to)</source>
        <translation>версія палітыкі: абавязковая (з чым пагадзіўся суб&apos;ект)</translation>
    </message>
    <message>
        <source>purpose: there is no purpose &apos;%1&apos;</source>
        <translation>мэта апрацоўкі: няма мэты апрацоўкі &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; rests on %2, not on consent</source>
        <translation>прававая падстава мэты апрацоўкі &apos;%1&apos; — %2, а не згода</translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation>няма суб&apos;екта #%1</translation>
    </message>
    <message>
        <source>subject #%1 is %2: no new consent can be recorded</source>
        <translation>суб&apos;ект #%1 у стане %2: новую згоду запісаць нельга</translation>
    </message>
    <message>
        <source>a reason is required</source>
        <translation>неабходна пазначыць прычыну</translation>
    </message>
    <message>
        <source>there is no consent #%1</source>
        <translation>няма згоды #%1</translation>
    </message>
    <message>
        <source>consent #%1 was already withdrawn</source>
        <translation>згода #%1 ужо адклікана</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; belongs to another controller than subject #%2&apos;s</source>
        <translation>мэта &apos;%1&apos; належыць іншаму аператару, чым суб&apos;ект #%2</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2: no new consent is taken for it</source>
        <translation>мэта апрацоўкі &apos;%1&apos; выведзена з выкарыстання %2: новыя згоды для яе не прымаюцца</translation>
    </message>
</context>
<context>
    <name>pd::CorrectDialog</name>
    <message>
        <source>Correct %1</source>
        <translation>Выпраўленне: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>не пазначана</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Новае значэнне</translation>
    </message>
    <message>
        <source>required, e.g. typo reported by the subject</source>
        <translation>абавязкова, напрыклад памылка друку, пра якую паведаміў суб&apos;ект</translation>
    </message>
    <message>
        <source>Kept in the audit trail: say why, without personal data.</source>
        <translation>Захоўваецца ў журнале аўдыту: пазначце прычыну без персанальных даных.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Поле:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Мэта:</translation>
    </message>
    <message>
        <source>Current value:</source>
        <translation>Бягучае значэнне:</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;Новае значэнне:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Прычына:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;пыт #:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Папярэдні прагляд</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Да:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Пасля:</translation>
    </message>
    <message>
        <source>Type the corrected value first.</source>
        <translation>Спачатку ўвядзіце выпраўленае значэнне.</translation>
    </message>
    <message>
        <source>Give a reason for the correction first.</source>
        <translation>Спачатку пазначце прычыну выпраўлення.</translation>
    </message>
</context>
<context>
    <name>pd::CorrectionService</name>
    <message>
        <source>subject #%1 has no field &apos;%2&apos; that can be corrected</source>
        <translation>у суб&apos;екта #%1 няма поля &apos;%2&apos;, якое можна выправіць</translation>
    </message>
    <message>
        <source>subject #%1 has no item #%2</source>
        <translation>у суб&apos;екта #%1 няма элемента даных #%2</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; of subject #%2 is %3 and cannot be corrected</source>
        <translation>поле &apos;%1&apos; суб&apos;екта #%2 у стане %3 і не можа быць выпраўлена</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: payment data comes from the payment system and is not corrected here</source>
        <translation>поле &apos;%1&apos;: плацёжныя даныя паступаюць з плацёжнай сістэмы і тут не выпраўляюцца</translation>
    </message>
</context>
<context>
    <name>pd::CsvReader</name>
    <message>
        <source>row %1: a quoted field is not closed</source>
        <translation>радок %1: не закрыта поле ў двукоссі</translation>
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
        <translation>Адкрытыя запыты</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Атрымана</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выканана</translation>
    </message>
    <message>
        <source>Week of %1: %L2 received</source>
        <translation>Тыдзень з %1: атрымана %L2</translation>
    </message>
    <message>
        <source>Week of %1: %L2 completed</source>
        <translation>Тыдзень з %1: выканана %L2</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выканана ў тэрмін</translation>
    </message>
    <message>
        <source>Week of %1: %L2 of %L3 completed on time</source>
        <translation>Тыдзень з %1: у тэрмін выканана %L2 з %L3</translation>
    </message>
    <message>
        <source>% on time</source>
        <translation>% у тэрмін</translation>
    </message>
    <message>
        <source>Open requests by deadline</source>
        <translation>Адкрытыя запыты па тэрмінах</translation>
    </message>
    <message>
        <source>Open requests by status</source>
        <translation>Адкрытыя запыты па статусах</translation>
    </message>
    <message>
        <source>Open requests by type</source>
        <translation>Адкрытыя запыты па тыпах</translation>
    </message>
    <message>
        <source>Received and completed per week</source>
        <translation>Атрымана і выканана па тыднях</translation>
    </message>
    <message>
        <source>Completed on time per week</source>
        <translation>Выканана ў тэрмін па тыднях</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Пратэрмінаваныя</translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation>Да 3 дзён</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>Да 7 дзён</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Пазней</translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Абнавіць</translation>
    </message>
    <message>
        <source>Count the figures again (F5)</source>
        <translation>Пералічыць паказчыкі (F5)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Абнавіць</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Агляд</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Адкрытыя запыты</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Пратэрмінаваныя</translation>
    </message>
    <message>
        <source>Due in 3 days</source>
        <translation>Тэрмін на працягу 3 дзён</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выканана ў тэрмін</translation>
    </message>
    <message>
        <source>Click a bar, slice or point to list its requests; right-click to save the chart.</source>
        <translation>Пстрыкніце па слупку, сектары або пункце, каб убачыць спіс запытаў; пстрычка правай кнопкай — захаваць дыяграму.</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Захаваць як PNG…</translation>
    </message>
    <message>
        <source>Your role does not include the requests of data subjects.</source>
        <translation>Ваша роля не прадугледжвае працу з запытамі суб&apos;ектаў персанальных даных.</translation>
    </message>
    <message>
        <source>The dashboard is for officers, agents and auditors: its figures come from the register of requests.</source>
        <translation>Агляд даступны адказным за абарону даных, супрацоўнікам падтрымкі і аўдытарам: яго паказчыкі бяруцца з рэестра запытаў.</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>Не ўдалося падлічыць паказчыкі: %1</translation>
    </message>
    <message>
        <source>Deadlines as of %1, counted at %2</source>
        <translation>Тэрміны на %1, падлічана ў %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Completed on time since %1</source>
        <translation>Выканана ў тэрмін з %1</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Запытаў пакуль няма.</translation>
    </message>
    <message>
        <source>When requests of data subjects are registered, this page shows what is pending, what is due soon and how many were answered in time.</source>
        <translation>Калі будуць зарэгістраваны запыты суб&apos;ектаў персанальных даных, гэтая старонка пакажа, якія запыты чакаюць апрацоўкі, у якіх хутка мінае тэрмін і колькі з іх выканана ў тэрмін.</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Захаванне дыяграмы</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Check that the folder exists and that you may write there.</source>
        <translation>Не ўдалося захаваць дыяграму ў %1. Праверце, што папка існуе і ў вас ёсць правы на запіс у яе.</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Захаваць дыяграму ў PNG</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Выявы PNG (*.png)</translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) not yet notified to the regulator. The notice of breach #%1 (%2) was due %3: notify now and record the reasons for the delay.</source>
        <translation>
            <numerusform>%n парушэнне бяспекі персанальных даных, пра якое яшчэ не апавешчаны ўпаўнаважаны орган. Тэрмін апавяшчэння пра інцыдэнт #%1 (%2) мінуў %3: накіруйце апавяшчэнне зараз і запішыце прычыны затрымкі.</numerusform>
            <numerusform>%n парушэнні бяспекі персанальных даных, пра якія яшчэ не апавешчаны ўпаўнаважаны орган. Тэрмін апавяшчэння пра інцыдэнт #%1 (%2) мінуў %3: накіруйце апавяшчэнне зараз і запішыце прычыны затрымкі.</numerusform>
            <numerusform>%n парушэнняў бяспекі персанальных даных, пра якія яшчэ не апавешчаны ўпаўнаважаны орган. Тэрмін апавяшчэння пра інцыдэнт #%1 (%2) мінуў %3: накіруйце апавяшчэнне зараз і запішыце прычыны затрымкі.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n personal-data breach(es) to notify to the regulator. The next notice is due %3: breach #%1 (%2).</source>
        <translation>
            <numerusform>%n парушэнне бяспекі персанальных даных, пра якое трэба апавясціць упаўнаважаны орган. Бліжэйшы тэрмін апавяшчэння — %3: інцыдэнт #%1 (%2).</numerusform>
            <numerusform>%n парушэнні бяспекі персанальных даных, пра якія трэба апавясціць упаўнаважаны орган. Бліжэйшы тэрмін апавяшчэння — %3: інцыдэнт #%1 (%2).</numerusform>
            <numerusform>%n парушэнняў бяспекі персанальных даных, пра якія трэба апавясціць упаўнаважаны орган. Бліжэйшы тэрмін апавяшчэння — %3: інцыдэнт #%1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>privacydesk-cli breach list --due lists every notice still to make.</source>
        <translation>privacydesk-cli breach list --due паказвае ўсе апавяшчэнні, якія яшчэ трэба накіраваць.</translation>
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
        <translation>%1 не з&apos;яўляецца базай даных Privacy Desk (гэта не файл SQLite); нічога не зменена</translation>
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
    <name>pd::Deadlines</name>
    <message>
        <source>Law 99-Z art. 11</source>
        <translation>Закон 99-З, арт. 11</translation>
    </message>
    <message>
        <source>Law 99-Z art. 12(2)</source>
        <translation>Закон 99-З, арт. 12(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 10(2)</source>
        <translation>Закон 99-З, арт. 10(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 13(2)</source>
        <translation>Закон 99-З, арт. 13(2)</translation>
    </message>
    <message>
        <source>Law 99-Z art. 14</source>
        <translation>Закон 99-З, арт. 14</translation>
    </message>
    <message>
        <source>GDPR art. 12(3)</source>
        <translation>GDPR, арт. 12(3)</translation>
    </message>
    <message>
        <source>UK GDPR art. 12(3)</source>
        <translation>UK GDPR, арт. 12(3)</translation>
    </message>
    <message>
        <source>CCPA §1798.130(a)(2)</source>
        <translation>CCPA, § 1798.130(a)(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 14(3), 20(2)</source>
        <translation>152-ФЗ, арт. 14(3), 20(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(2)</source>
        <translation>152-ФЗ, арт. 21(2)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(5.1)</source>
        <translation>152-ФЗ, арт. 21(5.1)</translation>
    </message>
    <message>
        <source>152-FZ art. 21(5)</source>
        <translation>152-ФЗ, арт. 21(5)</translation>
    </message>
    <message>
        <source>152-FZ art. 21</source>
        <translation>152-ФЗ, арт. 21</translation>
    </message>
    <message>
        <source>LGPD art. 19(II)</source>
        <translation>LGPD, арт. 19(II)</translation>
    </message>
</context>
<context>
    <name>pd::DemoDatabase</name>
    <message>
        <source>The demo is made by privacydesk-cli, which was not found next to this program or on the PATH.</source>
        <translation>Дэманстрацыйную базу стварае privacydesk-cli, але гэтая праграма не знойдзена ні побач з Privacy Desk, ні ў PATH.</translation>
    </message>
    <message>
        <source>Making the demo database: %1 made-up people with their data, consents and requests…</source>
        <translation>Ствараецца дэманстрацыйная база: %1 выдуманых людзей з іх данымі, згодамі і запытамі…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Demo — Privacy Desk</source>
        <translation>Дэманстрацыя — Privacy Desk</translation>
    </message>
    <message>
        <source>Making the demo was cancelled; nothing was kept.</source>
        <translation>Стварэнне дэманстрацыйнай базы скасавана; нічога не захавана.</translation>
    </message>
    <message>
        <source>The demo could not be made: %1</source>
        <translation>Не ўдалося стварыць дэманстрацыйную базу: %1</translation>
    </message>
    <message>
        <source>The demo could not be moved to %1.</source>
        <translation>Не ўдалося перамясціць дэманстрацыйную базу ў %1.</translation>
    </message>
    <message>
        <source>Demo operators: officer, officer2, agent, auditor and admin; each one&apos;s password is its name followed by -demo-2026 (officer-demo-2026).</source>
        <translation>Дэманстрацыйныя аператары: officer, officer2, agent, auditor і admin; пароль кожнага — яго імя і -demo-2026 (officer-demo-2026).</translation>
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
        <translation>у дэманстрацыйным профілі няма мэты апрацоўкі &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the demo profile lacks the controllers &apos;operator&apos; and &apos;client-retail&apos;</source>
        <translation>у дэманстрацыйным профілі няма аператараў &apos;operator&apos; і &apos;client-retail&apos;</translation>
    </message>
</context>
<context>
    <name>pd::DestructionAct</name>
    <message>
        <source>Privacy officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>Support agent</source>
        <translation>Супрацоўнік падтрымкі</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Аўдытар</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Адміністратар</translation>
    </message>
    <message>
        <source>the data of subject %1</source>
        <translation>даныя суб&apos;екта %1</translation>
    </message>
    <message>
        <source>the erasure of request #%1</source>
        <translation>выдаленне па запыце № %1</translation>
    </message>
    <message>
        <source>the retention sweep of %1</source>
        <translation>ачыстка па тэрмінах захоўвання ад %1</translation>
    </message>
    <message>
        <source>the destructions of %1</source>
        <translation>знішчэнне даных за перыяд %1</translation>
    </message>
    <message>
        <source>period: give the first and the last day, the first not after the last</source>
        <translation>period: пазначце першы і апошні дзень; першы не можа быць пазней за апошні</translation>
    </message>
    <message>
        <source>destruction: name one of a subject, a request, a period, a retention sweep or an act to print again</source>
        <translation>destruction: пазначце нешта адно: суб&apos;екта, запыт, перыяд, ачыстку па тэрмінах захоўвання або акт для паўторнага друку</translation>
    </message>
    <message>
        <source>no destruction is recorded for %1</source>
        <translation>знішчэнне не зарэгістравана: %1</translation>
    </message>
    <message>
        <source>act: there is no act of destruction No. %1</source>
        <translation>act: акта аб знішчэнні № %1 няма</translation>
    </message>
    <message>
        <source>act: an act printed again lists what it listed; give only its number</source>
        <translation>act: паўторна надрукаваны акт змяшчае тое ж, што і раней; пазначце толькі яго нумар</translation>
    </message>
    <message>
        <source>Destructions</source>
        <translation>Запісы аб знішчэнні</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Destroyed (UTC)</source>
        <translation>Знішчана (UTC)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Categories destroyed</source>
        <translation>Знішчаныя катэгорыі даных</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Інфармацыйная сістэма</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Спосаб</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Destroyed by</source>
        <translation>Знішчыў</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>we, on the client&apos;s instructions (seed 003 sub. 2)</source>
        <translation>мы, па даручэнні кліента (палітыка 003, п. 2)</translation>
    </message>
    <message>
        <source>all data of the subject (anonymized)</source>
        <translation>усе даныя суб&apos;екта (абязасоблены)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Журнал рэгістрацыі падзей</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запіс</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Час (UTC)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Карыстальнік</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дзеянне</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Палі</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Хэш</translation>
    </message>
    <message>
        <source>Act No. %1 confirming the destruction of personal data</source>
        <translation>Акт № %1 аб знішчэнні персанальных даных</translation>
    </message>
    <message>
        <source>Covering %1</source>
        <translation>Прадмет акта: %1</translation>
    </message>
    <message>
        <source>The act</source>
        <translation>Звесткі аб акце</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Нумар</translation>
    </message>
    <message>
        <source>Drawn up</source>
        <translation>Складзены</translation>
    </message>
    <message>
        <source>Drawn up by</source>
        <translation>Склаў</translation>
    </message>
    <message>
        <source>Operator (controller)</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Упаўнаважаная асоба</translation>
    </message>
    <message>
        <source>Destroyed by (name, position)</source>
        <translation>Асобы, якія знішчылі даныя (ПІБ, пасада)</translation>
    </message>
    <message>
        <source>Subjects whose data was destroyed</source>
        <translation>Суб&apos;ектаў, даныя якіх знішчаны</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Захоўваецца да</translation>
    </message>
    <message>
        <source>Data destroyed</source>
        <translation>Знішчаныя даныя</translation>
    </message>
    <message>
        <source>Subjects are named by the reference the deletion log keeps; none of their erased values is kept anywhere, this act included.</source>
        <translation>Суб&apos;екты пазначаны па ідэнтыфікатары, які захоўваецца ў журнале выдалення; ніводнае з іх выдаленых значэнняў нідзе не захоўваецца, у тым ліку ў гэтым акце.</translation>
    </message>
    <message>
        <source>Extract from the event log</source>
        <translation>Выгрузка з журнала рэгістрацыі падзей</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аўдыту</translation>
    </message>
    <message>
        <source>whole: no entry was changed or removed</source>
        <translation>цэласнасць не парушана: ніводны запіс не зменены і не выдалены</translation>
    </message>
    <message>
        <source>broken at entry #%1</source>
        <translation>цэласнасць парушана на запісе № %1</translation>
    </message>
    <message>
        <source>No audit entry names these subjects.</source>
        <translation>У журнале аўдыту няма запісаў пра гэтых суб&apos;ектаў.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
</context>
<context>
    <name>pd::ErasureService</name>
    <message>
        <source>there is no such subject to delete</source>
        <translation>няма такога суб&apos;екта для выдалення</translation>
    </message>
    <message>
        <source>the subject is already anonymized</source>
        <translation>суб&apos;ект ужо абязасоблены</translation>
    </message>
</context>
<context>
    <name>pd::FieldRules</name>
    <message>
        <source>field &apos;%1&apos;: a value is required (to remove data, anonymize or delete the subject)</source>
        <translation>поле &apos;%1&apos;: патрабуецца значэнне (каб выдаліць даныя, трэба абязасобіць або выдаліць суб&apos;екта)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: not an e-mail address (expected name@domain.tld)</source>
        <translation>поле &apos;email&apos;: гэта не адрас e-mail (чакаецца name@domain.tld)</translation>
    </message>
    <message>
        <source>field &apos;phone&apos;: not a phone number (7 to 15 digits, optionally +, spaces, dashes, brackets)</source>
        <translation>поле &apos;phone&apos;: гэта не нумар тэлефона (ад 7 да 15 лічбаў, дапускаюцца +, прабелы, злучкі, дужкі)</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;%1&apos;: чакаецца мінулая дата ў фармаце YYYY-MM-DD</translation>
    </message>
    <message>
        <source>field &apos;card_expiry&apos;: expected MM/YY</source>
        <translation>поле &apos;card_expiry&apos;: чакаецца MM/YY</translation>
    </message>
    <message>
        <source>field &apos;card_masked&apos;: only a masked number is stored (first 6 and last 4 digits, e.g. 427683******1234)</source>
        <translation>поле &apos;card_masked&apos;: захоўваецца толькі замаскіраваны нумар (першыя 6 і апошнія 4 лічбы, напрыклад 427683******1234)</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: longer than %2 characters</source>
        <translation>поле &apos;%1&apos;: даўжэй за %2 сімвалаў</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: a line break is not allowed here</source>
        <translation>поле &apos;%1&apos;: перанос радка тут не дапускаецца</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: contains a control character (code %2)</source>
        <translation>поле &apos;%1&apos;: змяшчае кіравальны сімвал (код %2)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: longer than %1 characters</source>
        <translation>поле &apos;email&apos;: даўжэй за %1 сімвалаў</translation>
    </message>
    <message>
        <source>field &apos;country&apos;: not a country code (two capital letters of ISO 3166-1, e.g. BY, DE)</source>
        <translation>поле &apos;country&apos;: не код краіны (дзве вялікія літары ISO 3166-1, напрыклад BY, DE)</translation>
    </message>
    <message>
        <source>field &apos;ip&apos;: not an IPv4 or IPv6 address</source>
        <translation>поле &apos;ip&apos;: не адрас IPv4 або IPv6</translation>
    </message>
</context>
<context>
    <name>pd::FirstAdministratorDialog</name>
    <message>
        <source>First Administrator — Privacy Desk</source>
        <translation>Першы адміністратар — Privacy Desk</translation>
    </message>
    <message>
        <source>This database has no operators yet.</source>
        <translation>У гэтай базе даных пакуль няма карыстальнікаў.</translation>
    </message>
    <message>
        <source>Create the first administrator. The administrator adds the other operators (officers, agents, auditors), changes settings and reads the audit trail, but does not see personal data.</source>
        <translation>Стварыце першага адміністратара. Адміністратар дадае іншых карыстальнікаў (адказных за абарону даных, супрацоўнікаў падтрымкі, аўдытараў), змяняе налады і чытае журнал аўдыту, але не бачыць персанальных даных.</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>напрыклад, admin</translation>
    </message>
    <message>
        <source>optional, e.g. your full name</source>
        <translation>неабавязкова, напрыклад поўнае імя</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менш за 8 сімвалаў</translation>
    </message>
    <message>
        <source>Operator &amp;name:</source>
        <translation>&amp;Імя карыстальніка:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Адлюстроўванае імя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Паў&amp;тор пароля:</translation>
    </message>
    <message>
        <source>&amp;Create Administrator</source>
        <translation>&amp;Стварыць адміністратара</translation>
    </message>
    <message>
        <source>Enter an operator name.</source>
        <translation>Увядзіце імя карыстальніка.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Увядзіце пароль.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Паролі не супадаюць.</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (убудаваны)</translation>
    </message>
    <message>
        <source>None: the officers fill in the register later</source>
        <translation>Няма: супрацоўнікі запоўняць рэестр пазней</translation>
    </message>
    <message>
        <source>From a profile file…</source>
        <translation>З файла профілю…</translation>
    </message>
    <message>
        <source>The register of processing to start with: controllers, information systems and purposes of one privacy policy. Officers change it later on the Purposes page.</source>
        <translation>Пачатковы рэестр апрацоўкі: аператары даных, інфармацыйныя сістэмы і мэты адной палітыкі канфідэнцыяльнасці. Пазней супрацоўнікі змяняюць яго на старонцы «Мэты апрацоўкі».</translation>
    </message>
    <message>
        <source>Policy Profile</source>
        <translation>Профіль палітыкі</translation>
    </message>
    <message>
        <source>Policy profiles (*.profile);;All files (*)</source>
        <translation>Профілі палітык (*.profile);;Усе файлы (*)</translation>
    </message>
    <message>
        <source>A database of made-up people and requests, to try everything without real data</source>
        <translation>База выдуманых людзей і запытаў, каб усё паспрабаваць без сапраўдных даных</translation>
    </message>
    <message>
        <source>Open &amp;Another Database…</source>
        <translation>Адкрыць ін&amp;шую базу…</translation>
    </message>
    <message>
        <source>Policy pro&amp;file:</source>
        <translation>Профіль па&amp;літыкі:</translation>
    </message>
    <message>
        <source>Open the De&amp;mo</source>
        <translation>Адкрыць &amp;дэма</translation>
    </message>
</context>
<context>
    <name>pd::FormDialog</name>
    <message>
        <source>Required: %1</source>
        <translation>Абавязкова: %1</translation>
    </message>
</context>
<context>
    <name>pd::HelpDialogs</name>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Кіраўніцтва карыстальніка</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Спалучэнні клавіш</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Спалучэнні клавіш</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Каманда</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавішы</translation>
    </message>
    <message>
        <source>On the pages</source>
        <translation>У раздзелах</translation>
    </message>
    <message>
        <source>Open the selected subject or request</source>
        <translation>Адкрыць выбранага суб&apos;екта або запыт</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>From the search box into the results</source>
        <translation>З поля пошуку да вынікаў</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Стрэлка ўніз</translation>
    </message>
    <message>
        <source>Back from a subject or request to the list</source>
        <translation>Вярнуцца ад суб&apos;екта або запыту да спісу</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Preview the chosen report</source>
        <translation>Папярэдні прагляд выбранай справаздачы</translation>
    </message>
    <message>
        <source>Save the chosen report</source>
        <translation>Захаваць выбраную справаздачу</translation>
    </message>
    <message>
        <source>Print the chosen report</source>
        <translation>Раздрукаваць выбраную справаздачу</translation>
    </message>
    <message>
        <source>Privacy Desk User Guide</source>
        <translation>Кіраўніцтва карыстальніка Privacy Desk</translation>
    </message>
</context>
<context>
    <name>pd::ImportDialog</name>
    <message>
        <source>Import Subjects</source>
        <translation>Імпарт суб&apos;ектаў</translation>
    </message>
    <message>
        <source>Subjects from a CSV or JSON Lines file. Columns are matched by their header; choose where the others go. Every row is checked first: the preview shows the problem of each row that would be rejected. A row for a subject stored already updates it.</source>
        <translation>Суб&apos;екты з файла CSV або JSON Lines. Слупкі супастаўляюцца па загалоўку; для астатніх выберыце, куды яны трапяць. Спачатку правяраецца кожны радок: у папярэднім праглядзе відаць праблема кожнага радка, які будзе адхілены. Радок для ўжо захаванага суб&apos;екта абнаўляе яго.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбраны</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>&amp;Выбраць файл…</translation>
    </message>
    <message>
        <source>By the file&apos;s extension</source>
        <translation>Па пашырэнні файла</translation>
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
        <translation>Вызначыць</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Коска (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Кропка з коскай (;)</translation>
    </message>
    <message>
        <source>From the file&apos;s purpose column</source>
        <translation>Са слупка «purpose» файла</translation>
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
        <translation>Фар&amp;мат:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Раздзяляльнік:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мэта:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Слупок файла</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Куды</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Першае значэнне</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпартаваць</translation>
    </message>
    <message>
        <source>Save &amp;Rejected Rows…</source>
        <translation>Захаваць &amp;адхіленыя радкі…</translation>
    </message>
    <message>
        <source>The rejected rows with their problem, as CSV readable by you only</source>
        <translation>Адхіленыя радкі з іх праблемамі, у CSV, даступным для чытання толькі вам</translation>
    </message>
    <message>
        <source>Only an officer may import subjects.</source>
        <translation>Імпартаваць суб&apos;ектаў можа толькі адказны за абарону даных.</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Слупкі:</translation>
    </message>
    <message>
        <source>Preview of the first rows:</source>
        <translation>Папярэдні прагляд першых радкоў:</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Праверка радкоў…</translation>
    </message>
    <message>
        <source>An understood column, a data item as category.field, or ignore</source>
        <translation>Зразумелы слупок, элемент даных у выглядзе катэгорыя.поле або «ignore»</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Радок</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Праблема</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a place a column can go: choose one from the list, or write category.field.</source>
        <translation>&apos;%1&apos; — не месца, куды можа трапіць слупок: выберыце са спіса або напішыце катэгорыя.поле.</translation>
    </message>
    <message>
        <source>%1 rows: %2 new subjects, %3 for subjects stored already (they are updated), %4 rejected.</source>
        <translation>Радкоў: %1; новых суб&apos;ектаў: %2, для ўжо захаваных суб&apos;ектаў (яны абнаўляюцца): %3, адхілена: %4.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Імпарт %1…</translation>
    </message>
    <message>
        <source>Imported %1 new subjects; updated %2 stored ones (%3 unchanged); %4 rows rejected.</source>
        <translation>Імпартавана новых суб&apos;ектаў: %1; абноўлена захаваных: %2 (без змен: %3); адхілена радкоў: %4.</translation>
    </message>
    <message>
        <source>An interrupted import of this file was carried on after row %1.</source>
        <translation>Перапынены імпарт гэтага файла працягнуты пасля радка %1.</translation>
    </message>
    <message>
        <source>Cancelled: the rows stored so far stay; import the same file again to carry on.</source>
        <translation>Скасавана: ужо захаваныя радкі застаюцца; імпартуйце той жа файл зноў, каб працягнуць.</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Захаваць адхіленыя радкі</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The rejected rows were saved to %1.</source>
        <translation>Адхіленыя радкі захаваны ў %1.</translation>
    </message>
    <message>
        <source>[card number removed]</source>
        <translation>[нумар карткі выдалены]</translation>
    </message>
    <message>
        <source>One subject&apos;s data (JSON)</source>
        <translation>Даныя аднаго суб&apos;екта (JSON)</translation>
    </message>
    <message>
        <source>Subjects (*.csv *.jsonl *.ndjson *.json *.txt);;All files (*)</source>
        <translation>Суб&apos;екты (*.csv *.jsonl *.ndjson *.json *.txt);;Усе файлы (*)</translation>
    </message>
</context>
<context>
    <name>pd::ImportFile</name>
    <message>
        <source>&apos;%1&apos; is not a target: expected one of the understood columns, category.field (a data item, e.g. account.city) or ignore</source>
        <translation>&apos;%1&apos; — не прызначэнне: чакаецца адзін са зразумелых слупкоў, катэгорыя.поле (элемент даных, напрыклад account.city) або ignore</translation>
    </message>
    <message>
        <source>%1: line %2: expected &apos;column = target&apos;</source>
        <translation>%1: радок %2: чакаецца &apos;слупок = прызначэнне&apos;</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>радок %1: %2</translation>
    </message>
    <message>
        <source>%1: line %2: column &apos;%3&apos; is mapped twice</source>
        <translation>%1: радок %2: слупок &apos;%3&apos; супастаўлены двойчы</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: файл пусты</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>чакалася палёў: %1, знойдзена: %2</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation>%1: %2; нічога не імпартавана</translation>
    </message>
    <message>
        <source>not a JSON object on one line</source>
        <translation>не аб&apos;ект JSON у адным радку</translation>
    </message>
    <message>
        <source>%1: the file has no JSON objects</source>
        <translation>%1: у файле няма аб&apos;ектаў JSON</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: expected text, a number or null</source>
        <translation>поле &apos;%1&apos;: чакаецца тэкст, лік або null</translation>
    </message>
    <message>
        <source>%1: row 1: column &apos;%2&apos; appears twice</source>
        <translation>%1: радок 1: слупок &apos;%2&apos; сустракаецца двойчы</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not understood and is ignored (map it to a data field to import it)</source>
        <translation>слупок &apos;%1&apos; не распазнаны і прапушчаны (супастаўце яго з полем даных, каб імпартаваць)</translation>
    </message>
    <message>
        <source>%1: row 1: columns &apos;%2&apos; and &apos;%3&apos; both go to &apos;%4&apos;</source>
        <translation>%1: радок 1: слупкі &apos;%2&apos; і &apos;%3&apos; абодва трапляюць у &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1: the mapping names column &apos;%2&apos;, which the file does not have</source>
        <translation>%1: супастаўленне называе слупок &apos;%2&apos;, якога няма ў файле</translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON (%2)</source>
        <translation>%1: гэта не даныя суб&apos;екта ў JSON (%2)</translation>
    </message>
    <message>
        <source>%1: not a subject&apos;s data as JSON: there is no &quot;items&quot; list</source>
        <translation>%1: гэта не даныя суб&apos;екта ў JSON: няма спіса &quot;items&quot;</translation>
    </message>
    <message>
        <source>%1: item %2: category and field must be lower-case names</source>
        <translation>%1: элемент %2: катэгорыя і поле павінны быць імёнамі ў ніжнім рэгістры</translation>
    </message>
    <message>
        <source>%1 items were hidden or anonymized in the export and are not imported</source>
        <translation>элементаў, схаваных або абязасобленых у выгрузцы і не імпартаваных: %1</translation>
    </message>
    <message>
        <source>%1 further values of a field already taken are not imported</source>
        <translation>дадатковых значэнняў ужо ўзятага поля, не імпартаваных: %1</translation>
    </message>
    <message>
        <source>consents are not imported: they were given to the other controller</source>
        <translation>згоды не імпартуюцца: яны былі дадзены іншаму аператару</translation>
    </message>
</context>
<context>
    <name>pd::ImportService</name>
    <message>
        <source>field &apos;controller&apos;: required (the database has no own controller)</source>
        <translation>поле &apos;controller&apos;: абавязковае (у базе даных няма ўласнага аператара)</translation>
    </message>
    <message>
        <source>field &apos;controller&apos;: no controller with this code</source>
        <translation>поле &apos;controller&apos;: няма аператара з такім кодам</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: no purpose with this code</source>
        <translation>поле &apos;purpose&apos;: няма мэты апрацоўкі з такім кодам</translation>
    </message>
    <message>
        <source>field &apos;collected_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;collected_at&apos;: чакаецца мінулая дата ў фармаце YYYY-MM-DD</translation>
    </message>
    <message>
        <source>field &apos;external_id&apos;: the same id appears on an earlier row</source>
        <translation>поле &apos;external_id&apos;: такі ж ID ужо сустракаецца ў папярэднім радку</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: не ўдалося прачытаць файл: %2</translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text</source>
        <translation>%1: файл не ў кадзіроўцы UTF-8</translation>
    </message>
    <message>
        <source>%1: row %2, %3; nothing was imported</source>
        <translation>%1: радок %2, %3; нічога не імпартавана</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>імпарт %1</translation>
    </message>
    <message>
        <source>%1: cannot write the rejects file: %2</source>
        <translation>%1: не ўдалося запісаць файл адхіленых радкоў: %2</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose belongs to another controller</source>
        <translation>поле &apos;purpose&apos;: мэта належыць іншаму аператару</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB; split it into smaller files</source>
        <translation>%1: больш за %2 МіБ; падзяліце яго на меншыя файлы</translation>
    </message>
    <message>
        <source>row %1: subject #%2 was blocked, anonymized or deleted meanwhile</source>
        <translation>радок %1: суб&apos;ект #%2 тым часам заблакіраваны, абязасоблены або выдалены</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds what looks like a full card number, which is never stored; only a masked number may be imported</source>
        <translation>поле &apos;%1&apos;: змяшчае тое, што падобна на поўны нумар карткі, які ніколі не захоўваецца; імпартаваць можна толькі замаскаваны нумар</translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: a name or an e-mail is required</source>
        <translation>поле &apos;full_name&apos;: патрабуецца імя або e-mail</translation>
    </message>
    <message>
        <source>field &apos;full_name&apos;: longer than %1 characters</source>
        <translation>поле &apos;full_name&apos;: даўжэй за %1 сімвалаў</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: secrets (tokens, keys, passwords) are not imported</source>
        <translation>поле &apos;%1&apos;: сакрэты (токены, ключы, паролі) не імпартуюцца</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: required (a column, or --purpose for every row)</source>
        <translation>поле &apos;purpose&apos;: абавязковае (слупок або --purpose для ўсіх радкоў)</translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: not a date in the past as YYYY-MM-DD</source>
        <translation>поле &apos;consent_given_at&apos;: не дата ў мінулым у выглядзе ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>field &apos;consent_given_at&apos;: the purpose is not based on consent</source>
        <translation>поле &apos;consent_given_at&apos;: мэта апрацоўкі заснавана не на згодзе</translation>
    </message>
    <message>
        <source>field &apos;policy_version&apos;: required with consent_given_at (the version the subject agreed to)</source>
        <translation>поле &apos;policy_version&apos;: абавязковае разам з consent_given_at (версія, з якой пагадзіўся суб&apos;ект)</translation>
    </message>
    <message>
        <source>field &apos;email&apos;: the same e-mail appears on an earlier row</source>
        <translation>поле &apos;email&apos;: той жа e-mail сустракаецца ў адным з папярэдніх радкоў</translation>
    </message>
    <message>
        <source>%1: row 1: the file needs a name (full_name, or first_name and last_name) or an email column, and a purpose column unless --purpose names the purpose of every row</source>
        <translation>%1: радок 1: у файле патрэбны слупок імя (full_name або first_name і last_name) або email, а таксама слупок purpose, калі --purpose не задае мэту для ўсіх радкоў</translation>
    </message>
    <message>
        <source>--purpose: no purpose with this code</source>
        <translation>--purpose: няма мэты з такім кодам</translation>
    </message>
    <message>
        <source>the subject it names is blocked: its data is not changed until the block is lifted</source>
        <translation>названы суб&apos;ект заблакіраваны: яго даныя не мяняюцца, пакуль блакіроўка не знята</translation>
    </message>
    <message>
        <source>%1: rows %2-%3: %4</source>
        <translation>%1: радкі %2–%3: %4</translation>
    </message>
    <message>
        <source>; the rows up to row %1 were stored, import the same file again to carry on</source>
        <translation>; радкі да %1 уключна захаваны, імпартуйце той жа файл зноў, каб працягнуць</translation>
    </message>
    <message>
        <source>field &apos;purpose&apos;: the purpose is retired (no new data is collected for it)</source>
        <translation>поле &apos;purpose&apos;: мэта апрацоўкі выведзена з выкарыстання (новыя даныя для яе не збіраюцца)</translation>
    </message>
</context>
<context>
    <name>pd::Labels</name>
    <message>
        <source>administrator</source>
        <translation>адміністратар</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>адказны за абарону даных</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>супрацоўнік падтрымкі</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>аўдытар</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Уліковы запіс</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Аплата</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Тэхнічныя даныя</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Голас</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Інтэграцыя</translation>
    </message>
    <message>
        <source>Mailing recipient</source>
        <translation>Атрымальнік рассылкі</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Зварот</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Прадстаўнік</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Арганізацыя</translation>
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
        <source>Messenger</source>
        <translation>Месенджар</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата нараджэння</translation>
    </message>
    <message>
        <source>Card number (masked)</source>
        <translation>Нумар карткі (замаскіраваны)</translation>
    </message>
    <message>
        <source>Card expiry</source>
        <translation>Тэрмін дзеяння карткі</translation>
    </message>
    <message>
        <source>Cardholder</source>
        <translation>Уладальнік карткі</translation>
    </message>
    <message>
        <source>Transaction id</source>
        <translation>ID транзакцыі</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрас</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Браўзер</translation>
    </message>
    <message>
        <source>Cookie id</source>
        <translation>ID cookie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Месцазнаходжанне</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Крыніца пераходу</translation>
    </message>
    <message>
        <source>UTM tags</source>
        <translation>UTM-меткі</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Тэгі</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Токен доступу</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Токен абнаўлення</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Сакрэт</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
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
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>List of disclosures</source>
        <translation>Пералік перадач</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Удакладненне</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Выдаленне</translation>
    </message>
    <message>
        <source>Restriction</source>
        <translation>Абмежаванне</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Пярэчанне</translation>
    </message>
    <message>
        <source>Consent withdrawal</source>
        <translation>Адкліканне згоды</translation>
    </message>
    <message>
        <source>Portability</source>
        <translation>Пераноснасць</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Скарга</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новы</translation>
    </message>
    <message>
        <source>Identity pending</source>
        <translation>Праверка асобы</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>У рабоце</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>На ўзгадненні</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выкананы</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Адмоўлена</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Адкліканы</translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation>Ваша роля (%1) не дазваляе %2.</translation>
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
        <translation>UK GDPR (Вялікабрытанія)</translation>
    </message>
    <message>
        <source>CCPA/CPRA</source>
        <translation>CCPA/CPRA</translation>
    </message>
    <message>
        <source>Russia 152-FZ</source>
        <translation>Расія, 152-ФЗ</translation>
    </message>
    <message>
        <source>Brazil LGPD</source>
        <translation>Бразілія, LGPD</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Вэб-форма</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Ліст</translation>
    </message>
    <message>
        <source>On paper</source>
        <translation>На паперы</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Асабіста</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпарт</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>па e-mail</translation>
    </message>
    <message>
        <source>by letter</source>
        <translation>лістом</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>асабіста</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>задаволены</translation>
    </message>
    <message>
        <source>partly granted</source>
        <translation>задаволены часткова</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>адмоўлена</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>узгадненне</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>інцыдэнт</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>каляндар</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>згода</translation>
    </message>
    <message>
        <source>database</source>
        <translation>база даных</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>дэманстрацыйныя даныя</translation>
    </message>
    <message>
        <source>act of destruction</source>
        <translation>акт аб знішчэнні</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>letter template</source>
        <translation>шаблон адказу</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>карыстальнік</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>палітыка</translation>
    </message>
    <message>
        <source>report</source>
        <translation>справаздача</translation>
    </message>
    <message>
        <source>request</source>
        <translation>запыт</translation>
    </message>
    <message>
        <source>retention</source>
        <translation>тэрмін захоўвання</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>налада</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>суб&apos;ект</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>мэта апрацоўкі</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>аператар</translation>
    </message>
    <message>
        <source>information system</source>
        <translation>інфармацыйная сістэма</translation>
    </message>
    <message>
        <source>processor</source>
        <translation>упаўнаважаная асоба</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>руская</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>беларуская</translation>
    </message>
    <message>
        <source>English</source>
        <translation>англійская</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Уваход выкананы</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Няўдалы ўваход</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Карыстальнік дададзены</translation>
    </message>
    <message>
        <source>Operator&apos;s role changed</source>
        <translation>Роля карыстальніка зменена</translation>
    </message>
    <message>
        <source>Operator reactivated</source>
        <translation>Карыстальнік зноў уключаны</translation>
    </message>
    <message>
        <source>Operator deactivated</source>
        <translation>Карыстальнік адключаны</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль скінуты</translation>
    </message>
    <message>
        <source>Operator locked out</source>
        <translation>Карыстальнік заблакаваны</translation>
    </message>
    <message>
        <source>Operator unlocked</source>
        <translation>Карыстальнік разблакаваны</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Налады зменены</translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation>Створана рэзервовая копія базы</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>База адноўлена</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>Створаны дэманстрацыйныя даныя</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Прагледжана</translation>
    </message>
    <message>
        <source>Subject registered</source>
        <translation>Суб&apos;ект зарэгістраваны</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Выпраўлена</translation>
    </message>
    <message>
        <source>Block lifted</source>
        <translation>Блакаванне знята</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Выдалена</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Імпартавана</translation>
    </message>
    <message>
        <source>Updated by an import</source>
        <translation>Абноўлена імпартам</translation>
    </message>
    <message>
        <source>Items deleted (retention)</source>
        <translation>Элементы выдалены (тэрмін захоўвання)</translation>
    </message>
    <message>
        <source>Items anonymized (retention)</source>
        <translation>Элементы абязасоблены (тэрмін захоўвання)</translation>
    </message>
    <message>
        <source>End of contract recorded</source>
        <translation>Запісана заканчэнне дагавора</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Юрыдычнае ўтрыманне</translation>
    </message>
    <message>
        <source>Legal hold lifted</source>
        <translation>Юрыдычнае ўтрыманне знята</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Згода дадзена</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Згода адклікана</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>Запыт зарэгістраваны</translation>
    </message>
    <message>
        <source>Request viewed</source>
        <translation>Запыт прагледжаны</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Асоба праверана</translation>
    </message>
    <message>
        <source>Requester asked</source>
        <translation>Запытана ў заяўніка</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>Адлік тэрміну адноўлены</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Тэрмін падоўжаны</translation>
    </message>
    <message>
        <source>Request assigned</source>
        <translation>Прызначаны выканаўца</translation>
    </message>
    <message>
        <source>Request carried out</source>
        <translation>Запыт выкананы</translation>
    </message>
    <message>
        <source>Request sent for approval</source>
        <translation>Запыт накіраваны на ўзгадненне</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>Адказ адпраўлены</translation>
    </message>
    <message>
        <source>Request completed</source>
        <translation>Запыт завершаны</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Адмова па запыце</translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation>Запыт адкліканы</translation>
    </message>
    <message>
        <source>Comment added</source>
        <translation>Дададзены каментарый</translation>
    </message>
    <message>
        <source>Approval asked for</source>
        <translation>Запытана ўзгадненне</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Узгоднена</translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation>Узгадненне адхілена</translation>
    </message>
    <message>
        <source>Approval withdrawn</source>
        <translation>Узгадненне адменена</translation>
    </message>
    <message>
        <source>Purpose added</source>
        <translation>Мэта апрацоўкі дададзена</translation>
    </message>
    <message>
        <source>Purpose changed</source>
        <translation>Мэта апрацоўкі зменена</translation>
    </message>
    <message>
        <source>Purpose retired</source>
        <translation>Мэта апрацоўкі выведзена з выкарыстання</translation>
    </message>
    <message>
        <source>Purpose reinstated</source>
        <translation>Мэта апрацоўкі вернута ў выкарыстанне</translation>
    </message>
    <message>
        <source>Controller added</source>
        <translation>Аператар дададзены</translation>
    </message>
    <message>
        <source>Controller changed</source>
        <translation>Аператар зменены</translation>
    </message>
    <message>
        <source>Information system added</source>
        <translation>Інфармацыйная сістэма дададзена</translation>
    </message>
    <message>
        <source>Information system changed</source>
        <translation>Інфармацыйная сістэма зменена</translation>
    </message>
    <message>
        <source>Processor changed</source>
        <translation>Упаўнаважаная асоба зменена</translation>
    </message>
    <message>
        <source>Calendar day set</source>
        <translation>Зададзены дзень календара</translation>
    </message>
    <message>
        <source>Calendar day removed</source>
        <translation>Выдалены дзень календара</translation>
    </message>
    <message>
        <source>Retention sweep</source>
        <translation>Ачыстка па тэрмінах захоўвання</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Справаздача выгружана</translation>
    </message>
    <message>
        <source>Act of destruction drawn up</source>
        <translation>Складзены акт аб знішчэнні</translation>
    </message>
    <message>
        <source>Breach recorded</source>
        <translation>Інцыдэнт зарэгістраваны</translation>
    </message>
    <message>
        <source>Authority notified of a breach</source>
        <translation>Упаўнаважаны орган апавешчаны пра інцыдэнт</translation>
    </message>
    <message>
        <source>Subjects told of a breach</source>
        <translation>Суб&apos;екты апавешчаны пра інцыдэнт</translation>
    </message>
    <message>
        <source>Policy version recorded</source>
        <translation>Запісана версія палітыкі</translation>
    </message>
    <message>
        <source>Letter template changed</source>
        <translation>Шаблон адказу зменены</translation>
    </message>
    <message>
        <source>Letter template reset</source>
        <translation>Шаблон адказу скінуты</translation>
    </message>
</context>
<context>
    <name>pd::LegalHoldService</name>
    <message>
        <source>subject #%1 is anonymized: nothing of it is left to hold</source>
        <translation>суб&apos;ект #%1 абязасоблены: утрымліваць няма чаго</translation>
    </message>
    <message>
        <source>subject #%1 is not on hold</source>
        <translation>суб&apos;ект #%1 не пад утрыманнем</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplate</name>
    <message>
        <source>line %1: “{{” is not closed with “}}”</source>
        <translation>радок %1: «{{» не закрыта «}}»</translation>
    </message>
    <message>
        <source>line %1: unknown placeholder {{%2}}</source>
        <translation>радок %1: невядомае поле падстаноўкі {{%2}}</translation>
    </message>
    <message>
        <source>line %1: {{/%2}} closes a section that was not opened</source>
        <translation>радок %1: {{/%2}} закрывае блок, які не быў адкрыты</translation>
    </message>
    <message>
        <source>line %1: {{/%2}} does not close {{%3%4}} opened on line %5</source>
        <translation>радок %1: {{/%2}} не закрывае блок {{%3%4}}, адкрыты ў радку %5</translation>
    </message>
    <message>
        <source>line %1: section {{%2%3}} is not closed with {{/%3}}</source>
        <translation>радок %1: блок {{%2%3}} не закрыты тэгам {{/%3}}</translation>
    </message>
    <message>
        <source>the request&apos;s number</source>
        <translation>нумар запыту</translation>
    </message>
    <message>
        <source>the right asked for, e.g. erasure of personal data</source>
        <translation>запытанае права, напрыклад выдаленне персанальных даных</translation>
    </message>
    <message>
        <source>the day the request was received</source>
        <translation>дата атрымання запыту</translation>
    </message>
    <message>
        <source>the last day to answer</source>
        <translation>апошні дзень для адказу</translation>
    </message>
    <message>
        <source>the date of this reply</source>
        <translation>дата гэтага адказу</translation>
    </message>
    <message>
        <source>who wrote: the subject&apos;s full name</source>
        <translation>хто звярнуўся: поўнае імя суб&apos;екта</translation>
    </message>
    <message>
        <source>the requester&apos;s postal address</source>
        <translation>паштовы адрас заяўніка</translation>
    </message>
    <message>
        <source>the requester&apos;s e-mail</source>
        <translation>e-mail заяўніка</translation>
    </message>
    <message>
        <source>the representative, when there is one</source>
        <translation>прадстаўнік, калі ён ёсць</translation>
    </message>
    <message>
        <source>what the request asked for</source>
        <translation>сутнасць запыту</translation>
    </message>
    <message>
        <source>what was done</source>
        <translation>што зроблена</translation>
    </message>
    <message>
        <source>why the request was refused (empty otherwise)</source>
        <translation>прычына адмовы (інакш пуста)</translation>
    </message>
    <message>
        <source>the full name of the law of the request&apos;s regime</source>
        <translation>поўная назва закона, паводле якога пададзены запыт</translation>
    </message>
    <message>
        <source>the article giving the right asked for</source>
        <translation>артыкул, які дае запытанае права</translation>
    </message>
    <message>
        <source>where the requester may complain</source>
        <translation>куды заяўнік можа падаць скаргу</translation>
    </message>
    <message>
        <source>the article giving the right to complain</source>
        <translation>артыкул, які дае права на скаргу</translation>
    </message>
    <message>
        <source>the controller&apos;s name</source>
        <translation>найменне аператара</translation>
    </message>
    <message>
        <source>the controller&apos;s address</source>
        <translation>адрас аператара</translation>
    </message>
    <message>
        <source>the controller&apos;s contact for questions</source>
        <translation>кантакт аператара для пытанняў</translation>
    </message>
    <message>
        <source>the data protection officer&apos;s contact</source>
        <translation>кантакт адказнага за абарону даных</translation>
    </message>
    <message>
        <source>who signs the reply</source>
        <translation>хто падпісвае адказ</translation>
    </message>
    <message>
        <source>the signatory&apos;s position</source>
        <translation>пасада падпісанта</translation>
    </message>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation>мова ліста &apos;%1&apos;: чакаецца адно з: %2</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateDialog</name>
    <message>
        <source>Russian</source>
        <translation>Руская</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Англійская</translation>
    </message>
    <message>
        <source>Reply (completed or refused)</source>
        <translation>Адказ (выкананне або адмова)</translation>
    </message>
    <message>
        <source>Reply Letter Templates</source>
        <translation>Шаблоны адказаў</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>&amp;Ліст:</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Тэкст шаблону</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Палі падстаноўкі</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Уставіць</translation>
    </message>
    <message>
        <source>Insert the chosen placeholder at the cursor (or double-click it)</source>
        <translation>Уставіць выбранае поле падстаноўкі ў пазіцыю курсора (або двойчы пстрыкніце па ім)</translation>
    </message>
    <message>
        <source>{{#name}}…{{/name}}: only when name has a value.
{{^name}}…{{/name}}: only when it has none.</source>
        <translation>{{#name}}…{{/name}}: толькі калі name мае значэнне.
{{^name}}…{{/name}}: толькі калі значэння няма.</translation>
    </message>
    <message>
        <source>Placeholders:</source>
        <translation>Палі падстаноўкі:</translation>
    </message>
    <message>
        <source>Letter preview with sample values</source>
        <translation>Папярэдні прагляд ліста з прыкладамі значэнняў</translation>
    </message>
    <message>
        <source>Preview as a &amp;refusal</source>
        <translation>Прагляд у выглядзе &amp;адмовы</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Шаблон</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Папярэдні &amp;прагляд</translation>
    </message>
    <message>
        <source>Reset to &amp;Built-in</source>
        <translation>Вярнуць &amp;убудаваны</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Папярэдні прагляд</translation>
    </message>
    <message>
        <source>Built-in template</source>
        <translation>Убудаваны шаблон</translation>
    </message>
    <message>
        <source>Edited by %1 on %2</source>
        <translation>Зменены карыстальнікам %1 %2</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>толькі чытанне</translation>
    </message>
    <message>
        <source>Reset to Built-in</source>
        <translation>Вярнуць убудаваны</translation>
    </message>
    <message>
        <source>Replace the %1 %2 template with the built-in one? The office&apos;s edited text is lost.</source>
        <translation>Замяніць шаблон (%1, %2) убудаваным? Тэкст, зменены ў арганізацыі, будзе страчаны.</translation>
    </message>
    <message>
        <source>Unsaved Template</source>
        <translation>Незахаваны шаблон</translation>
    </message>
    <message>
        <source>Discard your changes to the %1 %2 template?</source>
        <translation>Адмяніць змены шаблону (%1, %2)?</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Змен пакуль няма.</translation>
    </message>
    <message>
        <source>Fix the problem under the template first.</source>
        <translation>Спачатку выпраўце памылку, паказаную пад шаблонам.</translation>
    </message>
</context>
<context>
    <name>pd::LetterTemplateStore</name>
    <message>
        <source>letter language &apos;%1&apos;: expected one of %2</source>
        <translation>мова ліста &apos;%1&apos;: чакаецца адно з: %2</translation>
    </message>
    <message>
        <source>letter kind &apos;%1&apos;: expected one of %2</source>
        <translation>від ліста &apos;%1&apos;: чакаецца адно з: %2</translation>
    </message>
    <message>
        <source>the built-in %1 template for &apos;%2&apos; is missing from this build</source>
        <translation>убудаваны шаблон %1 для &apos;%2&apos; адсутнічае ў гэтай зборцы</translation>
    </message>
    <message>
        <source>the template is empty</source>
        <translation>шаблон пусты</translation>
    </message>
    <message>
        <source>controller #%1 does not exist</source>
        <translation>аператар #%1 не існуе</translation>
    </message>
    <message>
        <source>no controller of kind &apos;own&apos; is recorded</source>
        <translation>не запісаны аператар тыпу &apos;own&apos;</translation>
    </message>
</context>
<context>
    <name>pd::LockScreen</name>
    <message>
        <source>Privacy Desk is locked.</source>
        <translation>Акно Privacy Desk заблакавана.</translation>
    </message>
    <message>
        <source>Enter the password of %1 to continue.</source>
        <translation>Каб працягнуць, увядзіце пароль карыстальніка %1.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Пароль карыстальніка %1</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблакаваць</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>В&amp;ыйсці</translation>
    </message>
    <message>
        <source>Close Privacy Desk; the next operator signs in when it starts again</source>
        <translation>Закрыць Privacy Desk; наступны карыстальнік увойдзе пры наступным запуску</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Увядзіце пароль.</translation>
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
        <source>%1 — Privacy Desk</source>
        <translation>%1 — Privacy Desk</translation>
    </message>
    <message>
        <source>About Privacy Desk</source>
        <translation>Пра праграму Privacy Desk</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблакаваць акно</translation>
    </message>
    <message>
        <source>Hide everything until your password is entered again</source>
        <translation>Схаваць усё да паўторнага ўводу пароля</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Інструменты</translation>
    </message>
    <message>
        <source>Pending &amp;Approvals…</source>
        <translation>&amp;Чакаюць узгаднення…</translation>
    </message>
    <message>
        <source>Irreversible actions waiting for a second officer (Ctrl+Shift+A)</source>
        <translation>Незваротныя дзеянні, якія чакаюць другога адказнага (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Карыстальнік: %1 (%2)</translation>
    </message>
    <message>
        <source>Locked — Privacy Desk</source>
        <translation>Заблакавана — Privacy Desk</translation>
    </message>
    <message numerus="yes">
        <source>%Ln approval(s) waiting</source>
        <translation>
            <numerusform>%Ln узгадненне чакае</numerusform>
            <numerusform>%Ln узгадненні чакаюць</numerusform>
            <numerusform>%Ln узгадненняў чакаюць</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Subjects</source>
        <translation>&amp;Суб&apos;екты</translation>
    </message>
    <message>
        <source>Reply Letter &amp;Templates…</source>
        <translation>&amp;Шаблоны адказаў…</translation>
    </message>
    <message>
        <source>Working-Day &amp;Calendars…</source>
        <translation>&amp;Календары працоўных дзён…</translation>
    </message>
    <message>
        <source>&amp;Retention Sweep…</source>
        <translation>&amp;Ачыстка па тэрмінах захоўвання…</translation>
    </message>
    <message>
        <source>&amp;Import Subjects…</source>
        <translation>&amp;Імпарт суб&apos;ектаў…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Records of personal data, the register of processing purposes and data-subject requests, for privacy officers, support staff and auditors.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite %3, PostgreSQL client %4, libsodium %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Privacy Desk %1&lt;/h3&gt;&lt;p&gt;Улік персанальных даных, рэестр мэт апрацоўкі і запытаў суб&apos;ектаў персанальных даных для адказных за абарону персанальных даных, супрацоўнікаў падтрымкі і аўдытараў.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite %3, кліент PostgreSQL %4, libsodium %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Request…</source>
        <translation>&amp;Новы запыт…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Налады…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Адкрыць базу даных…</translation>
    </message>
    <message>
        <source>Sign in to another database; this window closes once you are signed in there</source>
        <translation>Увайсці ў іншую базу даных; гэтае акно закрыецца пасля ўваходу туды</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Нядаўнія</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Адкрыта зараз</translation>
    </message>
    <message>
        <source>No databases yet</source>
        <translation>Пакуль няма баз даных</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Ачысціць спіс</translation>
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
    <name>pd::OpenDatabaseDialog</name>
    <message>
        <source>Open Database — Privacy Desk</source>
        <translation>Адкрыць базу даных — Privacy Desk</translation>
    </message>
    <message>
        <source>A database &amp;file on this computer (SQLite)</source>
        <translation>&amp;Файл базы даных на гэтым камп&apos;ютары (SQLite)</translation>
    </message>
    <message>
        <source>e.g. /srv/privacy/office.sqlite; a new file starts a new database</source>
        <translation>напрыклад, /srv/privacy/office.sqlite; новы файл — новая база</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Агляд…</translation>
    </message>
    <message>
        <source>A shared database on a &amp;server (PostgreSQL)</source>
        <translation>Агульная база даных на &amp;серверы (PostgreSQL)</translation>
    </message>
    <message>
        <source>e.g. db.office.example</source>
        <translation>напрыклад, db.office.example</translation>
    </message>
    <message>
        <source>e.g. privacydesk</source>
        <translation>напрыклад, privacydesk</translation>
    </message>
    <message>
        <source>asked every time, never stored</source>
        <translation>пытаецца кожны раз, не захоўваецца</translation>
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
        <translation>&amp;База даных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Карыстальнік:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>Enter the database file, or choose it with Browse.</source>
        <translation>Пакажыце файл базы даных або выберыце яго кнопкай «Агляд».</translation>
    </message>
    <message>
        <source>%1 is a folder; enter a file in it.</source>
        <translation>%1 — гэта папка; пакажыце файл у ёй.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>Пакажыце імя хоста сервера.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Пакажыце імя базы даных на серверы.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Адкрыць базу даных</translation>
    </message>
    <message>
        <source>Privacy Desk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Базы Privacy Desk (*.sqlite *.db);;Усе файлы (*)</translation>
    </message>
</context>
<context>
    <name>pd::OperatorsPage</name>
    <message>
        <source>Who may sign in to this database, and what each may do. Accounts are never deleted: a deactivated operator can no longer sign in, and their history stays.</source>
        <translation>Хто можа ўваходзіць у гэтую базу даных і што кожнаму дазволена. Уліковыя запісы не выдаляюцца: адключаны аператар больш не можа ўвайсці, а яго гісторыя захоўваецца.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Імя</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Бачнае імя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роля</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Апошні ўваход</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Аператары</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Дадаць…</translation>
    </message>
    <message>
        <source>Change &amp;Role…</source>
        <translation>Змяніць &amp;ролю…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Адключыць…</translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation>Скінуць &amp;пароль…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Раз&amp;блакаваць</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Актыўны</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Адключаны</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Заблакаваны да %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколі</translation>
    </message>
    <message>
        <source>Add Operator</source>
        <translation>Даданне аператара</translation>
    </message>
    <message>
        <source>The new operator signs in with this name and password and is asked for nothing else. Tell them the password in person; they cannot change it themselves yet.</source>
        <translation>Новы аператар уваходзіць з гэтым імем і паролем, больш нічога не пытаецца. Паведаміце пароль асабіста: змяніць яго сам аператар пакуль не можа.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Дадаць</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>Імя для ўваходу:</translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation>напрыклад, iivanou</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Бачнае імя:</translation>
    </message>
    <message>
        <source>e.g. Jane Smith</source>
        <translation>напрыклад, Ірына Іванова</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роля:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль яшчэ раз:</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was added</source>
        <translation>паролі не супадаюць; нічога не дададзена</translation>
    </message>
    <message>
        <source>Operator %1 was added.</source>
        <translation>Аператар %1 дададзены.</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Змена ролі</translation>
    </message>
    <message>
        <source>What %1 may do from their next sign-in. A window already open keeps the old role until it is closed.</source>
        <translation>Што %1 зможа рабіць з наступнага ўваходу. Ужо адкрытае акно захоўвае ранейшую ролю, пакуль яго не закрыюць.</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Змяніць</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>Цяпер у %1 роля: %2.</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 зноў можа ўваходзіць.</translation>
    </message>
    <message>
        <source>Deactivate Operator</source>
        <translation>Адключэнне аператара</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in. What they did stays in the audit trail under their name, and the account can be activated again.</source>
        <translation>Адключыць %1? Аператар больш не зможа ўвайсці. Яго дзеянні застаюцца ў журнале аўдыту пад яго імем, а ўліковы запіс можна ўключыць зноў.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 больш не можа ўваходзіць.</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Скід пароля</translation>
    </message>
    <message>
        <source>Sets a new password for %1 and lifts a lock-out. The old password stops working at once.</source>
        <translation>Задае новы пароль для %1 і здымае блакаванне. Стары пароль адразу перастае дзейнічаць.</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Скінуць</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новы пароль:</translation>
    </message>
    <message>
        <source>the two passwords differ; the password was not changed</source>
        <translation>паролі не супадаюць; пароль не зменены</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>Пароль %1 скінуты.</translation>
    </message>
    <message>
        <source>%1 may try to sign in again.</source>
        <translation>%1 зноў можа паспрабаваць увайсці.</translation>
    </message>
    <message>
        <source>A&amp;ctivate</source>
        <translation>&amp;Уключыць</translation>
    </message>
</context>
<context>
    <name>pd::PdfPages</name>
    <message>
        <source>the PDF writer produced no document</source>
        <translation>пры фарміраванні PDF дакумент не створаны</translation>
    </message>
    <message>
        <source>drawing a document needs the graphical application (fonts)</source>
        <translation>для фарміравання дакумента патрэбна графічная праграма (шрыфты)</translation>
    </message>
    <message>
        <source>the document could not be started</source>
        <translation>не ўдалося пачаць фарміраванне дакумента</translation>
    </message>
    <message>
        <source>the document could not be finished</source>
        <translation>не ўдалося завяршыць фарміраванне дакумента</translation>
    </message>
</context>
<context>
    <name>pd::Permissions</name>
    <message>
        <source>sign in first: %1 needs an operator</source>
        <translation>спачатку ўвайдзіце: дзеянне «%1» патрабуе ўваходу карыстальніка</translation>
    </message>
    <message>
        <source>operator %1 (%2) may not %3</source>
        <translation>карыстальніку %1 (%2) не дазволена %3</translation>
    </message>
    <message>
        <source>view personal data</source>
        <translation>праглядаць персанальныя даныя</translation>
    </message>
    <message>
        <source>correct personal data</source>
        <translation>выпраўляць персанальныя даныя</translation>
    </message>
    <message>
        <source>block or unblock personal data</source>
        <translation>блакаваць і разблакоўваць персанальныя даныя</translation>
    </message>
    <message>
        <source>anonymize personal data</source>
        <translation>абязасобліваць персанальныя даныя</translation>
    </message>
    <message>
        <source>delete personal data</source>
        <translation>выдаляць персанальныя даныя</translation>
    </message>
    <message>
        <source>change consents</source>
        <translation>змяняць згоды</translation>
    </message>
    <message>
        <source>import personal data</source>
        <translation>імпартаваць персанальныя даныя</translation>
    </message>
    <message>
        <source>handle data-subject requests</source>
        <translation>апрацоўваць запыты суб&apos;ектаў персанальных даных</translation>
    </message>
    <message>
        <source>change processing purposes</source>
        <translation>змяняць мэты апрацоўкі</translation>
    </message>
    <message>
        <source>export whole registers</source>
        <translation>экспартаваць рэестры цалкам</translation>
    </message>
    <message>
        <source>approve irreversible actions</source>
        <translation>узгадняць незваротныя дзеянні</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>чытаць журнал аўдыту</translation>
    </message>
    <message>
        <source>manage operators</source>
        <translation>кіраваць карыстальнікамі</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>змяняць налады</translation>
    </message>
    <message>
        <source>change reply-letter templates</source>
        <translation>змяняць шаблоны адказаў</translation>
    </message>
    <message>
        <source>record personal-data breaches</source>
        <translation>рэгістраваць парушэнні бяспекі персанальных даных</translation>
    </message>
</context>
<context>
    <name>pd::PrivateFile</name>
    <message>
        <source>cannot create %1: %2</source>
        <translation>не ўдаецца стварыць %1: %2</translation>
    </message>
    <message>
        <source>cannot make %1 readable by its owner only: %2</source>
        <translation>не ўдаецца зрабіць %1 даступным толькі ўладальніку: %2</translation>
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
    <message>
        <source>%1: the profile is larger than %2 MiB</source>
        <translation>%1: профіль больш за %2 МіБ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not what retention ends with (expected delete or anonymize)</source>
        <translation>«%1» — не тое, чым заканчваецца захоўванне (чакалася delete або anonymize)</translation>
    </message>
    <message>
        <source>found %1 part(s) separated by &apos;|&apos; (expected &apos;CATEGORY | RULE | ACTION | TEXT&apos;, the last two optional)</source>
        <translation>частак, падзеленых &apos;|&apos;: %1 (чакаецца &apos;CATEGORY | RULE | ACTION | TEXT&apos;, апошнія дзве неабавязковыя)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of this purpose&apos;s categories (expected one of: %2)</source>
        <translation>&apos;%1&apos; — не катэгорыя даных гэтай мэты (чакаецца адна з: %2)</translation>
    </message>
    <message>
        <source>category &apos;%1&apos; is given a period twice</source>
        <translation>для катэгорыі &apos;%1&apos; тэрмін зададзены двойчы</translation>
    </message>
    <message>
        <source>expected &apos;NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT&apos;, the last three optional</source>
        <translation>чакаецца &apos;NAME | processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT&apos;, апошнія тры неабавязковыя</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither yes nor no</source>
        <translation>&apos;%1&apos; — не yes і не no</translation>
    </message>
    <message>
        <source>is given for a purpose without special categories of data (expected &apos;special = yes&apos; with it)</source>
        <translation>пазначана для мэты без спецыяльных катэгорый даных (разам з ім чакаецца &apos;special = yes&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a DPIA status (expected one of: %2)</source>
        <translation>&apos;%1&apos; — недапушчальны статус DPIA (чакаецца адзін з: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (expected YYYY-MM-DD)</source>
        <translation>&apos;%1&apos; — не дата (чакаецца YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>given twice in [%1] (first on line %2; only &apos;recipient&apos; and &apos;category_retention&apos; may repeat)</source>
        <translation>пазначана двойчы ў [%1] (упершыню ў радку %2; паўтарацца могуць толькі &apos;recipient&apos; і &apos;category_retention&apos;)</translation>
    </message>
</context>
<context>
    <name>pd::ProgressJob</name>
    <message>
        <source>Cancel</source>
        <translation>Скасаваць</translation>
    </message>
    <message>
        <source>Stopping after the batch in progress…</source>
        <translation>Спыненне пасля бягучага пакета…</translation>
    </message>
</context>
<context>
    <name>pd::PurposeDetails</name>
    <message>
        <source>not recorded</source>
        <translation>не пазначана</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Апісанне</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation>Спецыяльныя катэгорыі даных</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Так: %1</translation>
    </message>
    <message>
        <source>condition not stated</source>
        <translation>умова не пазначана</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Automated decisions</source>
        <translation>Аўтаматызаваныя рашэнні</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Няма</translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation>Ацэнка ўздзеяння на абарону даных</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Retired on %1: no new data or consent is taken for it</source>
        <translation>Выведзена з выкарыстання %1: новыя даныя і згоды для яе не прымаюцца</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Найменне</translation>
    </message>
    <message>
        <source>Our role</source>
        <translation>Наша роля</translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation>Дагавор з кліентам</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрас</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Кантакты</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Прадстаўнік</translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation>Сумесны аператар</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Даныя</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Катэгорыі</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Палі</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Крыніца</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Апрацоўка</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Інфармацыйная сістэма</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Тэрмін захоўвання</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>Усе даныя</translation>
    </message>
    <message>
        <source>Other data</source>
        <translation>Астатнія даныя</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>Знішчэнне</translation>
    </message>
    <message>
        <source>Recipients and transfers</source>
        <translation>Атрымальнікі і трансгранічная перадача</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Атрымальнікі</translation>
    </message>
    <message>
        <source>contract: %1</source>
        <translation>дагавор: %1</translation>
    </message>
    <message>
        <source>Transfer abroad: %1</source>
        <translation>Трансгранічная перадача: %1</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Краіны</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Бяспека</translation>
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
        <translation>Новая мэта апрацоўкі</translation>
    </message>
    <message>
        <source>Edit Purpose: %1</source>
        <translation>Змяненне мэты апрацоўкі: %1</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Мэта</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Даныя</translation>
    </message>
    <message>
        <source>&amp;Retention and security</source>
        <translation>&amp;Захоўванне і бяспека</translation>
    </message>
    <message>
        <source>Re&amp;cipients and transfers</source>
        <translation>&amp;Атрымальнікі і трансгранічная перадача</translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;, such as support-chat</source>
        <translation>малыя лацінскія літары, лічбы і &apos;-&apos;, напрыклад support-chat</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(няма)</translation>
    </message>
    <message>
        <source>as the privacy policy words it</source>
        <translation>як сфармулявана ў палітыцы</translation>
    </message>
    <message>
        <source>the article or clause, such as GDPR art. 6(1)(b)</source>
        <translation>артыкул або пункт, напрыклад GDPR art. 6(1)(b)</translation>
    </message>
    <message>
        <source>Special categories of data (health, biometrics, beliefs, ...)</source>
        <translation>Спецыяльныя катэгорыі даных (здароўе, біяметрыя, перакананні, ...)</translation>
    </message>
    <message>
        <source>the condition that allows them, such as GDPR art. 9(2)(a) explicit consent</source>
        <translation>умова, якая дапускае іх апрацоўку, напрыклад GDPR art. 9(2)(a) яўная згода</translation>
    </message>
    <message>
        <source>none</source>
        <translation>няма</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>Information s&amp;ystem:</source>
        <translation>&amp;Інфармацыйная сістэма:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>Апісанн&amp;е:</translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation>&amp;Прававая падстава:</translation>
    </message>
    <message>
        <source>Legal re&amp;ference:</source>
        <translation>&amp;Спасылка на норму:</translation>
    </message>
    <message>
        <source>Art. 9 co&amp;ndition:</source>
        <translation>&amp;Умова па арт. 9:</translation>
    </message>
    <message>
        <source>&amp;Automated decisions:</source>
        <translation>Аў&amp;таматызаваныя рашэнні:</translation>
    </message>
    <message>
        <source>Impact assessment (DP&amp;IA):</source>
        <translation>Ацэнка ўздзе&amp;яння на абарону даных (DPIA):</translation>
    </message>
    <message>
        <source>comma-separated, such as Customers, Visitors</source>
        <translation>праз коску, напрыклад Кліенты, Наведвальнікі</translation>
    </message>
    <message>
        <source>comma-separated field names, such as name, email, phone</source>
        <translation>імёны палёў праз коску, напрыклад name, email, phone</translation>
    </message>
    <message>
        <source>the subject, a client, public sources, ...</source>
        <translation>суб&apos;ект, кліент, агульнадаступныя крыніцы, ...</translation>
    </message>
    <message>
        <source>comma-separated, such as collection, storage, deletion</source>
        <translation>праз коску, напрыклад збор, захоўванне, выдаленне</translation>
    </message>
    <message>
        <source>Categories of &amp;subjects:</source>
        <translation>Катэгорыі &amp;суб&apos;ектаў:</translation>
    </message>
    <message>
        <source>Categories of &amp;data:</source>
        <translation>Катэгорыі да&amp;ных:</translation>
    </message>
    <message>
        <source>Data &amp;fields:</source>
        <translation>&amp;Палі даных:</translation>
    </message>
    <message>
        <source>S&amp;ource of the data:</source>
        <translation>&amp;Крыніца даных:</translation>
    </message>
    <message>
        <source>&amp;Kinds of processing:</source>
        <translation>&amp;Віды апрацоўкі:</translation>
    </message>
    <message>
        <source>the policy&apos;s own words for the period</source>
        <translation>фармулёўка тэрміну з палітыкі</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Катэгорыя</translation>
    </message>
    <message>
        <source>Kept, and the policy&apos;s words</source>
        <translation>Тэрмін захоўвання і фармулёўка палітыкі</translation>
    </message>
    <message>
        <source>Add a Period for a Category</source>
        <translation>Дадаць тэрмін для катэгорыі</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Выдаліць</translation>
    </message>
    <message>
        <source>how the data is destroyed</source>
        <translation>як знішчаюцца даныя</translation>
    </message>
    <message>
        <source>technical and organisational measures</source>
        <translation>тэхнічныя і арганізацыйныя меры</translation>
    </message>
    <message>
        <source>&amp;Kept:</source>
        <translation>&amp;Тэрмін захоўвання:</translation>
    </message>
    <message>
        <source>The policy&apos;s &amp;words:</source>
        <translation>Фармулёўка &amp;палітыкі:</translation>
    </message>
    <message>
        <source>Categories kept
for other periods:</source>
        <translation>Катэгорыі з іншымі
тэрмінамі захоўвання:</translation>
    </message>
    <message>
        <source>&amp;Destruction method:</source>
        <translation>&amp;Спосаб знішчэння:</translation>
    </message>
    <message>
        <source>Security &amp;measures:</source>
        <translation>Ме&amp;ры абароны:</translation>
    </message>
    <message>
        <source>ISO codes of the countries where the data is processed, such as BY, DE</source>
        <translation>коды ISO краін, у якіх апрацоўваюцца даныя, напрыклад BY, DE</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Найменне</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тып</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Краіна</translation>
    </message>
    <message>
        <source>Safeguards for a transfer</source>
        <translation>Гарантыі пры трансгранічнай перадачы</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Дагавор</translation>
    </message>
    <message>
        <source>Add a Recipient</source>
        <translation>Дадаць атрымальніка</translation>
    </message>
    <message>
        <source>Co&amp;untries:</source>
        <translation>&amp;Краіны:</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Атрымальнікі:</translation>
    </message>
    <message>
        <source>the policy&apos;s own words for this period</source>
        <translation>фармулёўка гэтага тэрміну з палітыкі</translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation>Апе&amp;ратар:</translation>
    </message>
</context>
<context>
    <name>pd::PurposeRegister</name>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation>няма мэты &apos;%1&apos;</translation>
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
        <source>Name</source>
        <translation>Найменне</translation>
    </message>
    <message>
        <source>Our role</source>
        <translation>Наша роля</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Краіна</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Кантакты</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>Contract with the client</source>
        <translation>Дагавор з кліентам</translation>
    </message>
    <message>
        <source>New Controller...</source>
        <translation>Новы аператар...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Змяніць...</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>Аператары</translation>
    </message>
    <message>
        <source>Where the data is</source>
        <translation>Дзе знаходзяцца даныя</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Апісанне</translation>
    </message>
    <message>
        <source>New System...</source>
        <translation>Новая сістэма...</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Інфармацыйныя сістэмы</translation>
    </message>
    <message>
        <source>Safeguards</source>
        <translation>Гарантыі</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Упаўнаважаныя асобы</translation>
    </message>
    <message>
        <source>Those who process data on our behalf (Decree 422: authorised persons)</source>
        <translation>Тыя, хто апрацоўвае даныя па нашым даручэнні (Decree 422: упаўнаважаныя асобы)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Record of processing of the selected purpose</source>
        <translation>Звесткі аб апрацоўцы па выбранай мэце</translation>
    </message>
    <message>
        <source>&amp;New Purpose...</source>
        <translation>&amp;Новая мэта...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Змяніць...</translation>
    </message>
    <message>
        <source>&amp;Retire...</source>
        <translation>Вывесці з вы&amp;карыстання...</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n category(ies) kept for other periods</source>
        <translation>
            <numerusform>%1; яшчэ %n катэгорыя са сваім тэрмінам</numerusform>
            <numerusform>%1; яшчэ %n катэгорыі са сваімі тэрмінамі</numerusform>
            <numerusform>%1; яшчэ %n катэгорый са сваімі тэрмінамі</numerusform>
        </translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Выкарыстоўваецца</translation>
    </message>
    <message>
        <source>Retired on %1</source>
        <translation>Выведзена з выкарыстання %1</translation>
    </message>
    <message>
        <source>Select a purpose to see its record of processing.</source>
        <translation>Выберыце мэту, каб убачыць звесткі аб апрацоўцы.</translation>
    </message>
    <message>
        <source>&amp;Reinstate...</source>
        <translation>Вярнуць у вы&amp;карыстанне...</translation>
    </message>
    <message>
        <source>New Purpose</source>
        <translation>Новая мэта апрацоўкі</translation>
    </message>
    <message>
        <source>A purpose belongs to a controller. Add the controller first, on the Controllers tab.</source>
        <translation>Мэта апрацоўкі належыць аператару. Спачатку дадайце аператара на ўкладцы Аператары.</translation>
    </message>
    <message>
        <source>New Controller</source>
        <translation>Новы аператар</translation>
    </message>
    <message>
        <source>Edit Controller</source>
        <translation>Змяненне аператара</translation>
    </message>
    <message>
        <source>Who decides why and how the data is processed: our own company, or a client for whom we process data on instructions.</source>
        <translation>Хто вызначае мэты і спосабы апрацоўкі даных: наша кампанія або кліент, па даручэнні якога мы апрацоўваем даныя.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Захаваць</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Код:</translation>
    </message>
    <message>
        <source>lowercase letters, digits and &apos;-&apos;</source>
        <translation>малыя лацінскія літары, лічбы і &apos;-&apos;</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Найменне:</translation>
    </message>
    <message>
        <source>Our role:</source>
        <translation>Наша роля:</translation>
    </message>
    <message>
        <source>Contract with the client:</source>
        <translation>Дагавор з кліентам:</translation>
    </message>
    <message>
        <source>for a client: the contract we process under</source>
        <translation>для кліента: дагавор, паводле якога мы апрацоўваем даныя</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрас:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Краіна:</translation>
    </message>
    <message>
        <source>ISO code, such as BY</source>
        <translation>код ISO, напрыклад BY</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Кантакты:</translation>
    </message>
    <message>
        <source>Data protection officer:</source>
        <translation>Адказны за абарону даных:</translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation>Прадстаўнік:</translation>
    </message>
    <message>
        <source>Joint controller:</source>
        <translation>Сумесны аператар:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>няма</translation>
    </message>
    <message>
        <source>New Information System</source>
        <translation>Новая інфармацыйная сістэма</translation>
    </message>
    <message>
        <source>Edit Information System</source>
        <translation>Змяненне інфармацыйнай сістэмы</translation>
    </message>
    <message>
        <source>An information system that holds personal data, and where the data is kept.</source>
        <translation>Інфармацыйная сістэма, у якой змяшчаюцца персанальныя даныя, і месца захоўвання даных.</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>Аператар:</translation>
    </message>
    <message>
        <source>Where the data is:</source>
        <translation>Дзе знаходзяцца даныя:</translation>
    </message>
    <message>
        <source>data centre, city, country</source>
        <translation>дата-цэнтр, горад, краіна</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Апісанне:</translation>
    </message>
    <message>
        <source>Edit Processor</source>
        <translation>Змяненне ўпаўнаважанай асобы</translation>
    </message>
    <message numerus="yes">
        <source>Changes apply to every purpose this processor receives data for (%n purpose(s)).</source>
        <translation>
            <numerusform>Змены датычацца ўсіх мэт, для якіх гэтая ўпаўнаважаная асоба атрымлівае даныя (%n мэта).</numerusform>
            <numerusform>Змены датычацца ўсіх мэт, для якіх гэтая ўпаўнаважаная асоба атрымлівае даныя (%n мэты).</numerusform>
            <numerusform>Змены датычацца ўсіх мэт, для якіх гэтая ўпаўнаважаная асоба атрымлівае даныя (%n мэт).</numerusform>
        </translation>
    </message>
    <message>
        <source>ISO code, such as DE</source>
        <translation>код ISO, напрыклад DE</translation>
    </message>
    <message>
        <source>Safeguards for a transfer:</source>
        <translation>Гарантыі пры трансгранічнай перадачы:</translation>
    </message>
    <message>
        <source>such as standard contractual clauses</source>
        <translation>напрыклад стандартныя дагаворныя ўмовы</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>Дагавор:</translation>
    </message>
    <message>
        <source>the agreement it processes under</source>
        <translation>дагавор, паводле якога яна апрацоўвае даныя</translation>
    </message>
    <message>
        <source>Retire Purpose</source>
        <translation>Вывад мэты з выкарыстання</translation>
    </message>
    <message>
        <source>Reinstate Purpose</source>
        <translation>Вяртанне мэты ў выкарыстанне</translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take no new data or consent from the day it is retired. Nothing is deleted: the data held for it stays under its retention rule, and the purpose stays in the register and its history.</source>
        <translation>З дня вываду з выкарыстання для мэты &apos;%1&apos; не будуць прымацца новыя даныя і згоды. Нічога не выдаляецца: даныя, якія захоўваюцца для яе, застаюцца пад дзеяннем яе тэрміну захоўвання, а мэта застаецца ў рэестры і ў яго гісторыі.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; will take new data and consents again.</source>
        <translation>Для мэты &apos;%1&apos; зноў будуць прымацца новыя даныя і згоды.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Вывесці з выкарыстання</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>Вярнуць у выкарыстанне</translation>
    </message>
    <message>
        <source>Retired on:</source>
        <translation>Дата вываду з выкарыстання:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Прычына:</translation>
    </message>
    <message>
        <source>why, for the audit trail</source>
        <translation>чаму — для журнала аўдыту</translation>
    </message>
    <message>
        <source>Officers add them with New Purpose (a controller first, on the Controllers tab), or load a policy profile, which names each purpose with its legal ground, data categories, retention and recipients:</source>
        <translation>Адказныя за абарону даных дадаюць іх кнопкай «Новая мэта» (спачатку аператара — на ўкладцы «Аператары») або загружаюць профіль палітыкі, у якім для кожнай мэты апрацоўкі пазначаны прававая падстава, катэгорыі даных, тэрмін захоўвання і атрымальнікі:</translation>
    </message>
</context>
<context>
    <name>pd::RegisterEditor</name>
    <message>
        <source>code: &apos;%1&apos; is already used by another %2</source>
        <translation>код: &apos;%1&apos; ужо заняты іншым аб&apos;ектам тыпу %2</translation>
    </message>
    <message>
        <source>there is no %1 &apos;%2&apos;</source>
        <translation>аб&apos;ект %1 &apos;%2&apos; не знойдзены</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation>аб&apos;ект %1 &apos;%2&apos; тым часам зменены кімсьці іншым; адкрыйце яго зноў, каб убачыць змены</translation>
    </message>
    <message>
        <source>code: &apos;%1&apos; is not a valid code</source>
        <translation>код: &apos;%1&apos; — недапушчальны код</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: holds a line break or &apos;|&apos;, which the register cannot keep</source>
        <translation>поле &apos;%1&apos;: змяшчае перанос радка або &apos;|&apos;, якія рэестр не можа захаваць</translation>
    </message>
    <message>
        <source>reason: a reason is required</source>
        <translation>прычына: трэба пазначыць прычыну</translation>
    </message>
    <message>
        <source>there is no purpose &apos;%1&apos;</source>
        <translation>няма мэты &apos;%1&apos;</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; is in use, not retired</source>
        <translation>мэта апрацоўкі &apos;%1&apos; выкарыстоўваецца і не выведзена з выкарыстання</translation>
    </message>
    <message>
        <source>purpose &apos;%1&apos; was retired on %2</source>
        <translation>мэта апрацоўкі &apos;%1&apos; выведзена з выкарыстання %2</translation>
    </message>
    <message>
        <source>name: a processor needs a name</source>
        <translation>найменне: у ўпаўнаважанай асобы павінна быць найменне</translation>
    </message>
    <message>
        <source>there is no processor &apos;%1&apos;</source>
        <translation>няма ўпаўнаважанай асобы &apos;%1&apos;</translation>
    </message>
    <message>
        <source>processor &apos;%1&apos; was changed by someone else meanwhile; open it again to see the changes</source>
        <translation>упаўнаважаная асоба &apos;%1&apos; тым часам зменена кімсьці іншым; адкрыйце яе зноў, каб убачыць змены</translation>
    </message>
    <message>
        <source>the letterhead is that of one of the office&apos;s own controllers</source>
        <translation>бланк адносіцца да аднаго з уласных аператараў даных арганізацыі</translation>
    </message>
    <message>
        <source>field &apos;%1&apos;: not part of the letterhead</source>
        <translation>поле «%1»: не ўваходзіць у бланк</translation>
    </message>
</context>
<context>
    <name>pd::RegisterLabels</name>
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
    <message>
        <source>We are the controller</source>
        <translation>Мы — аператар</translation>
    </message>
    <message>
        <source>We process for this client</source>
        <translation>Мы апрацоўваем па даручэнні кліента</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Упаўнаважаная асоба</translation>
    </message>
    <message>
        <source>External recipient</source>
        <translation>Знешні атрымальнік</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Дзяржаўны орган</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Унутраны атрымальнік</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Не ацэнена</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Не патрабуецца</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Патрабуецца</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>У рабоце</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выканана</translation>
    </message>
    <message>
        <source>While the contract lasts</source>
        <translation>Пакуль дзейнічае дагавор</translation>
    </message>
    <message>
        <source>A period after an event</source>
        <translation>Тэрмін пасля падзеі</translation>
    </message>
    <message>
        <source>Until the backup expires</source>
        <translation>Да заканчэння тэрміну рэзервовай копіі</translation>
    </message>
    <message>
        <source>Until consent is withdrawn</source>
        <translation>Да адклікання згоды</translation>
    </message>
    <message>
        <source>The period set by law</source>
        <translation>Тэрмін, устаноўлены заканадаўствам</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>рэгістрацыі</translation>
    </message>
    <message>
        <source>the answer to the request</source>
        <translation>адказу на запыт</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>апошняга наведвання</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>збору</translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation>заканчэння дагавора</translation>
    </message>
    <message>
        <source>withdrawal of consent</source>
        <translation>адклікання згоды</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Абязасобіць</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Выдаліць</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) after %1</source>
        <translation>
            <numerusform>%n год пасля %1</numerusform>
            <numerusform>%n гады пасля %1</numerusform>
            <numerusform>%n гадоў пасля %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) after %1</source>
        <translation>
            <numerusform>%n месяц пасля %1</numerusform>
            <numerusform>%n месяцы пасля %1</numerusform>
            <numerusform>%n месяцаў пасля %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, then anonymize</source>
        <translation>%1, потым абязасобіць</translation>
    </message>
    <message>
        <source>%1, then delete</source>
        <translation>%1, потым выдаліць</translation>
    </message>
</context>
<context>
    <name>pd::RegisterReports</name>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>Register of personal-data breaches</source>
        <translation>Рэестр парушэнняў бяспекі персанальных даных</translation>
    </message>
    <message>
        <source>GDPR art. 33(5); Belarus Law 99-Z art. 16; Russia 152-FZ art. 21(3.1)</source>
        <translation>GDPR арт. 33(5); Закон 99-З арт. 16; 152-ФЗ арт. 21 ч. 3.1</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Інцыдэнты</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Discovered (UTC)</source>
        <translation>Выяўлена (UTC)</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Зарэгістравана (UTC)</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Зарэгістраваў</translation>
    </message>
    <message>
        <source>Nature of the breach</source>
        <translation>Характар парушэння</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Катэгорыі даных</translation>
    </message>
    <message>
        <source>Subjects (approx.)</source>
        <translation>Закранута суб&apos;ектаў (прыбл.)</translation>
    </message>
    <message>
        <source>Records (approx.)</source>
        <translation>Закранута запісаў (прыбл.)</translation>
    </message>
    <message>
        <source>Likely consequences</source>
        <translation>Магчымыя наступствы</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Прынятыя меры</translation>
    </message>
    <message>
        <source>Measures proposed</source>
        <translation>Прапанаваныя меры</translation>
    </message>
    <message>
        <source>DPO contact</source>
        <translation>Кантактная асоба (DPO)</translation>
    </message>
    <message>
        <source>High risk: subjects told (art. 34)</source>
        <translation>Высокая рызыка: апавяшчэнне суб&apos;ектаў (GDPR арт. 34)</translation>
    </message>
    <message>
        <source>Notifications to regulators</source>
        <translation>Апавяшчэнні ўпаўнаважаных органаў</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Апавяшчэнні</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Інцыдэнт</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Рэжым</translation>
    </message>
    <message>
        <source>Notify by (UTC)</source>
        <translation>Тэрмін апавяшчэння (UTC)</translation>
    </message>
    <message>
        <source>Result of the investigation by (UTC)</source>
        <translation>Тэрмін паведамлення пра вынікі расследавання (UTC)</translation>
    </message>
    <message>
        <source>Notified (UTC)</source>
        <translation>Апавешчана (UTC)</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Са спазненнем</translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation>Прычына затрымкі</translation>
    </message>
    <message>
        <source>%1: notified %2</source>
        <translation>%1: апавешчана %2</translation>
    </message>
    <message>
        <source>%1: due by %2</source>
        <translation>%1: тэрмін — да %2</translation>
    </message>
    <message>
        <source>%1: no fixed time</source>
        <translation>%1: без устаноўленага тэрміну</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no high risk</source>
        <translation>высокай рызыкі няма</translation>
    </message>
    <message>
        <source>told %1</source>
        <translation>апавешчаны %1</translation>
    </message>
    <message>
        <source>to be told</source>
        <translation>трэба апавясціць</translation>
    </message>
    <message>
        <source>Breach No. %1</source>
        <translation>Інцыдэнт № %1</translation>
    </message>
    <message>
        <source>No breaches</source>
        <translation>Інцыдэнтаў няма</translation>
    </message>
    <message>
        <source>No personal-data breach has been recorded.</source>
        <translation>Парушэнні бяспекі персанальных даных не зарэгістраваны.</translation>
    </message>
    <message>
        <source>Log of disclosures to third parties</source>
        <translation>Журнал прадастаўлення персанальных даных трэцім асобам</translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 12(2); GDPR art. 15(1)(c)</source>
        <translation>Закон 99-З арт. 12 п. 2; GDPR арт. 15(1)(c)</translation>
    </message>
    <message>
        <source>Disclosures</source>
        <translation>Прадастаўленні</translation>
    </message>
    <message>
        <source>Disclosed (UTC)</source>
        <translation>Прадастаўлена (UTC)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Імя</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Атрымальнік</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Краіна</translation>
    </message>
    <message>
        <source>Data disclosed</source>
        <translation>Прадастаўленыя даныя</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>(anonymized)</source>
        <translation>(абязасоблены)</translation>
    </message>
    <message>
        <source>%1 (blocked)</source>
        <translation>%1 (заблакаваны)</translation>
    </message>
    <message>
        <source>No personal data was disclosed in this period.</source>
        <translation>За гэты перыяд персанальныя даныя не прадастаўляліся.</translation>
    </message>
    <message>
        <source>Statistics of processing and requests</source>
        <translation>Статыстыка апрацоўкі персанальных даных і запытаў</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статыстыка</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Паказчык</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Група</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значэнне</translation>
    </message>
    <message>
        <source>Requests received, by right</source>
        <translation>Атрыманыя запыты па відах правоў</translation>
    </message>
    <message>
        <source>Requests received, by status now</source>
        <translation>Атрыманыя запыты па бягучым статусе</translation>
    </message>
    <message>
        <source>Requests completed in the period</source>
        <translation>Запыты, выкананыя за перыяд</translation>
    </message>
    <message>
        <source>Subjects per purpose (now)</source>
        <translation>Суб&apos;екты па мэтах апрацоўкі (на бягучы момант)</translation>
    </message>
    <message>
        <source>Subjects per data category (now)</source>
        <translation>Суб&apos;екты па катэгорыях даных (на бягучы момант)</translation>
    </message>
    <message>
        <source>Erasures per month</source>
        <translation>Выдаленні па месяцах</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>Доля выкананых у тэрмін</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Даных няма.</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>у тэрмін</translation>
    </message>
    <message>
        <source>late</source>
        <translation>са спазненнем</translation>
    </message>
</context>
<context>
    <name>pd::ReplyStep</name>
    <message>
        <source>Reply to request #%1</source>
        <translation>Адказ на запыт #%1</translation>
    </message>
    <message>
        <source>The letter is made in %1 from the office&apos;s template (Tools → Reply letter templates) and kept with the request.</source>
        <translation>Ліст (мова: %1) складаецца па шаблоне арганізацыі (Інструменты → Шаблоны адказаў) і захоўваецца разам з запытам.</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Руская</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Англійская</translation>
    </message>
    <message>
        <source>Make and record</source>
        <translation>Сфарміраваць і запісаць</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Што зроблена</translation>
    </message>
    <message>
        <source>in the letter&apos;s language, e.g. Your data were erased from all our systems.</source>
        <translation>на мове ліста, напрыклад: Вашы даныя выдалены з усіх нашых сістэм.</translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation>Падстава адмовы</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Адпраўка</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Па e-mail</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>Лістом</translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation>Уручаны асабіста</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Дата адпраўкі</translation>
    </message>
    <message>
        <source>Signatory&apos;s position</source>
        <translation>Пасада падпісанта</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>reply-%1.pdf</source>
        <translation>reply-%1.pdf</translation>
    </message>
    <message>
        <source>The reply letter is kept with the request. Save a copy of the PDF for sending?</source>
        <translation>Адказ захаваны разам з запытам. Захаваць копію PDF для адпраўкі?</translation>
    </message>
    <message>
        <source>Save reply letter</source>
        <translation>Захаваць адказ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Дакументы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>the letter is recorded, but the copy could not be written to %1: %2</source>
        <translation>адказ запісаны, але копію не ўдалося запісаць у %1: %2</translation>
    </message>
</context>
<context>
    <name>pd::ReportPdf</name>
    <message>
        <source>Generated by Privacy Desk %1 on %2 at %3 UTC by %4</source>
        <translation>Сфарміравана Privacy Desk %1 %2 у %3 UTC, аператар %4</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Перыяд:</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>подпіс</translation>
    </message>
    <message>
        <source>name, date</source>
        <translation>прозвішча, дата</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Старонка %1 з %2</translation>
    </message>
</context>
<context>
    <name>pd::Reports</name>
    <message>
        <source>Data protection officer: %1</source>
        <translation>Адказны за абарону даных: %1</translation>
    </message>
    <message>
        <source>Representative: %1</source>
        <translation>Прадстаўнік: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>з %1 па %2</translation>
    </message>
    <message>
        <source>the register has no client we process for; a processor&apos;s record needs one</source>
        <translation>у рэестры няма кліента, па даручэнні якога мы апрацоўваем даныя; ён патрэбны для рэестра апрацоўкі па даручэнні</translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is our own; its record is the report ropa</source>
        <translation>controller: «%1» — наш уласны аператар; яго рэестр — справаздача ropa</translation>
    </message>
    <message>
        <source>controller: &apos;%1&apos; is a client; its record is the report processor-record</source>
        <translation>controller: «%1» — кліент; яго рэестр — справаздача processor-record</translation>
    </message>
    <message>
        <source>Audit extract</source>
        <translation>Выпіска з журнала аўдыту</translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation>Рэестр аперацый па апрацоўцы персанальных даных</translation>
    </message>
    <message>
        <source>Record of processing as a processor</source>
        <translation>Рэестр апрацоўкі персанальных даных па даручэнні</translation>
    </message>
    <message>
        <source>Register of requests</source>
        <translation>Рэестр запытаў</translation>
    </message>
    <message>
        <source>Act of destruction</source>
        <translation>Акт аб знішчэнні</translation>
    </message>
    <message>
        <source>Register of breaches</source>
        <translation>Рэестр інцыдэнтаў</translation>
    </message>
    <message>
        <source>Disclosure log</source>
        <translation>Журнал прадастаўленняў</translation>
    </message>
    <message>
        <source>Audit trail extract</source>
        <translation>Выпіска з журнала аўдыту</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статыстыка</translation>
    </message>
    <message>
        <source>Subject&apos;s data (access, portability)</source>
        <translation>Даныя суб&apos;екта (доступ, пераноснасць)</translation>
    </message>
    <message>
        <source>period: the first and the last day are required</source>
        <translation>period: трэба пазначыць першы і апошні дзень</translation>
    </message>
    <message>
        <source>period: the first day must not come after the last</source>
        <translation>period: першы дзень не можа быць пазней за апошні</translation>
    </message>
    <message>
        <source>unknown report</source>
        <translation>невядомая справаздача</translation>
    </message>
    <message>
        <source>request: only a subject&apos;s data answers a request</source>
        <translation>request: да запыту далучаюцца толькі даныя суб&apos;екта</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Інфармацыйныя сістэмы</translation>
    </message>
    <message>
        <source>Information system</source>
        <translation>Інфармацыйная сістэма</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Месцазнаходжанне</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Катэгорыі персанальных даных</translation>
    </message>
    <message>
        <source>Special categories</source>
        <translation>Спецыяльныя катэгорыі</translation>
    </message>
    <message>
        <source>Authorised persons (processors)</source>
        <translation>Упаўнаважаныя асобы</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>Тэрміны захоўвання</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>няма</translation>
    </message>
    <message>
        <source>Information systems (Belarus Decree 422 sub. 3.5)</source>
        <translation>Інфармацыйныя сістэмы (Указ № 422, падп. 3.5)</translation>
    </message>
    <message>
        <source>The register names no information system of this controller.</source>
        <translation>У рэестры няма інфармацыйных сістэм гэтага аператара.</translation>
    </message>
    <message>
        <source>no purpose of the register uses it</source>
        <translation>ніводная мэта рэестра яе не выкарыстоўвае</translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>The controller&apos;s record of processing activities (GDPR art. 30(1), Belarus Decree 422 sub. 3.5), one row per activity as the ICO and CNIL templates lay it out.</source>
        <translation>Рэестр аперацый па апрацоўцы персанальных даных аператара (GDPR, арт. 30(1); Указ № 422, падп. 3.5): па радку на кожную аперацыю, як у шаблонах ICO і CNIL.</translation>
    </message>
    <message>
        <source>The record of the processing we carry out for a client (GDPR art. 30(2)).</source>
        <translation>Рэестр апрацоўкі, якую мы ажыццяўляем па даручэнні кліента (GDPR, арт. 30(2)).</translation>
    </message>
    <message>
        <source>Every request received in the period with all its fields, yearly counts per right and the on-time rate, for a transparency report.</source>
        <translation>Усе запыты, атрыманыя за перыяд, з усімі палямі, гадавыя паказчыкі па кожным праве і доля выкананых у тэрмін — для справаздачы аб празрыстасці.</translation>
    </message>
    <message>
        <source>A numbered act confirming the destruction of personal data, with an extract of the event log. Drawing one up keeps it for three years; it can be printed again.</source>
        <translation>Нумараваны акт, які пацвярджае знішчэнне персанальных даных, з выпіскай з журнала падзей. Складзены акт захоўваецца тры гады; яго можна раздрукаваць паўторна.</translation>
    </message>
    <message>
        <source>Every personal-data breach recorded, with the notice each regime wants and when it was made.</source>
        <translation>Усе зарэгістраваныя парушэнні бяспекі персанальных даных з апавяшчэннямі, якіх патрабуе кожны рэжым, і датамі іх накіравання.</translation>
    </message>
    <message>
        <source>Disclosures of personal data to recipients in the period (Belarus Law 99-Z art. 12).</source>
        <translation>Прадастаўленні персанальных даных атрымальнікам за перыяд (Закон Рэспублікі Беларусь № 99-З, арт. 12).</translation>
    </message>
    <message>
        <source>The audit trail of the period, with the verification of its hash chain.</source>
        <translation>Журнал аўдыту за перыяд з праверкай ланцужка хэшаў.</translation>
    </message>
    <message>
        <source>Requests per right and status, the on-time rate, subjects per purpose and category, erasures per month.</source>
        <translation>Запыты па правах і статусах, доля выкананых у тэрмін, суб&apos;екты па мэтах і катэгорыях, выдаленні па месяцах.</translation>
    </message>
    <message>
        <source>Everything held about one subject, with its rights, for an access or portability request: a readable PDF, JSON to take elsewhere, and CSV.</source>
        <translation>Усе даныя пра аднаго суб&apos;екта і яго правы — для запыту на доступ або пераноснасць: зручны для чытання PDF, JSON для пераносу і CSV.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Дакументы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Кнігі Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Справаздачы</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Папярэдні прагляд</translation>
    </message>
    <message>
        <source>Build the report and show it (Ctrl+Enter)</source>
        <translation>Сфарміраваць справаздачу і паказаць яе (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>Захаваць &amp;як…</translation>
    </message>
    <message>
        <source>Write the report to a file only you can read (Ctrl+S)</source>
        <translation>Запісаць справаздачу ў файл, даступны для чытання толькі вам (Ctrl+S)</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Друк…</translation>
    </message>
    <message>
        <source>Print the report&apos;s pages (Ctrl+P)</source>
        <translation>Раздрукаваць старонкі справаздачы (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Give to the Request</source>
        <translation>Да&amp;лучыць да запыту</translation>
    </message>
    <message>
        <source>Keep the PDF, JSON and CSV with the access or portability request and carry it out</source>
        <translation>Захаваць PDF, JSON і CSV у запыце на доступ або пераноснасць і выканаць яго</translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation>Папярэдняга прагляду пакуль няма</translation>
    </message>
    <message>
        <source>Choose a report and its parameters, then press Preview.</source>
        <translation>Выберыце справаздачу і яе параметры, потым націсніце «Папярэдні прагляд».</translation>
    </message>
    <message>
        <source>The file you save holds every row; the preview shows the first %1.</source>
        <translation>Файл, які вы захоўваеце, утрымлівае ўсе радкі; у папярэднім праглядзе паказаны першыя %1.</translation>
    </message>
    <message>
        <source>No reports for your role</source>
        <translation>Для вашай ролі справаздач няма</translation>
    </message>
    <message>
        <source>Reports are made by privacy officers and auditors; administrators make the audit extract, support agents the subject&apos;s data for their requests.</source>
        <translation>Справаздачы фарміруюць адказныя за абарону даных і аўдытары; адміністратары — выпіску з журнала аўдыту, супрацоўнікі падтрымкі — даныя суб&apos;екта па сваіх запытах.</translation>
    </message>
    <message>
        <source>Draw Up an Act of Destruction</source>
        <translation>Складанне акта аб знішчэнні</translation>
    </message>
    <message>
        <source>Draw up a new act of destruction for what you chose? It gets the next number and is kept for three years; to print an existing act again, choose &quot;Print an act again&quot; and its number.</source>
        <translation>Скласці новы акт аб знішчэнні па выбраных даных? Ён атрымае наступны нумар і будзе захоўвацца тры гады; каб паўторна раздрукаваць існуючы акт, выберыце «Паўторны друк акта» і яго нумар.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Фарміраванне справаздачы…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s); %2 page(s).</source>
        <translation>
            <numerusform>%1: %Ln радок; старонак: %2.</numerusform>
            <numerusform>%1: %Ln радкі; старонак: %2.</numerusform>
            <numerusform>%1: %Ln радкоў; старонак: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the first %2 of %3 rows are shown; the file holds every one.</source>
        <translation>%1: паказана радкоў: %2 з %3; файл утрымлівае ўсе.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln row(s).</source>
        <translation>
            <numerusform>%1: %Ln радок.</numerusform>
            <numerusform>%1: %Ln радкі.</numerusform>
            <numerusform>%1: %Ln радкоў.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the Report</source>
        <translation>Захаванне справаздачы</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запіс %1…</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Не ўдалося запісаць %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved to %1 (%Ln row(s)). Only you can read the file.</source>
        <translation>
            <numerusform>Захавана ў %1 (%Ln радок). Файл можаце прачытаць толькі вы.</numerusform>
            <numerusform>Захавана ў %1 (%Ln радкі). Файл можаце прачытаць толькі вы.</numerusform>
            <numerusform>Захавана ў %1 (%Ln радкоў). Файл можаце прачытаць толькі вы.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the Report</source>
        <translation>Друк справаздачы</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Адпраўлена на прынтар.</translation>
    </message>
    <message>
        <source>Give the Data to the Request</source>
        <translation>Перадача даных па запыце</translation>
    </message>
    <message>
        <source>Keep this report (PDF, JSON and CSV) with request #%1 and mark the request as carried out? The reply is sent as the next step.</source>
        <translation>Захаваць гэтую справаздачу (PDF, JSON і CSV) у запыце #%1 і адзначыць запыт як выкананы? Адказ адпраўляецца на наступным кроку.</translation>
    </message>
    <message>
        <source>Kept with request #%1 as PDF, JSON and CSV; the request is carried out.</source>
        <translation>Захавана ў запыце #%1 у выглядзе PDF, JSON і CSV; запыт выкананы.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Перыяд:</translation>
    </message>
    <message>
        <source>Controller:</source>
        <translation>Аператар:</translation>
    </message>
    <message>
        <source>One subject&apos;s deletion</source>
        <translation>Выдаленне аднаго суб&apos;екта</translation>
    </message>
    <message>
        <source>The erasure of a request</source>
        <translation>Выдаленне па запыце</translation>
    </message>
    <message>
        <source>Everything destroyed in a period</source>
        <translation>Усё знішчанае за перыяд</translation>
    </message>
    <message>
        <source>A retention sweep</source>
        <translation>Ачыстка па тэрмінах захоўвання</translation>
    </message>
    <message>
        <source>Print an act again</source>
        <translation>Паўторны друк акта</translation>
    </message>
    <message>
        <source>Act covers:</source>
        <translation>Акт ахоплівае:</translation>
    </message>
    <message>
        <source>Subject number, e.g. 1042</source>
        <translation>Нумар суб&apos;екта, напрыклад 1042</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Суб&apos;ект:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Запыт:</translation>
    </message>
    <message>
        <source>Sweep of:</source>
        <translation>Ачыстка ад:</translation>
    </message>
    <message>
        <source>Act number:</source>
        <translation>Нумар акта:</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Дакумент PDF</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Табліца CSV</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Кніга Excel (XLSX)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Фармат:</translation>
    </message>
    <message>
        <source>%1 (our own)</source>
        <translation>%1 (уласны)</translation>
    </message>
    <message>
        <source>%1 (a client we process for)</source>
        <translation>%1 (кліент, па даручэнні якога мы апрацоўваем даныя)</translation>
    </message>
    <message>
        <source>The first that applies</source>
        <translation>Першы адпаведны</translation>
    </message>
</context>
<context>
    <name>pd::RequestClosing</name>
    <message>
        <source>reply: the letter is not a PDF document</source>
        <translation>адказ: ліст не з&apos;яўляецца дакументам PDF</translation>
    </message>
    <message>
        <source>form: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation>форма: чакаецца email, letter або in-person, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>sent on: %1 is in the future</source>
        <translation>дата адпраўкі: %1 — у будучыні</translation>
    </message>
    <message>
        <source>request #%1 was withdrawn: no answer is due</source>
        <translation>запыт #%1 адкліканы: адказ не патрабуецца</translation>
    </message>
    <message>
        <source>sent on: before the request was received</source>
        <translation>дата адпраўкі: раней за дату атрымання запыту</translation>
    </message>
    <message>
        <source>Reply sent on %1 (%2, %3)</source>
        <translation>Адказ адпраўлены %1 (%2, %3)</translation>
    </message>
    <message>
        <source>decision: expected granted or partly-granted (a refusal is recorded with its ground)</source>
        <translation>рашэнне: чакаецца granted або partly-granted (адмова запісваецца з указаннем падставы)</translation>
    </message>
    <message>
        <source>request #%1 is %2: only a request in progress is completed</source>
        <translation>запыт #%1 у статусе «%2»: завяршыць можна толькі запыт у рабоце</translation>
    </message>
    <message>
        <source>request #%1 has no recorded answer: send the reply letter first</source>
        <translation>па запыце #%1 не запісаны адказ: спачатку адпраўце адказ</translation>
    </message>
    <message>
        <source>Completed (%1)</source>
        <translation>Выкананы (%1)</translation>
    </message>
    <message>
        <source>Completed (%1): %2</source>
        <translation>Выкананы (%1): %2</translation>
    </message>
    <message>
        <source>legal ground: required (the article that allows the refusal, and why)</source>
        <translation>прававая падстава: абавязковая (артыкул, які дапускае адмову, і чаму ён прымяняецца)</translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution: reject the approval first</source>
        <translation>запыт #%1 чакае ўзгаднення выканання: спачатку адхіліце ўзгадненне</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Адмоўлена: %1</translation>
    </message>
    <message>
        <source>Withdrawn by the requester</source>
        <translation>Адкліканы заяўнікам</translation>
    </message>
    <message>
        <source>Withdrawn by the requester: %1</source>
        <translation>Адкліканы заяўнікам: %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыты</translation>
    </message>
</context>
<context>
    <name>pd::RequestExecution</name>
    <message>
        <source>consent #%1 is not an active consent of this subject</source>
        <translation>згода #%1 не з&apos;яўляецца дзейнай згодай гэтага суб&apos;екта</translation>
    </message>
    <message>
        <source>the subject has no active consent to withdraw</source>
        <translation>у суб&apos;екта няма дзейнай згоды, якую можна адклікаць</translation>
    </message>
    <message>
        <source>request #%1 is %2: it is carried out once the identity is confirmed and the request is in progress</source>
        <translation>запыт #%1 у статусе «%2»: ён выконваецца пасля пацвярджэння асобы, калі запыт у рабоце</translation>
    </message>
    <message>
        <source>a request of type %1 cannot run &apos;%2&apos;</source>
        <translation>запыт тыпу «%1» не можа выканаць &apos;%2&apos;</translation>
    </message>
    <message>
        <source>request #%1 is not linked to a subject: there is no data to act on</source>
        <translation>запыт #%1 не звязаны з суб&apos;ектам: няма даных для апрацоўкі</translation>
    </message>
    <message>
        <source>request #%1 (%2)</source>
        <translation>запыт #%1 (%2)</translation>
    </message>
    <message>
        <source>Sent for approval #%1 by a second officer</source>
        <translation>Накіравана другому адказнаму на ўзгадненне #%1</translation>
    </message>
    <message>
        <source>Subject #%1 deleted</source>
        <translation>Суб&apos;ект #%1 выдалены</translation>
    </message>
    <message>
        <source>Subject #%1 anonymized</source>
        <translation>Суб&apos;ект #%1 абязасоблены</translation>
    </message>
    <message>
        <source>Subject #%1 blocked until %2</source>
        <translation>Суб&apos;ект #%1 заблакаваны да %2</translation>
    </message>
    <message>
        <source>Subject #%1 blocked</source>
        <translation>Суб&apos;ект #%1 заблакаваны</translation>
    </message>
    <message>
        <source>Field &apos;%1&apos; of subject #%2 corrected</source>
        <translation>Поле &apos;%1&apos; суб&apos;екта #%2 выпраўлена</translation>
    </message>
    <message>
        <source>%n consent(s) withdrawn; erasure of the data kept for them scheduled by %1</source>
        <translation>Адклікана згод: %n; выдаленне даных, якія захоўваліся на іх падставе, запланавана не пазней за %1</translation>
    </message>
    <message>
        <source>The subject&apos;s data attached (%n item(s))</source>
        <translation>Даныя суб&apos;екта далучаны (элементаў: %n)</translation>
    </message>
    <message>
        <source>The approved erasure was carried out</source>
        <translation>Узгодненае выдаленне выканана</translation>
    </message>
    <message>
        <source>The erasure was not approved; the request is back in progress</source>
        <translation>Выдаленне не ўзгоднена; запыт вернуты ў работу</translation>
    </message>
</context>
<context>
    <name>pd::RequestIdEdit</name>
    <message>
        <source>optional, e.g. 42</source>
        <translation>неабавязкова, напрыклад 42</translation>
    </message>
    <message>
        <source>Request number</source>
        <translation>Нумар запыту</translation>
    </message>
</context>
<context>
    <name>pd::RequestIntakeDialog</name>
    <message>
        <source>New request</source>
        <translation>Новы запыт</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Асабіста</translation>
    </message>
    <message>
        <source>The substance of the request, in the requester&apos;s words</source>
        <translation>Сутнасць запыту словамі заяўніка</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Тып:</translation>
    </message>
    <message>
        <source>Law:</source>
        <translation>Закон:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Атрыманы:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>What is asked*:</source>
        <translation>Сутнасць запыту*:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Тэрмін:</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заяўнік</translation>
    </message>
    <message>
        <source>Register as a new subject</source>
        <translation>Зарэгістраваць як новага суб&apos;екта</translation>
    </message>
    <message>
        <source>surname, first name, patronymic</source>
        <translation>прозвішча, імя, імя па бацьку</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, if given</source>
        <translation>ГГГГ-ММ-ДД, калі пазначана</translation>
    </message>
    <message>
        <source>identification number, if given</source>
        <translation>калі пазначаны</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Па e-mail</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>Лістом</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Англійская</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Руская</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Суб&apos;ект:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Імя:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрас:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Дата нараджэння:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>Ідэнтыфікацыйны нумар:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Тэлефон:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Адказ:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Representative (optional)</source>
        <translation>Прадстаўнік (неабавязкова)</translation>
    </message>
    <message>
        <source>power of attorney: number and date</source>
        <translation>даверанасць: нумар і дата</translation>
    </message>
    <message>
        <source>Document of authority:</source>
        <translation>Дакумент аб паўнамоцтвах:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Зарэгістраваць</translation>
    </message>
    <message>
        <source>Subject: link an existing subject or register a new one, not both.</source>
        <translation>Суб&apos;ект: укажыце існуючага суб&apos;екта або зарэгіструйце новага, але не адначасова.</translation>
    </message>
    <message>
        <source>Name: required when the request is not linked to a subject.</source>
        <translation>Імя: абавязкова, калі запыт не звязаны з суб&apos;ектам.</translation>
    </message>
    <message>
        <source>Date of birth: expected YYYY-MM-DD.</source>
        <translation>Дата нараджэння: чакаецца ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>What is asked: required.</source>
        <translation>Сутнасць запыту: абавязкова.</translation>
    </message>
    <message>
        <source>Document of authority: required when a representative acts for the subject.</source>
        <translation>Дакумент аб паўнамоцтвах: абавязковы, калі ад імя суб&apos;екта дзейнічае прадстаўнік.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>name, e-mail, phone or number</source>
        <translation>імя, e-mail, тэлефон або нумар</translation>
    </message>
    <message>
        <source>Subject: choose one of the subjects found, or give a subject number.</source>
        <translation>Суб&apos;ект: выберыце аднаго са знойдзеных суб&apos;ектаў або пакажыце нумар суб&apos;екта.</translation>
    </message>
</context>
<context>
    <name>pd::RequestListModel</name>
    <message>
        <source>clock stopped</source>
        <translation>адлік тэрміну прыпынены</translation>
    </message>
    <message>
        <source>duplicate?</source>
        <translation>дублікат?</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) overdue)</source>
        <translation>
            <numerusform>%1 (пратэрмінаваны на %Ln дзень)</numerusform>
            <numerusform>%1 (пратэрмінаваны на %Ln дні)</numerusform>
            <numerusform>%1 (пратэрмінаваны на %Ln дзён)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (сёння)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln day(s) left)</source>
        <translation>
            <numerusform>%1 (застаўся %Ln дзень)</numerusform>
            <numerusform>%1 (засталося %Ln дні)</numerusform>
            <numerusform>%1 (засталося %Ln дзён)</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: the legal deadline has passed</source>
        <translation>Пратэрмінаваны: устаноўлены законам тэрмін мінуў</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Тэрмін мінае на працягу 3 дзён</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Тэрмін мінае на працягу 7 дзён</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тып</translation>
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
        <translation>Заяўнік</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Атрыманы</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Тэрмін</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Выканаўца</translation>
    </message>
</context>
<context>
    <name>pd::RequestPanel</name>
    <message>
        <source>Delete the subject&apos;s data</source>
        <translation>Выдаліць даныя суб&apos;екта</translation>
    </message>
    <message>
        <source>Anonymize the subject</source>
        <translation>Абязасобіць суб&apos;екта</translation>
    </message>
    <message>
        <source>Block the subject&apos;s data</source>
        <translation>Заблакаваць даныя суб&apos;екта</translation>
    </message>
    <message>
        <source>Correct a field</source>
        <translation>Выправіць поле</translation>
    </message>
    <message>
        <source>Withdraw consent and schedule erasure</source>
        <translation>Адклікаць згоду і запланаваць выдаленне</translation>
    </message>
    <message>
        <source>Attach the subject&apos;s data</source>
        <translation>Дадаць даныя суб&apos;екта</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← Назад да спісу</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Назад да спісу (Esc)</translation>
    </message>
    <message>
        <source>Check &amp;identity…</source>
        <translation>Праверыць &amp;асобу…</translation>
    </message>
    <message>
        <source>&amp;Ask requester…</source>
        <translation>Запы&amp;таць у заяўніка…</translation>
    </message>
    <message>
        <source>Resume &amp;clock</source>
        <translation>Аднавіць ад&amp;лік</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Падоўжыць…</translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation>Пры&amp;значыць…</translation>
    </message>
    <message>
        <source>Carry &amp;out…</source>
        <translation>&amp;Выканаць…</translation>
    </message>
    <message>
        <source>&amp;Reply letter…</source>
        <translation>Ад&amp;каз…</translation>
    </message>
    <message>
        <source>Co&amp;mplete…</source>
        <translation>Завяр&amp;шыць…</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>Ад&amp;мовіць…</translation>
    </message>
    <message>
        <source>&amp;Withdrawn…</source>
        <translation>Адкл&amp;іканы…</translation>
    </message>
    <message>
        <source>Co&amp;mment…</source>
        <translation>Каме&amp;нтарый…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Калі</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Што</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>Request #%1 · %2 · %3 · %4</source>
        <translation>Запыт #%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Received %1 · due %2 (%3)</source>
        <translation>Атрыманы %1 · тэрмін %2 (%3)</translation>
    </message>
    <message>
        <source>extended from %1; requester told on %2</source>
        <translation>тэрмін падоўжаны з %1; заяўніку паведамлена %2</translation>
    </message>
    <message>
        <source>clock stopped since %1</source>
        <translation>адлік тэрміну прыпынены з %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) overdue</source>
        <translation>
            <numerusform>пратэрмінаваны на %Ln дзень</numerusform>
            <numerusform>пратэрмінаваны на %Ln дні</numerusform>
            <numerusform>пратэрмінаваны на %Ln дзён</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) left</source>
        <translation>
            <numerusform>застаўся %Ln дзень</numerusform>
            <numerusform>засталося %Ln дні</numerusform>
            <numerusform>засталося %Ln дзён</numerusform>
        </translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заяўнік</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>не звязаны</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрас</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата нараджэння</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Ідэнтыфікацыйны нумар</translation>
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
        <source>Representative</source>
        <translation>Прадстаўнік</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>Сутнасць запыту</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Адказ</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, мова: %2</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Выканаўца</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>не прызначаны</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Асоба</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>яшчэ не праверана</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>пацверджана</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>не пацверджана</translation>
    </message>
    <message>
        <source>%1: %2 (%3, %4)</source>
        <translation>%1: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублікат</translation>
    </message>
    <message>
        <source>an open request #%1 of the same subject and type exists</source>
        <translation>ёсць адкрыты запыт #%1 таго ж суб&apos;екта і тыпу</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Адказ адпраўлены</translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation>Падстава адмовы</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation>Ваша роля (%1) не прадугледжвае апрацоўку запытаў</translation>
    </message>
    <message>
        <source>The request is closed</source>
        <translation>Запыт закрыты</translation>
    </message>
    <message>
        <source>The request awaits approval</source>
        <translation>Запыт чакае ўзгаднення</translation>
    </message>
    <message>
        <source>The clock is running</source>
        <translation>Адлік тэрміну ідзе</translation>
    </message>
    <message>
        <source>Already extended</source>
        <translation>Тэрмін ужо падоўжаны</translation>
    </message>
    <message>
        <source>%1 allows no extension</source>
        <translation>%1 не дапускае падаўжэння</translation>
    </message>
    <message>
        <source>The request is not linked to a subject</source>
        <translation>Запыт не звязаны з суб&apos;ектам</translation>
    </message>
    <message>
        <source>Nothing to carry out for this type</source>
        <translation>Для гэтага тыпу няма чаго выконваць</translation>
    </message>
    <message>
        <source>Confirm the identity first</source>
        <translation>Спачатку пацвердзіце асобу</translation>
    </message>
    <message>
        <source>The request was withdrawn</source>
        <translation>Запыт адкліканы</translation>
    </message>
    <message>
        <source>Only a request in progress is completed</source>
        <translation>Завяршыць можна толькі запыт у рабоце</translation>
    </message>
    <message>
        <source>Send the reply letter first</source>
        <translation>Спачатку адпраўце адказ</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Запыт #%1</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Праверка асобы</translation>
    </message>
    <message>
        <source>Record how the requester&apos;s identity was checked. Proportionate means: no more than the request needs. Only that a document was seen is recorded; never keep a copy or its number.</source>
        <translation>Запішыце, як правяралася асоба заяўніка. Суразмерна — значыць не больш, чым патрабуе запыт. Запісваецца толькі факт прад&apos;яўлення дакумента; ніколі не захоўвайце яго копію або нумар.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запісаць</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Спосаб</translation>
    </message>
    <message>
        <source>e.g. ID card shown at the office</source>
        <translation>напрыклад, пасведчанне асобы прад&apos;яўлена ў офісе</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Вынік</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Пацверджана</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Не пацверджана</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заўвага</translation>
    </message>
    <message>
        <source>Ask the requester</source>
        <translation>Запыт у заяўніка</translation>
    </message>
    <message>
        <source>The clock stops until the requester answers (%1).</source>
        <translation>Адлік тэрміну прыпыняецца да адказу заяўніка (%1).</translation>
    </message>
    <message>
        <source>The clock keeps running: %1 does not stop it.</source>
        <translation>Адлік тэрміну працягваецца: %1 не прадугледжвае прыпынення.</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Што запытана</translation>
    </message>
    <message>
        <source>e.g. proof of identity, the account number</source>
        <translation>напрыклад, пацвярджэнне асобы, нумар уліковага запісу</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Дата запыту</translation>
    </message>
    <message>
        <source>Resume the clock</source>
        <translation>Аднаўленне адліку тэрміну</translation>
    </message>
    <message>
        <source>The requester answered. The days waited move the due date on.</source>
        <translation>Заяўнік адказаў. Тэрмін зрушваецца на колькасць дзён чакання.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Аднавіць</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Дата адказу</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Падаўжэнне тэрміну</translation>
    </message>
    <message>
        <source>%1 allows one extension with reasons, of which the requester must be told within the first period.</source>
        <translation>%1 дапускае адно падаўжэнне з указаннем прычын; заяўніку трэба паведаміць пра яго на працягу першага тэрміну.</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Падоўжыць</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>e.g. complex request: data in several systems</source>
        <translation>напрыклад, складаны запыт: даныя ў некалькіх сістэмах</translation>
    </message>
    <message>
        <source>Requester told on</source>
        <translation>Дата апавяшчэння заяўніка</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Нікому</translation>
    </message>
    <message>
        <source>Assign the request</source>
        <translation>Прызначэнне выканаўцы</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Прызначыць</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Карыстальнік</translation>
    </message>
    <message>
        <source>Carry out request #%1</source>
        <translation>Выкананне запыту #%1</translation>
    </message>
    <message>
        <source>Runs on subject #%1 (%2). The change is recorded in the audit trail with this request.</source>
        <translation>Выконваецца для суб&apos;екта #%1 (%2). Змена запісваецца ў журнал аўдыту разам з гэтым запытам.</translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation>Выканаць</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Аперацыя</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>e.g. email, phone, name</source>
        <translation>напрыклад, email, phone, name</translation>
    </message>
    <message>
        <source>Correct value</source>
        <translation>Выпраўленае значэнне</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Заблакавана да</translation>
    </message>
    <message>
        <source>request #%1</source>
        <translation>запыт #%1</translation>
    </message>
    <message>
        <source>Delete all data of subject #%1 (%2)? Items, consents and disclosures are removed for good; only the fact of deletion is kept.</source>
        <translation>Выдаліць усе даныя суб&apos;екта #%1 (%2)? Элементы даных, згоды і прадастаўленні выдаляюцца беззваротна; захоўваецца толькі факт выдалення.</translation>
    </message>
    <message>
        <source>Anonymize subject #%1 (%2)? Names, contacts and identifiers are replaced for good and cannot be restored.</source>
        <translation>Абязасобіць суб&apos;екта #%1 (%2)? Імёны, кантакты і ідэнтыфікатары замяняюцца беззваротна і не могуць быць адноўлены.</translation>
    </message>
    <message>
        <source>A second officer must approve this (approval #%1). The request waits until then.</source>
        <translation>Гэта павінен узгадніць другі адказны (узгадненне #%1). Да таго часу запыт чакае.</translation>
    </message>
    <message>
        <source>Complete request #%1</source>
        <translation>Завяршэнне запыту #%1</translation>
    </message>
    <message>
        <source>The request was answered.</source>
        <translation>Адказ на запыт дадзены.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завяршыць</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рашэнне</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Задаволены</translation>
    </message>
    <message>
        <source>Partly granted</source>
        <translation>Задаволены часткова</translation>
    </message>
    <message>
        <source>Refuse request #%1</source>
        <translation>Адмова па запыце #%1</translation>
    </message>
    <message>
        <source>A refusal names the article of the law that allows it and why it applies. The requester keeps the right to complain to the supervisory authority.</source>
        <translation>У адмове пазначаецца артыкул закона, які яе дапускае, і чаму ён прымяняецца. Заяўнік захоўвае права падаць скаргу ва ўпаўнаважаны орган.</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Адмовіць</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>e.g. 99-Z art. 13(3): data needed for a court case</source>
        <translation>напрыклад, Закон 99-З, арт. 13(3): даныя патрэбныя для судовай справы</translation>
    </message>
    <message>
        <source>Request #%1 withdrawn</source>
        <translation>Запыт #%1 адкліканы</translation>
    </message>
    <message>
        <source>The requester withdrew the request.</source>
        <translation>Заяўнік адклікаў запыт.</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Як</translation>
    </message>
    <message>
        <source>e.g. phoned on 23 November</source>
        <translation>напрыклад, патэлефанаваў 23 лістапада</translation>
    </message>
    <message>
        <source>Comment on request #%1</source>
        <translation>Каментарый да запыту #%1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Дадаць</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Каментарый</translation>
    </message>
    <message>
        <source>&amp;More Actions</source>
        <translation>&amp;Іншыя дзеянні</translation>
    </message>
    <message>
        <source>Awaiting Approval</source>
        <translation>Чакае ўзгаднення</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыты</translation>
    </message>
    <message>
        <source>The next step (Ctrl+Enter)</source>
        <translation>Наступны крок (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>A second officer decides in Tools ▸ Pending Approvals</source>
        <translation>Рашэнне прымае другі спецыяліст: Інструменты ▸ Чакаюць узгаднення</translation>
    </message>
</context>
<context>
    <name>pd::RequestProgress</name>
    <message>
        <source>Identity</source>
        <translation>Асоба</translation>
    </message>
    <message>
        <source>Carry out</source>
        <translation>Выкананне</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Адказ</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завяршэнне</translation>
    </message>
</context>
<context>
    <name>pd::RequestRegister</name>
    <message>
        <source>there is no request #%1</source>
        <translation>няма запыту #%1</translation>
    </message>
    <message>
        <source>there is no document #%1</source>
        <translation>няма дакумента #%1</translation>
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
        <translation>Атрыманы (UTC)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Рэжым</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Суб&apos;ект</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Заяўнік</translation>
    </message>
    <message>
        <source>Requester&apos;s address and contacts</source>
        <translation>Адрас і кантакты заяўніка</translation>
    </message>
    <message>
        <source>Identification number</source>
        <translation>Ідэнтыфікацыйны нумар</translation>
    </message>
    <message>
        <source>Representative and authority</source>
        <translation>Прадстаўнік і дакумент аб паўнамоцтвах</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Што запытана</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Праверка асобы</translation>
    </message>
    <message>
        <source>Identity checked by</source>
        <translation>Асобу праверыў</translation>
    </message>
    <message>
        <source>Identity checked (UTC)</source>
        <translation>Асоба праверана (UTC)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Тэрмін</translation>
    </message>
    <message>
        <source>Extended to</source>
        <translation>Тэрмін падоўжаны да</translation>
    </message>
    <message>
        <source>Reason for the extension</source>
        <translation>Прычына падаўжэння</translation>
    </message>
    <message>
        <source>Requester told of the extension</source>
        <translation>Дата апавяшчэння заяўніка пра падаўжэнне</translation>
    </message>
    <message>
        <source>Pauses of the clock</source>
        <translation>Прыпыненні адліку тэрміну</translation>
    </message>
    <message>
        <source>Days paused</source>
        <translation>Дзён прыпынення</translation>
    </message>
    <message>
        <source>Information systems</source>
        <translation>Інфармацыйныя сістэмы</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Упаўнаважаныя асобы</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Выкананыя дзеянні</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Рашэнне</translation>
    </message>
    <message>
        <source>Legal ground of a refusal</source>
        <translation>Прававая падстава адмовы</translation>
    </message>
    <message>
        <source>Replied (UTC)</source>
        <translation>Адказ накіраваны (UTC)</translation>
    </message>
    <message>
        <source>Form of the reply</source>
        <translation>Форма адказу</translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation>Выкананы (UTC)</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>У тэрмін</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Выканаўца</translation>
    </message>
    <message>
        <source>paused %1</source>
        <translation>прыпынены %1</translation>
    </message>
    <message>
        <source>, resumed %1</source>
        <translation>, адноўлены %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запыты</translation>
    </message>
    <message>
        <source>%1 (erased)</source>
        <translation>%1 (выдалены)</translation>
    </message>
    <message>
        <source>(withheld: the subject&apos;s data was erased)</source>
        <translation>(не прыводзіцца: даныя суб&apos;екта выдалены)</translation>
    </message>
    <message>
        <source>paused since %1</source>
        <translation>прыпынены з %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>не</translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation>фарміраванне справаздачы скасавана</translation>
    </message>
    <message>
        <source>Per year and right</source>
        <translation>Па гадах і відах правоў</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Атрымана</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выканана</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Выканана ў тэрмін</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Адмоўлена</translation>
    </message>
    <message>
        <source>none completed</source>
        <translation>выкананых няма</translation>
    </message>
    <message>
        <source>Register of data-subject requests</source>
        <translation>Рэестр запытаў суб&apos;ектаў персанальных даных</translation>
    </message>
    <message>
        <source>Belarus Law 99-Z art. 14; GDPR arts. 12 to 22</source>
        <translation>Закон 99-З арт. 14; GDPR арт. 12–22</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Зводныя даныя</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Атрымана запытаў</translation>
    </message>
    <message>
        <source>%1 of %2 requests are listed; the CSV, XLSX or JSON register of the same period holds every one with all its fields.</source>
        <translation>Паказана запытаў: %1 з %2; рэестр у фармаце CSV, XLSX або JSON за той жа перыяд утрымлівае ўсе запыты з усімі палямі.</translation>
    </message>
    <message>
        <source>Every field of each request (requester, identity check, extension, pauses, systems, processors, action, decision and reply) is in the CSV, XLSX or JSON register.</source>
        <translation>Усе палі кожнага запыту (заяўнік, праверка асобы, падаўжэнне, прыпыненні, сістэмы, упаўнаважаныя асобы, дзеянні, рашэнне і адказ) змяшчаюцца ў рэестры ў фармаце CSV, XLSX або JSON.</translation>
    </message>
    <message>
        <source>No request was received in this period.</source>
        <translation>За гэты перыяд запыты не паступалі.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
</context>
<context>
    <name>pd::RequestService</name>
    <message>
        <source>there is no request #%1</source>
        <translation>няма запыту #%1</translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else (version %2, you saw version %3); nothing was saved: look at the request again and retry</source>
        <translation>запыт #%1 зменены іншым карыстальнікам (версія %2, вы бачылі версію %3); нічога не захавана: адкрыйце запыт зноў і паўтарыце дзеянне</translation>
    </message>
    <message>
        <source>request #%1 is %2: it changes no more</source>
        <translation>запыт #%1 у статусе «%2»: ён больш не змяняецца</translation>
    </message>
    <message>
        <source>request #%1 was changed by someone else meanwhile; nothing was saved</source>
        <translation>запыт #%1 тым часам зменены іншым карыстальнікам; нічога не захавана</translation>
    </message>
    <message>
        <source>subject: the register has no own controller to keep a new subject under</source>
        <translation>суб&apos;ект: у рэестры няма ўласнага аператара, за якім можна запісаць новага суб&apos;екта</translation>
    </message>
    <message>
        <source>requester name: required (surname, first name and patronymic where there is one)</source>
        <translation>імя заяўніка: абавязковае (прозвішча, імя і імя па бацьку, калі яно ёсць)</translation>
    </message>
    <message>
        <source>what is asked: required (the substance of the request)</source>
        <translation>сутнасць запыту: абавязковая (змест запыту)</translation>
    </message>
    <message>
        <source>received: %1 is in the future</source>
        <translation>дата атрымання: %1 — у будучыні</translation>
    </message>
    <message>
        <source>date of birth: not a date in the past</source>
        <translation>дата нараджэння: павінна быць датай у мінулым</translation>
    </message>
    <message>
        <source>channel: expected email, web-form, letter, phone or in-person, got &apos;%1&apos;</source>
        <translation>канал: чакаецца email, web-form, letter, phone або in-person, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>form of the answer: expected email, letter or in-person, got &apos;%1&apos;</source>
        <translation>форма адказу: чакаецца email, letter або in-person, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>language: expected en or ru, got &apos;%1&apos;</source>
        <translation>мова: чакаецца en або ru, атрымана &apos;%1&apos;</translation>
    </message>
    <message>
        <source>representative&apos;s document: required when a representative acts for the subject (power of attorney or other document of authority)</source>
        <translation>дакумент прадстаўніка: абавязковы, калі ад імя суб&apos;екта дзейнічае прадстаўнік (даверанасць або іншы дакумент аб паўнамоцтвах)</translation>
    </message>
    <message>
        <source>e-mail: required when the answer goes by e-mail</source>
        <translation>e-mail: абавязковы, калі адказ накіроўваецца па e-mail</translation>
    </message>
    <message>
        <source>address: required when the answer goes by letter</source>
        <translation>адрас: абавязковы, калі адказ накіроўваецца лістом</translation>
    </message>
    <message>
        <source>subject: either link an existing subject or create one, not both</source>
        <translation>суб&apos;ект: укажыце існуючага суб&apos;екта або стварыце новага, але не адначасова</translation>
    </message>
    <message>
        <source>subject: there is no subject #%1</source>
        <translation>суб&apos;ект: няма суб&apos;екта #%1</translation>
    </message>
    <message>
        <source>Request registered; an open request #%1 of the same subject and type exists (possible duplicate)</source>
        <translation>Запыт зарэгістраваны; ёсць адкрыты запыт #%1 таго ж суб&apos;екта і тыпу (магчымы дублікат)</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>Запыт зарэгістраваны</translation>
    </message>
    <message>
        <source>method: say how the identity was checked (e.g. ID card shown at the office)</source>
        <translation>спосаб: пазначце, як правяралася асоба (напрыклад, пасведчанне асобы прад&apos;яўлена ў офісе)</translation>
    </message>
    <message>
        <source>Identity confirmed: %1</source>
        <translation>Асоба пацверджана: %1</translation>
    </message>
    <message>
        <source>Identity not confirmed: %1</source>
        <translation>Асоба не пацверджана: %1</translation>
    </message>
    <message>
        <source>say what the requester was asked for</source>
        <translation>пазначце, што запытана ў заяўніка</translation>
    </message>
    <message>
        <source>since: %1 is in the future</source>
        <translation>дата пачатку: %1 — у будучыні</translation>
    </message>
    <message>
        <source>request #%1 awaits approval of its execution</source>
        <translation>запыт #%1 чакае ўзгаднення выканання</translation>
    </message>
    <message>
        <source>since: before the request was received</source>
        <translation>дата пачатку: раней за дату атрымання запыту</translation>
    </message>
    <message>
        <source>Requester asked: %1</source>
        <translation>Запытана ў заяўніка: %1</translation>
    </message>
    <message>
        <source>the clock already stands since %1</source>
        <translation>адлік тэрміну ўжо прыпынены з %1</translation>
    </message>
    <message>
        <source>the clock stands from %1 until the answer</source>
        <translation>адлік тэрміну прыпынены з %1 да атрымання адказу</translation>
    </message>
    <message>
        <source>the clock keeps running (%1 does not stop it)</source>
        <translation>адлік тэрміну працягваецца (%1 не прадугледжвае прыпынення)</translation>
    </message>
    <message>
        <source>on: %1 is in the future</source>
        <translation>дата: %1 — у будучыні</translation>
    </message>
    <message>
        <source>request #%1: the clock is not stopped</source>
        <translation>запыт #%1: адлік тэрміну не прыпынены</translation>
    </message>
    <message>
        <source>on: before the clock was stopped</source>
        <translation>дата: раней за прыпыненне адліку тэрміну</translation>
    </message>
    <message>
        <source>The requester answered; the clock runs again (%n day(s) paused, due %1)</source>
        <translation>Заяўнік адказаў; адлік тэрміну адноўлены (дзён прыпынення: %n, тэрмін — %1)</translation>
    </message>
    <message>
        <source>reason: required (the law allows an extension only with reasons given)</source>
        <translation>прычына: абавязковая (закон дапускае падаўжэнне толькі з указаннем прычын)</translation>
    </message>
    <message>
        <source>requester notified: the date the requester was told, not in the future</source>
        <translation>дата апавяшчэння заяўніка: дата, калі заяўніку паведамілі; не можа быць у будучыні</translation>
    </message>
    <message>
        <source>request #%1: %2 allows no extension for this request</source>
        <translation>запыт #%1: %2 не дапускае падаўжэння для гэтага запыту</translation>
    </message>
    <message>
        <source>request #%1 was already extended to %2</source>
        <translation>тэрмін па запыце #%1 ужо падоўжаны да %2</translation>
    </message>
    <message>
        <source>requester notified: before the request was received</source>
        <translation>дата апавяшчэння заяўніка: раней за дату атрымання запыту</translation>
    </message>
    <message>
        <source>requester notified: after the original deadline %1; the law requires the notice within the first period</source>
        <translation>дата апавяшчэння заяўніка: пазней за першапачатковы тэрмін %1; закон патрабуе апавясціць на працягу першага тэрміну</translation>
    </message>
    <message>
        <source>Deadline extended to %1 (requester told on %2): %3</source>
        <translation>Тэрмін падоўжаны да %1 (заяўніку паведамлена %2): %3</translation>
    </message>
    <message>
        <source>assignee: there is no operator #%1</source>
        <translation>выканаўца: няма карыстальніка #%1</translation>
    </message>
    <message>
        <source>assignee: %1 does not handle requests (only active officers and agents do)</source>
        <translation>выканаўца: %1 не апрацоўвае запыты (гэта робяць толькі актыўныя адказныя за абарону даных і супрацоўнікі падтрымкі)</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Прызначаны выканаўца: %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Выканаўца зняты</translation>
    </message>
    <message>
        <source>comment: empty</source>
        <translation>каментарый: пусты</translation>
    </message>
</context>
<context>
    <name>pd::RequestStats</name>
    <message>
        <source>the date to count from is not a valid date</source>
        <translation>дата пачатку падліку недапушчальная</translation>
    </message>
    <message>
        <source>the dashboard shows 1 to %1 weeks, not %2</source>
        <translation>агляд паказвае ад 1 да %1 тыдняў, а не %2</translation>
    </message>
</context>
<context>
    <name>pd::RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Запыты</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Новы запыт…</translation>
    </message>
    <message>
        <source>Register a request received by letter, e-mail, web form, phone or in person (%1)</source>
        <translation>Зарэгістраваць запыт, атрыманы лістом, па e-mail, праз вэб-форму, па тэлефоне або асабіста (%1)</translation>
    </message>
    <message>
        <source>Your role (%1) does not handle requests</source>
        <translation>Ваша роля (%1) не прадугледжвае апрацоўку запытаў</translation>
    </message>
    <message>
        <source>Requester&apos;s name or request number</source>
        <translation>Імя заяўніка або нумар запыту</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Адкрытыя</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Усе статусы</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Усе тыпы</translation>
    </message>
    <message>
        <source>All laws</source>
        <translation>Усе законы</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Любы тэрмін</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Пратэрмінаваныя</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Тэрмін на працягу 3 дзён</translation>
    </message>
    <message>
        <source>Due in 4–7 days</source>
        <translation>Тэрмін праз 4–7 дзён</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>Тэрмін пазней</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Прызначаныя мне</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ачысціць</translation>
    </message>
    <message>
        <source>received %1 – %2</source>
        <translation>атрыманыя %1 – %2</translation>
    </message>
    <message>
        <source>completed %1 – %2</source>
        <translation>выкананыя %1 – %2</translation>
    </message>
    <message>
        <source>Only requests %1</source>
        <translation>Толькі запыты, %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln запыт</numerusform>
            <numerusform>%Ln запыты</numerusform>
            <numerusform>%Ln запытаў</numerusform>
        </translation>
    </message>
    <message>
        <source>No request matches. Change the filter, or register a new request with New request.</source>
        <translation>Ніводзін запыт не адпавядае ўмовам. Змяніце фільтр або зарэгіструйце новы запыт кнопкай «Новы запыт».</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln пратэрмінаваны</numerusform>
            <numerusform>%Ln пратэрмінаваныя</numerusform>
            <numerusform>%Ln пратэрмінаваных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due within 3 days</source>
        <translation>
            <numerusform>%Ln з тэрмінам на працягу 3 дзён</numerusform>
            <numerusform>%Ln з тэрмінам на працягу 3 дзён</numerusform>
            <numerusform>%Ln з тэрмінам на працягу 3 дзён</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Падлік…</translation>
    </message>
</context>
<context>
    <name>pd::RestrictionService</name>
    <message>
        <source>the block must last until a future date</source>
        <translation>блакаванне павінна дзейнічаць да даты ў будучыні</translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation>суб&apos;ект #%1 не заблакаваны</translation>
    </message>
</context>
<context>
    <name>pd::Retention</name>
    <message>
        <source>the date of collection</source>
        <translation>дата збору</translation>
    </message>
    <message>
        <source>the subject&apos;s registration</source>
        <translation>рэгістрацыя суб&apos;екта</translation>
    </message>
    <message>
        <source>the end of the contract</source>
        <translation>заканчэнне дагавора</translation>
    </message>
    <message>
        <source>the answer to a request</source>
        <translation>адказ на запыт</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>наведванне</translation>
    </message>
    <message>
        <source>the withdrawal of consent</source>
        <translation>адкліканне згоды</translation>
    </message>
    <message>
        <source>an event the rule does not know (&apos;%1&apos;)</source>
        <translation>падзея, невядомая правілу («%1»)</translation>
    </message>
    <message>
        <source>a period (the rule has none)</source>
        <translation>тэрмін (у правіле ён не пазначаны)</translation>
    </message>
    <message>
        <source>the end of the backup cycle</source>
        <translation>заканчэнне цыкла рэзервовага капіравання</translation>
    </message>
    <message>
        <source>the period the law sets (record it in the register of purposes)</source>
        <translation>тэрмін, устаноўлены заканадаўствам (пазначце яго ў рэестры мэт апрацоўкі)</translation>
    </message>
</context>
<context>
    <name>pd::RetentionDialog</name>
    <message>
        <source>Retention Sweep</source>
        <translation>Ачыстка па тэрмінах захоўвання</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Retention rule</source>
        <translation>Тэрмін захоўвання</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Потым</translation>
    </message>
    <message>
        <source>Items held</source>
        <translation>Захоўваецца</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Тэрмін мінуў</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Утрымана</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Мінае за 30 дзён</translation>
    </message>
    <message>
        <source>&amp;Run Sweep…</source>
        <translation>&amp;Выканаць ачыстку…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>А&amp;бнавіць</translation>
    </message>
    <message>
        <source>Only an officer may run the retention sweep.</source>
        <translation>Выканаць ачыстку па тэрмінах захоўвання можа толькі адказны за абарону даных.</translation>
    </message>
    <message>
        <source>As of %1. Data past its retention period is deleted or anonymized as each purpose&apos;s rule says. Blocked data, data of a subject with an open request and data under a legal hold are held back.</source>
        <translation>Па стане на %1. Даныя з мінулым тэрмінам захоўвання выдаляюцца або абязасабляюцца, як патрабуе правіла кожнай мэты. Заблакіраваныя даныя, даныя суб&apos;екта з адкрытым запытам і даныя пад юрыдычным утрыманнем не закранаюцца.</translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Абязасобіць</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Выдаліць</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>захоўваюцца</translation>
    </message>
    <message>
        <source>No date can be computed yet: waiting for %1.</source>
        <translation>Дату пакуль нельга вылічыць: чакаецца %1.</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>заблакіравана: %1</translation>
    </message>
    <message>
        <source>%1 under an open request</source>
        <translation>па адкрытым запыце: %1</translation>
    </message>
    <message>
        <source>%1 under a legal hold</source>
        <translation>юрыдычнае ўтрыманне: %1</translation>
    </message>
    <message>
        <source>Erasures scheduled by withdrawals of consent, due now: %1</source>
        <translation>Выдаленні, запланаваныя пасля адклікання згод, тэрмін якіх настаў: %1</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>Сёння няма даных з мінулым тэрмінам.</translation>
    </message>
    <message numerus="yes">
        <source>Delete or anonymize the data whose retention period is over (%Ln item(s) and scheduled erasure(s))? A subject that keeps nothing else is deleted, or anonymized, as a whole. Held-back data stays. This cannot be undone.</source>
        <translation>
            <numerusform>Выдаліць або абязасобіць даныя з мінулым тэрмінам захоўвання (%Ln элемент або запланаванае выдаленне)? Суб&apos;ект, у якога не застанецца іншых даных, выдаляецца або абязасабляецца цалкам. Утрыманыя даныя застаюцца. Гэта незваротна.</numerusform>
            <numerusform>Выдаліць або абязасобіць даныя з мінулым тэрмінам захоўвання (%Ln элементы і запланаваныя выдаленні)? Суб&apos;ект, у якога не застанецца іншых даных, выдаляецца або абязасабляецца цалкам. Утрыманыя даныя застаюцца. Гэта незваротна.</numerusform>
            <numerusform>Выдаліць або абязасобіць даныя з мінулым тэрмінам захоўвання (%Ln элементаў і запланаваных выдаленняў)? Суб&apos;ект, у якога не застанецца іншых даных, выдаляецца або абязасабляецца цалкам. Утрыманыя даныя застаюцца. Гэта незваротна.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the Retention Sweep</source>
        <translation>Выканаць ачыстку па тэрмінах захоўвання</translation>
    </message>
    <message>
        <source>Deleting and anonymizing what is due…</source>
        <translation>Выдаленне і абязасабленне даных з мінулым тэрмінам…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was done: the sweep would change %Ln subject(s), more than one officer may change alone. Approval #%1 waits for a second officer (Tools &gt; Pending Approvals).</source>
        <translation>
            <numerusform>Нічога не зроблена: ачыстка закранула б %Ln суб&apos;екта — больш, чым адзін адказны можа змяніць сам. Узгадненне #%1 чакае другога адказнага (Інструменты &gt; Чакаюць узгаднення).</numerusform>
            <numerusform>Нічога не зроблена: ачыстка закранула б %Ln суб&apos;ектаў — больш, чым адзін адказны можа змяніць сам. Узгадненне #%1 чакае другога адказнага (Інструменты &gt; Чакаюць узгаднення).</numerusform>
            <numerusform>Нічога не зроблена: ачыстка закранула б %Ln суб&apos;ектаў — больш, чым адзін адказны можа змяніць сам. Узгадненне #%1 чакае другога адказнага (Інструменты &gt; Чакаюць узгаднення).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep done. Subjects deleted: %1, anonymized: %2. Subjects that keep other data: %3 (items deleted: %4, anonymized: %5). Scheduled erasures carried out: %6.</source>
        <translation>Ачыстка выканана. Суб&apos;ектаў выдалена: %1, абязасоблена: %2. Суб&apos;ектаў, у якіх засталіся іншыя даныя: %3 (элементаў выдалена: %4, абязасоблена: %5). Запланаваных выдаленняў выканана: %6.</translation>
    </message>
    <message>
        <source>Held back: %1.</source>
        <translation>Утрымана: %1.</translation>
    </message>
    <message>
        <source>Subjects changed by someone else meanwhile and left as they were: %1.</source>
        <translation>Суб&apos;ектаў, змененых за гэты час іншымі і пакінутых як ёсць: %1.</translation>
    </message>
    <message>
        <source>Cancelled: what was done stays done; run the sweep again to finish.</source>
        <translation>Скасавана: зробленае застаецца; запусціце ачыстку зноў, каб завяршыць.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, data category &apos;%2&apos; (kept for a period of its own)</source>
        <translation>%1, катэгорыя даных &apos;%2&apos; (са сваім тэрмінам захоўвання)</translation>
    </message>
    <message>
        <source>Copies of what was erased stay in the backups until %1.</source>
        <translation>Копіі выдаленага застаюцца ў рэзервовых копіях да %1.</translation>
    </message>
</context>
<context>
    <name>pd::RetentionRuleEdit</name>
    <message>
        <source>How long the data is kept</source>
        <translation>Як доўга захоўваюцца даныя</translation>
    </message>
    <message>
        <source>Length of the period</source>
        <translation>Працягласць тэрміну</translation>
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
        <translation>Адлічваецца ад</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>пасля %1</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Потым</translation>
    </message>
    <message>
        <source>then delete</source>
        <translation>потым выдаліць</translation>
    </message>
    <message>
        <source>then anonymize</source>
        <translation>потым абязасобіць</translation>
    </message>
</context>
<context>
    <name>pd::RetentionRun</name>
    <message>
        <source>the retention sweep runs as of today or an earlier day, not %1</source>
        <translation>ачыстка па тэрмінах захоўвання выконваецца на сёння або больш ранні дзень, не на %1</translation>
    </message>
</context>
<context>
    <name>pd::Ropa</name>
    <message>
        <source>yes: %1</source>
        <translation>так: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>не</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>не ацэньвалася</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>не патрабуецца</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>патрабуецца</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>праводзіцца</translation>
    </message>
    <message>
        <source>done</source>
        <translation>праведзена</translation>
    </message>
    <message>
        <source>the register has no own controller</source>
        <translation>у рэестры няма ўласнага аператара</translation>
    </message>
    <message>
        <source>no controller with the code &apos;%1&apos;</source>
        <translation>няма аператара з кодам «%1»</translation>
    </message>
    <message>
        <source>Purpose of processing</source>
        <translation>Мэта апрацоўкі</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Апісанне</translation>
    </message>
    <message>
        <source>Lawful basis (art. 6)</source>
        <translation>Прававая падстава (арт. 6)</translation>
    </message>
    <message>
        <source>Special category data (art. 9 condition)</source>
        <translation>Спецыяльныя персанальныя даныя (умова арт. 9)</translation>
    </message>
    <message>
        <source>Joint controller</source>
        <translation>Сумесны аператар</translation>
    </message>
    <message>
        <source>Categories of individuals</source>
        <translation>Катэгорыі суб&apos;ектаў</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Катэгорыі персанальных даных</translation>
    </message>
    <message>
        <source>Source of the data</source>
        <translation>Крыніца даных</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Атрымальнікі</translation>
    </message>
    <message>
        <source>Contracts with processors</source>
        <translation>Дагаворы з упаўнаважанымі асобамі</translation>
    </message>
    <message>
        <source>Third countries and safeguards</source>
        <translation>Трансгранічная перадача і гарантыі</translation>
    </message>
    <message>
        <source>Retention schedule</source>
        <translation>Тэрміны захоўвання</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>Меры абароны</translation>
    </message>
    <message>
        <source>Automated decision-making</source>
        <translation>Аўтаматызаванае прыняцце рашэнняў</translation>
    </message>
    <message>
        <source>Information system and location of the data</source>
        <translation>Інфармацыйная сістэма і месца захоўвання даных</translation>
    </message>
    <message>
        <source>DPIA</source>
        <translation>Ацэнка ўздзеяння (DPIA)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Processing carried out for the controller</source>
        <translation>Апрацоўка па даручэнні аператара</translation>
    </message>
    <message>
        <source>Controller and its contacts</source>
        <translation>Аператар і яго кантакты</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Дагавор</translation>
    </message>
    <message>
        <source>Categories of processing</source>
        <translation>Дзеянні з данымі</translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation>Прыцягнутыя ўпаўнаважаныя асобы</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>дзейнічае</translation>
    </message>
    <message>
        <source>retired on %1</source>
        <translation>выведзена з выкарыстання %1</translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation>Рэестр аперацый па апрацоўцы персанальных даных</translation>
    </message>
    <message>
        <source>Record of processing activities as a processor</source>
        <translation>Рэестр апрацоўкі персанальных даных па даручэнні</translation>
    </message>
    <message>
        <source>GDPR art. 30(1); Belarus Decree 422 sub. 3.5: %1</source>
        <translation>GDPR, арт. 30(1); Указ № 422, падп. 3.5: %1</translation>
    </message>
    <message>
        <source>GDPR art. 30(2): processing on behalf of %1</source>
        <translation>GDPR, арт. 30(2): апрацоўка па даручэнні %1</translation>
    </message>
    <message>
        <source>No processing activities</source>
        <translation>Аперацый па апрацоўцы няма</translation>
    </message>
    <message>
        <source>The register holds no purpose of this controller.</source>
        <translation>У рэестры няма мэтаў апрацоўкі гэтага аператара.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Адказны за абарону даных</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Рэестр апрацоўкі</translation>
    </message>
    <message>
        <source>Processor record</source>
        <translation>Апрацоўка па даручэнні</translation>
    </message>
</context>
<context>
    <name>pd::Settings</name>
    <message>
        <source>setting %1: expected %2 to %3, got %4</source>
        <translation>параметр %1: чакаецца значэнне ад %2 да %3, атрымана %4</translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>Settings — Privacy Desk</source>
        <translation>Налады — Privacy Desk</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Раздзелы налад</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Аператары</translation>
    </message>
    <message>
        <source>Sign-in and approvals</source>
        <translation>Уваход і ўзгадненні</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Бланк</translation>
    </message>
    <message>
        <source>Working-day calendars</source>
        <translation>Календары працоўных дзён</translation>
    </message>
    <message>
        <source>Reply letters</source>
        <translation>Лісты-адказы</translation>
    </message>
    <message>
        <source>From %1 to %2; %3 when never set.</source>
        <translation>Ад %1 да %2; %3, калі не зададзена.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Уваход</translation>
    </message>
    <message>
        <source>Every workstation locks its window after that long without input; only the signed-in operator&apos;s password opens it again.</source>
        <translation>Кожнае працоўнае месца блакуе акно пасля такога прастою; адкрыць яго зноў можна толькі паролем аператара, які ўвайшоў.</translation>
    </message>
    <message>
        <source>Four-eyes approvals</source>
        <translation>Правіла двух супрацоўнікаў</translation>
    </message>
    <message>
        <source>Every deletion needs a second officer, whatever its size</source>
        <translation>Любое выдаленне патрабуе другога супрацоўніка, незалежна ад аб&apos;ёму</translation>
    </message>
    <message>
        <source>Anonymizing or deleting more subjects than this at once, or one operator&apos;s anonymizations and deletions adding up to more within the period, waits for a second privacy officer.</source>
        <translation>Абязлічванне або выдаленне большай колькасці суб&apos;ектаў за раз, а таксама абязлічванні і выдаленні аднаго аператара, якія ў суме перавысілі гэтую колькасць за перыяд, чакаюць згоды другога супрацоўніка па абароне даных.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Рэзервовыя копіі</translation>
    </message>
    <message>
        <source>What is erased from the database stays in backups until they expire; the retention run records when that will be.</source>
        <translation>Сцёртае з базы даных застаецца ў рэзервовых копіях да заканчэння іх тэрміну; праход па тэрмінах захоўвання запісвае, калі гэта адбудзецца.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Захаваць</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Вярнуць</translation>
    </message>
    <message>
        <source>Administrators change these settings; your role (%1) can read them.</source>
        <translation>Гэтыя налады змяняюць адміністратары; ваша роля (%1) можа іх толькі чытаць.</translation>
    </message>
    <message>
        <source>&amp;Controller:</source>
        <translation>Аператар &amp;даных:</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрас:</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>&amp;Кантакт:</translation>
    </message>
    <message>
        <source>&amp;Data protection officer:</source>
        <translation>Адказны за а&amp;барону даных:</translation>
    </message>
    <message>
        <source>e.g. dpo@example.org, +375 17 000-00-00</source>
        <translation>напрыклад, dpo@example.org, +375 17 000-00-00</translation>
    </message>
    <message>
        <source>At the head of every report and reply letter. These are the office&apos;s own controller in the register of processing; officers edit its other fields on the Purposes page.</source>
        <translation>У шапцы кожнай справаздачы і ліста-адказу. Гэта ўласны аператар даных арганізацыі ў рэестры апрацоўкі; астатнія яго палі супрацоўнікі па абароне даных змяняюць на старонцы «Мэты апрацоўкі».</translation>
    </message>
    <message>
        <source>Administrators and privacy officers change the letterhead; your role (%1) can read it.</source>
        <translation>Бланк змяняюць адміністратары і супрацоўнікі па абароне даных; ваша роля (%1) можа яго толькі чытаць.</translation>
    </message>
    <message>
        <source>The settings were saved. They apply on every workstation of this database.</source>
        <translation>Налады захаваны. Яны дзейнічаюць на ўсіх працоўных месцах гэтай базы даных.</translation>
    </message>
    <message>
        <source>The letterhead was saved; the next report and letter carry it.</source>
        <translation>Бланк захаваны; наступныя справаздача і ліст выйдуць з ім.</translation>
    </message>
    <message>
        <source>Unsaved Settings</source>
        <translation>Незахаваныя налады</translation>
    </message>
    <message>
        <source>Discard the settings you changed but did not save?</source>
        <translation>Адмяніць змененыя, але не захаваныя налады?</translation>
    </message>
    <message>
        <source>Lock an idle window after (minutes):</source>
        <translation>Блакаваць акно без дзеянняў праз (хвілін):</translation>
    </message>
    <message>
        <source>Wrong passwords that lock an account:</source>
        <translation>Няправільных пароляў да блакавання:</translation>
    </message>
    <message>
        <source>Keep it locked for (minutes):</source>
        <translation>Тэрмін блакавання (хвілін):</translation>
    </message>
    <message>
        <source>A second officer approves more subjects than:</source>
        <translation>Другі супрацоўнік узгадняе, калі суб&apos;ектаў больш:</translation>
    </message>
    <message>
        <source>Counted together over (minutes):</source>
        <translation>Сумуюцца за (хвілін):</translation>
    </message>
    <message>
        <source>Backups are kept for (days):</source>
        <translation>Рэзервовыя копіі захоўваюцца (дзён):</translation>
    </message>
</context>
<context>
    <name>pd::SheetFile</name>
    <message>
        <source>no temporary folder for the workbook: %1</source>
        <translation>няма часовай папкі для кнігі: %1</translation>
    </message>
    <message>
        <source>the workbook could not be started</source>
        <translation>не ўдалося пачаць кнігу</translation>
    </message>
    <message>
        <source>the workbook could not be written: %1</source>
        <translation>не ўдалося запісаць кнігу: %1</translation>
    </message>
    <message>
        <source>the workbook could not be read back: %1</source>
        <translation>не ўдалося прачытаць запісаную кнігу: %1</translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>Sign in — Privacy Desk</source>
        <translation>Уваход — Privacy Desk</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Імя карыстальніка</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Карыстальнік:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Увайсці</translation>
    </message>
    <message>
        <source>Enter your operator name.</source>
        <translation>Увядзіце імя карыстальніка.</translation>
    </message>
    <message>
        <source>Sign in to %1 with your operator name and password.</source>
        <translation>Увайдзіце ў %1 са сваім імем аператара і паролем.</translation>
    </message>
</context>
<context>
    <name>pd::SubjectAccess</name>
    <message>
        <source>the controller at the address above</source>
        <translation>аператар па адрасе, пазначаным вышэй</translation>
    </message>
    <message>
        <source>You may ask for access to your data and a copy of it, have it corrected or completed, have it erased or its processing restricted, object to processing, withdraw a consent at any time without affecting what was done before, and receive the data you provided in a machine-readable form to pass it to another controller.</source>
        <translation>Вы маеце права запытаць доступ да сваіх даных і іх копію, патрабаваць іх выпраўлення або дапаўнення, выдалення або абмежавання апрацоўкі, пярэчыць супраць апрацоўкі, у любы момант адклікаць згоду (гэта не ўплывае на ўжо выкананую апрацоўку), а таксама атрымаць прадастаўленыя вамі даныя ў машыначытальным выглядзе для перадачы іншаму аператару.</translation>
    </message>
    <message>
        <source>To exercise a right, write to %1 stating your name, address, date of birth or identification number and what you ask for; we answer within the time the law sets (15 days under Belarus Law 99-Z, one month under the GDPR) and tell you if we need longer.</source>
        <translation>Каб скарыстацца правам, накіруйце пісьмовы запыт (кантакт: %1), пазначыўшы імя, адрас, дату нараджэння або ідэнтыфікацыйны нумар і сутнасць патрабавання; мы адкажам у тэрмін, устаноўлены законам (15 дзён паводле Закона Рэспублікі Беларусь № 99-З, адзін месяц паводле GDPR), і паведамім, калі спатрэбіцца больш часу.</translation>
    </message>
    <message>
        <source>You may complain to the data protection authority: in Belarus the National Personal Data Protection Centre, in the EU the supervisory authority of your country.</source>
        <translation>Вы маеце права падаць скаргу ў орган па абароне персанальных даных: у Беларусі — у Нацыянальны цэнтр абароны персанальных даных, у ЕС — у наглядны орган вашай краіны.</translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them; request #%2 is not</source>
        <translation>%1 (супрацоўнік падтрымкі) можа выгружаць даныя суб&apos;екта толькі па прызначаным яму запыце; запыт #%2 яму не прызначаны</translation>
    </message>
    <message>
        <source>request: #%1 names no subject held here</source>
        <translation>request: у запыце #%1 не пазначаны суб&apos;ект, даныя якога тут захоўваюцца</translation>
    </message>
    <message>
        <source>subject: request #%1 is about subject #%2, not #%3</source>
        <translation>subject: запыт #%1 датычыцца суб&apos;екта #%2, а не #%3</translation>
    </message>
    <message>
        <source>%1 (agent) may export a subject&apos;s data only for a request assigned to them: name the request</source>
        <translation>%1 (супрацоўнік падтрымкі) можа выгружаць даныя суб&apos;екта толькі па прызначаным яму запыце: пазначце запыт</translation>
    </message>
    <message>
        <source>subject: name the subject or the request</source>
        <translation>subject: пазначце суб&apos;ект або запыт</translation>
    </message>
    <message>
        <source>Your personal data held by us</source>
        <translation>Вашы персанальныя даныя, якія захоўваюцца ў нас</translation>
    </message>
    <message>
        <source>Subject S-%1: %2</source>
        <translation>Суб&apos;ект S-%1: %2</translation>
    </message>
    <message>
        <source>Who you are to us</source>
        <translation>Звесткі пра вас</translation>
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
        <source>Controller</source>
        <translation>Аператар</translation>
    </message>
    <message>
        <source>Recorded since</source>
        <translation>Ва ўліку з</translation>
    </message>
    <message>
        <source>Processing restricted</source>
        <translation>Апрацоўка абмежавана</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Даныя</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Катэгорыя</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значэнне</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Крыніца</translation>
    </message>
    <message>
        <source>Collected (UTC)</source>
        <translation>Дата збору (UTC)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>(kept secret: a key or token)</source>
        <translation>(схавана: ключ або токен)</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>заблакавана: %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>дзейнічае</translation>
    </message>
    <message>
        <source>Your data, by category and purpose</source>
        <translation>Вашы даныя па катэгорыях і мэтах</translation>
    </message>
    <message>
        <source>We hold no data about you besides the facts above.</source>
        <translation>Акрамя прыведзеных вышэй звестак, мы не захоўваем пра вас ніякіх даных.</translation>
    </message>
    <message>
        <source>Why we process it, who receives it, how long we keep it</source>
        <translation>Навошта мы іх апрацоўваем, хто іх атрымлівае, колькі мы іх захоўваем</translation>
    </message>
    <message>
        <source>%1 in %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Атрымальнікі</translation>
    </message>
    <message>
        <source>Transfers abroad</source>
        <translation>Трансгранічная перадача</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Тэрмін захоўвання</translation>
    </message>
    <message>
        <source>No processing purpose holds data about you.</source>
        <translation>Ні для адной мэты апрацоўкі вашы даныя не захоўваюцца.</translation>
    </message>
    <message>
        <source>Your consents</source>
        <translation>Вашы згоды</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Версія палітыкі</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Дадзена</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Адклікана</translation>
    </message>
    <message>
        <source>No consent is recorded.</source>
        <translation>Запісаных згод няма.</translation>
    </message>
    <message>
        <source>To whom your data was disclosed</source>
        <translation>Каму прадастаўляліся вашы даныя</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Атрымальнік</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Краіна</translation>
    </message>
    <message>
        <source>Your data was not disclosed to anyone outside us.</source>
        <translation>Вашы даныя не прадастаўляліся нікому за межамі нашай арганізацыі.</translation>
    </message>
    <message>
        <source>Your rights and how to exercise them</source>
        <translation>Вашы правы і парадак іх рэалізацыі</translation>
    </message>
</context>
<context>
    <name>pd::SubjectChanges</name>
    <message>
        <source>a reason is required</source>
        <translation>неабходна пазначыць прычыну</translation>
    </message>
    <message>
        <source>there is no subject #%1</source>
        <translation>няма суб&apos;екта #%1</translation>
    </message>
    <message>
        <source>subject #%1 was changed by someone else at %2 (version %3, you edited version %4); nothing was saved: look at the newer values and try again</source>
        <translation>суб&apos;ект #%1 зменены іншым карыстальнікам у %2 (версія %3, вы рэдагавалі версію %4); нічога не захавана: праверце новыя значэнні і паспрабуйце зноў</translation>
    </message>
    <message>
        <source>subject #%1 is anonymized: nothing of it can change</source>
        <translation>суб&apos;ект #%1 абязасоблены: яго даныя змяніць нельга</translation>
    </message>
    <message>
        <source>subject #%1 is blocked: its data is read-only until the block is lifted</source>
        <translation>суб&apos;ект #%1 заблакаваны: яго даныя даступныя толькі для чытання, пакуль блакаванне не знята</translation>
    </message>
    <message>
        <source>subject #%1 is not blocked</source>
        <translation>суб&apos;ект #%1 не заблакаваны</translation>
    </message>
    <message>
        <source>subject #%1 has no active item #%2</source>
        <translation>у суб&apos;екта #%1 няма актыўнага элемента даных #%2</translation>
    </message>
    <message>
        <source>cannot prepare the anonymization in SQLite</source>
        <translation>не ўдалося падрыхтаваць абязлічванне ў SQLite</translation>
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
        <translation>Значэнне</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Крыніца</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Дата збору</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персанальныя даныя</translation>
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
        <translation>Мэта апрацоўкі не пазначана</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>схавана</translation>
    </message>
    <message>
        <source>Secret values (tokens, keys) are never shown.</source>
        <translation>Сакрэтныя значэнні (токены, ключы) ніколі не паказваюцца.</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблакаваны</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Заблакавана: %1</translation>
    </message>
</context>
<context>
    <name>pd::SubjectDetailsReader</name>
    <message>
        <source>there is no subject #%1</source>
        <translation>няма суб&apos;екта #%1</translation>
    </message>
</context>
<context>
    <name>pd::SubjectFilterBar</name>
    <message>
        <source>Search by name, e-mail, phone, external id or IP address</source>
        <translation>Пошук па імені, e-mail, тэлефоне, знешнім ID або IP-адрасе</translation>
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
        <source>Show subjects processed for purpose</source>
        <translation>Паказаць суб&apos;ектаў, даныя якіх апрацоўваюцца для мэты</translation>
    </message>
    <message>
        <source>Show subjects of controller</source>
        <translation>Паказаць суб&apos;ектаў аператара</translation>
    </message>
    <message>
        <source>Show subjects with data of category</source>
        <translation>Паказаць суб&apos;ектаў з данымі катэгорыі</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усе катэгорыі</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Ачысціць фільтры</translation>
    </message>
    <message>
        <source>Show every subject again</source>
        <translation>Зноў паказаць усіх суб&apos;ектаў</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Стан:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мэта:</translation>
    </message>
    <message>
        <source>C&amp;ontroller:</source>
        <translation>&amp;Аператар:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Катэгорыя:</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Усе мэты</translation>
    </message>
    <message>
        <source>All controllers</source>
        <translation>Усе аператары</translation>
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
    <message>
        <source>IP address</source>
        <translation>IP-адрас</translation>
    </message>
</context>
<context>
    <name>pd::SubjectLookup</name>
    <message>
        <source>anonymized</source>
        <translation>абязлічаны</translation>
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
        <translation>Суб&apos;екты</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Назад да спісу (Esc)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Абнавіць</translation>
    </message>
    <message>
        <source>Read the subject again (F5)</source>
        <translation>Зноў загрузіць даныя суб&apos;екта (F5)</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>Вы&amp;правіць…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Заблакаваць…</translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation>&amp;Разблакаваць…</translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation>&amp;Абязасобіць…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Выдаліць…</translation>
    </message>
    <message>
        <source>Subject #%1</source>
        <translation>Суб&apos;ект #%1</translation>
    </message>
    <message>
        <source>The subject could not be opened: %1</source>
        <translation>Не ўдалося адкрыць суб&apos;екта: %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>External id: %1</source>
        <translation>Знешні ID: %1</translation>
    </message>
    <message>
        <source>Controller: %1</source>
        <translation>Аператар: %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версія %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Створаны %1</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Зменены %1</translation>
    </message>
    <message>
        <source>Blocked: %1. The data is read-only until the block is lifted.</source>
        <translation>Заблакаваны: %1. Даныя даступныя толькі для чытання, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>Blocked until %1: %2. The data is read-only until the block is lifted.</source>
        <translation>Заблакаваны да %1: %2. Даныя даступныя толькі для чытання, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>Anonymized: nothing of this subject identifies anyone any more, and nothing can change.</source>
        <translation>Абязасоблены: даныя гэтага суб&apos;екта больш не дазваляюць нікога ідэнтыфікаваць і не могуць быць зменены.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) blocked; they are read-only until the block is lifted.</source>
        <translation>
            <numerusform>Заблакаваны %Ln элемент даных; ён даступны толькі для чытання, пакуль блакаванне не знята.</numerusform>
            <numerusform>Заблакаваны %Ln элементы даных; яны даступныя толькі для чытання, пакуль блакаванне не знята.</numerusform>
            <numerusform>Заблакавана %Ln элементаў даных; яны даступныя толькі для чытання, пакуль блакаванне не знята.</numerusform>
        </translation>
    </message>
    <message>
        <source>No subject is open.</source>
        <translation>Суб&apos;ект не адкрыты.</translation>
    </message>
    <message>
        <source>The subject is anonymized: nothing of it can change.</source>
        <translation>Суб&apos;ект абязасоблены: яго даныя змяніць нельга.</translation>
    </message>
    <message>
        <source>The subject is blocked: its data is read-only until the block is lifted.</source>
        <translation>Суб&apos;ект заблакаваны: яго даныя даступныя толькі для чытання, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>Select the item to correct in the list.</source>
        <translation>Выберыце ў спісе элемент, які трэба выправіць.</translation>
    </message>
    <message>
        <source>This item is blocked: it is read-only until the block is lifted.</source>
        <translation>Гэты элемент заблакаваны: ён даступны толькі для чытання, пакуль блакаванне не знята.</translation>
    </message>
    <message>
        <source>Secret values are never shown, so they are not corrected here.</source>
        <translation>Сакрэтныя значэнні ніколі не паказваюцца, таму тут яны не выпраўляюцца.</translation>
    </message>
    <message>
        <source>The subject is already blocked.</source>
        <translation>Суб&apos;ект ужо заблакаваны.</translation>
    </message>
    <message>
        <source>Nothing of this subject is blocked.</source>
        <translation>У гэтага суб&apos;екта нічога не заблакавана.</translation>
    </message>
    <message>
        <source>Correct the selected value (F2)</source>
        <translation>Выправіць выбранае значэнне (F2)</translation>
    </message>
    <message>
        <source>Restrict processing (Ctrl+B)</source>
        <translation>Абмежаваць апрацоўку (Ctrl+B)</translation>
    </message>
    <message>
        <source>Lift the block (Ctrl+Shift+B)</source>
        <translation>Зняць блакаванне (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Remove what identifies the subject (Ctrl+Alt+A)</source>
        <translation>Выдаліць усё, што ідэнтыфікуе суб&apos;екта (Ctrl+Alt+A)</translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data (Del)</source>
        <translation>Знішчыць даныя суб&apos;екта (Del)</translation>
    </message>
    <message>
        <source>Someone else changed this subject while you were working on it, so nothing was saved. The page now shows the newer values; what you entered is still in the dialog.</source>
        <translation>Пакуль вы працавалі з гэтым суб&apos;ектам, яго змяніў іншы карыстальнік, таму нічога не захавана. Цяпер на старонцы паказаны новыя значэнні; уведзенае вамі засталося ў дыялогу.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Выдаленне: %1</translation>
    </message>
    <message>
        <source>Anonymize %1</source>
        <translation>Абязасабленне: %1</translation>
    </message>
    <message>
        <source>Nothing was changed yet: this waits for a second officer (approval #%1).</source>
        <translation>Пакуль нічога не зменена: дзеянне чакае другога адказнага (узгадненне #%1).</translation>
    </message>
</context>
<context>
    <name>pd::SubjectRecordTabs</name>
    <message>
        <source>Purpose</source>
        <translation>Мэта</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Версія палітыкі</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Дадзена</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Адклікана</translation>
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
        <translation>Тып</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Рэжым</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Атрыманы</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Тэрмін</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Атрымальнік</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Краіна</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Катэгорыі</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Прававая падстава</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>Прадастаўлена</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Карыстальнік</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дзеянне</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Палі</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запыт</translation>
    </message>
    <message>
        <source>No consent is recorded for this subject.</source>
        <translation>Для гэтага суб&apos;екта не запісана ніводнай згоды.</translation>
    </message>
    <message>
        <source>This subject has made no requests.</source>
        <translation>Гэты суб&apos;ект не падаваў запытаў.</translation>
    </message>
    <message>
        <source>Nothing of this subject was disclosed to third parties.</source>
        <translation>Даныя гэтага суб&apos;екта не прадастаўляліся трэцім асобам.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>усе</translation>
    </message>
    <message>
        <source>Nothing is recorded about this subject yet.</source>
        <translation>Пра гэтага суб&apos;екта пакуль нічога не запісана.</translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation>Згоды (%1)</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Запыты (%1)</translation>
    </message>
    <message>
        <source>Disclosures (%1)</source>
        <translation>Прадастаўленні (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Гісторыя (%1)</translation>
    </message>
</context>
<context>
    <name>pd::SubjectsPage</name>
    <message>
        <source>Anonymized</source>
        <translation>Абязасоблены</translation>
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
        <source>Your role does not include viewing personal data.</source>
        <translation>Ваша роля не прадугледжвае прагляд персанальных даных.</translation>
    </message>
    <message>
        <source>Subjects are shown to officers, agents and auditors. Administrators manage operators and settings and read the audit trail.</source>
        <translation>Суб&apos;екты даступныя адказным за абарону даных, супрацоўнікам падтрымкі і аўдытарам. Адміністратары кіруюць карыстальнікамі і наладамі і чытаюць журнал аўдыту.</translation>
    </message>
    <message>
        <source>All matching the &amp;filter</source>
        <translation>Усе, што адпавядаюць &amp;фільтру</translation>
    </message>
    <message>
        <source>Apply Block, Anonymize and Delete to every subject the search and filters find, not only the selected rows</source>
        <translation>Ужываць блакаванне, абязасабленне і выдаленне да ўсіх суб&apos;ектаў, знойдзеных пошукам і фільтрамі, а не толькі да выбраных радкоў</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Адкрыць</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>Вы&amp;правіць…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Заблакаваць…</translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation>&amp;Разблакаваць…</translation>
    </message>
    <message>
        <source>A&amp;nonymize…</source>
        <translation>Абязас&amp;обіць…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Выдаліць…</translation>
    </message>
    <message>
        <source>Back to the &amp;List</source>
        <translation>&amp;Назад да спісу</translation>
    </message>
    <message>
        <source>No subject is selected.</source>
        <translation>Суб&apos;ект не выбраны.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subject(s) matching</source>
        <translation>
            <numerusform>Знойдзены %Ln суб&apos;ект</numerusform>
            <numerusform>Знойдзены %Ln суб&apos;екты</numerusform>
            <numerusform>Знойдзена %Ln суб&apos;ектаў</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>Выбраны %Ln</numerusform>
            <numerusform>Выбраны %Ln</numerusform>
            <numerusform>Выбрана %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a subject first.</source>
        <translation>Спачатку адкрыйце суб&apos;екта.</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>Зараз недаступна.</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Назад да спісу</translation>
    </message>
    <message>
        <source>Select a subject.</source>
        <translation>Выберыце суб&apos;екта.</translation>
    </message>
    <message>
        <source>Show everything about the selected subject (Enter)</source>
        <translation>Паказаць усе звесткі пра выбранага суб&apos;екта (Enter)</translation>
    </message>
    <message>
        <source>The list is shown.</source>
        <translation>Спіс ужо паказаны.</translation>
    </message>
    <message>
        <source>Correct the selected value</source>
        <translation>Выправіць выбранае значэнне</translation>
    </message>
    <message>
        <source>Restrict the processing of the subjects</source>
        <translation>Абмежаваць апрацоўку даных суб&apos;ектаў</translation>
    </message>
    <message>
        <source>Lift the block</source>
        <translation>Зняць блакаванне</translation>
    </message>
    <message>
        <source>Remove what identifies the subjects; cannot be undone</source>
        <translation>Выдаліць усё, што ідэнтыфікуе суб&apos;ектаў; адмяніць нельга</translation>
    </message>
    <message>
        <source>Destroy the subjects&apos; data; cannot be undone</source>
        <translation>Знішчыць даныя суб&apos;ектаў; адмяніць нельга</translation>
    </message>
    <message>
        <source>Wait until the action in progress ends.</source>
        <translation>Дачакайцеся завяршэння бягучага дзеяння.</translation>
    </message>
    <message>
        <source>No subject matches the filter.</source>
        <translation>Ніводзін суб&apos;ект не адпавядае фільтру.</translation>
    </message>
    <message>
        <source>Select subjects in the list first.</source>
        <translation>Спачатку выберыце суб&apos;ектаў у спісе.</translation>
    </message>
    <message>
        <source>Check the spelling, search by the beginning of a name, e-mail, phone number, external id or IP address, or clear the filters.</source>
        <translation>Праверце напісанне, шукайце па пачатку імя, e-mail, нумара тэлефона, знешняга ID або IP-адраса ці ачысціце фільтры.</translation>
    </message>
    <message>
        <source>Counting what will change…</source>
        <translation>Падлік таго, што зменіцца…</translation>
    </message>
</context>
<context>
    <name>pd::UiLanguage</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>System Language (%1)</source>
        <translation>Мова сістэмы (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Privacy Desk will speak %1 from the next start.</source>
        <translation>Privacy Desk пераключыцца на мову «%1» пры наступным запуску.</translation>
    </message>
</context>
<context>
    <name>pd::UnblockDialog</name>
    <message>
        <source>Lift the block of %1</source>
        <translation>Зняцце блакавання: %1</translation>
    </message>
    <message>
        <source>required, e.g. accuracy verified</source>
        <translation>абавязкова, напрыклад дакладнасць даных пацверджана</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Прычына</translation>
    </message>
    <message>
        <source>The subject was &amp;told before the block is lifted (GDPR art. 18(3))</source>
        <translation>Суб&apos;ект &amp;апавешчаны да зняцця блакавання (арт. 18(3) GDPR)</translation>
    </message>
    <message>
        <source>e.g. e-mail of 3 March, phone call today</source>
        <translation>напрыклад ліст ад 3 сакавіка, званок сёння</translation>
    </message>
    <message>
        <source>How and when the subject was told</source>
        <translation>Як і калі суб&apos;ект быў апавешчаны</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Прычына:</translation>
    </message>
    <message>
        <source>&amp;How and when:</source>
        <translation>&amp;Як і калі:</translation>
    </message>
    <message>
        <source>Re&amp;quest #:</source>
        <translation>За&amp;пыт #:</translation>
    </message>
    <message>
        <source>&amp;Lift block</source>
        <translation>&amp;Зняць блакаванне</translation>
    </message>
    <message>
        <source>Give a reason for lifting the block.</source>
        <translation>Пазначце прычыну зняцця блакавання.</translation>
    </message>
    <message>
        <source>The subject must be told before the block is lifted: tick the box once they were.</source>
        <translation>Суб&apos;ект павінен быць апавешчаны да зняцця блакавання: адзначце сцяжок, калі гэта зроблена.</translation>
    </message>
</context>
<context>
    <name>pd::Versions</name>
    <message>
        <source>not installed</source>
        <translation>не ўсталяваны</translation>
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
    <message>
        <source>a value that must be unique is already stored</source>
        <translation>значэнне, якое павінна быць унікальным, ужо захавана</translation>
    </message>
    <message>
        <source>a reference to a row that does not exist, or a row others refer to</source>
        <translation>спасылка на неіснуючы радок або радок, на які спасылаюцца іншыя</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>адсутнічае абавязковае значэнне</translation>
    </message>
    <message>
        <source>a value the database does not accept</source>
        <translation>значэнне, якое база даных не прымае</translation>
    </message>
    <message>
        <source>a value of the wrong form</source>
        <translation>значэнне няправільнага выгляду</translation>
    </message>
    <message>
        <source>another workstation changed the same data at the same time; try again</source>
        <translation>іншае працоўнае месца адначасова змяніла тыя ж даныя; паспрабуйце яшчэ раз</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>злучэнне з серверам страчана</translation>
    </message>
    <message>
        <source>the server is out of resources (disk, memory or connections)</source>
        <translation>у сервера скончыліся рэсурсы (дыск, памяць або злучэнні)</translation>
    </message>
    <message>
        <source>the database user may not do this</source>
        <translation>карыстальніку базы даных гэта не дазволена</translation>
    </message>
    <message>
        <source>the statement was cancelled</source>
        <translation>запыт адменены</translation>
    </message>
    <message>
        <source>the database refused the statement</source>
        <translation>база даных адхіліла запыт</translation>
    </message>
    <message>
        <source>constraint %1</source>
        <translation>абмежаванне %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>слупок %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>табліца %1</translation>
    </message>
    <message>
        <source>reading the purpose</source>
        <translation>чытанне мэты</translation>
    </message>
    <message>
        <source>reading the recipients</source>
        <translation>чытанне атрымальнікаў</translation>
    </message>
    <message>
        <source>reading the register of purposes</source>
        <translation>чытанне рэестра мэт</translation>
    </message>
    <message>
        <source>reading the policy version</source>
        <translation>чытанне версіі палітыкі</translation>
    </message>
    <message>
        <source>replacing the retention periods of a purpose</source>
        <translation>замена тэрмінаў захоўвання мэты апрацоўкі</translation>
    </message>
    <message>
        <source>storing the retention period of a category</source>
        <translation>захаванне тэрміну захоўвання катэгорыі</translation>
    </message>
    <message>
        <source>retiring the purpose</source>
        <translation>вывад мэты з выкарыстання</translation>
    </message>
    <message>
        <source>reading the retention periods</source>
        <translation>чытанне тэрмінаў захоўвання</translation>
    </message>
</context>
</TS>
