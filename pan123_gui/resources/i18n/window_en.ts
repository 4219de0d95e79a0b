<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>window</name>
    <message numerus="yes">
        <location filename="../../ui/wording/window.py" line="+196"/>
        <source>%n IDs</source>
        <translation>
            <numerusform>%n ID</numerusform>
            <numerusform>%n IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n duplicates</source>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n already in the list</numerusform>
            <numerusform>%n already in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n folder addresses</source>
        <translation>
            <numerusform>%n folder address</numerusform>
            <numerusform>%n folder addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Added %n IDs to the box</source>
        <translation>
            <numerusform>Added %n ID to the box</numerusform>
            <numerusform>Added %n IDs to the box</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <location line="+311"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-309"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>%n folders in the text: right-click a folder&apos;s row and choose “Get links of the files inside”</source>
        <translation>
            <numerusform>%n folder in the text: right-click its row and choose “Get links of the files inside”</numerusform>
            <numerusform>%n folders in the text: right-click a folder&apos;s row and choose “Get links of the files inside”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+104"/>
        <source>Remove all %n rows and empty the input box?</source>
        <translation>
            <numerusform>Remove %n row and empty the input box?</numerusform>
            <numerusform>Remove all %n rows and empty the input box?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Copied %n links</source>
        <translation>
            <numerusform>Copied %n link</numerusform>
            <numerusform>Copied %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n selected rows have no link</source>
        <translation>
            <numerusform>%n selected row has no link</numerusform>
            <numerusform>%n selected rows have no link</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Copied %n failed IDs</source>
        <translation>
            <numerusform>Copied %n failed ID</numerusform>
            <numerusform>Copied %n failed IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Copied %n file IDs</source>
        <translation>
            <numerusform>Copied %n file ID</numerusform>
            <numerusform>Copied %n file IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Exported %n rows to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n links exported to %1</source>
        <translation>
            <numerusform>%n link exported to %1</numerusform>
            <numerusform>%n links exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n rows without a link left out</source>
        <translation>
            <numerusform>%n row without a link left out</numerusform>
            <numerusform>%n rows without a link left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Cleared %n rows</source>
        <translation>
            <numerusform>Cleared %n row</numerusform>
            <numerusform>Cleared %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %n rows from the list</source>
        <translation>
            <numerusform>Removed %n row from the list</numerusform>
            <numerusform>Removed %n rows from the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Restored %n rows from last time</source>
        <translation>
            <numerusform>Restored %n row from last time</numerusform>
            <numerusform>Restored %n rows from last time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>All %n IDs are already in the list — use Retry failed or right-click → Get link again</source>
        <translation>
            <numerusform>The %n ID is already in the list — use Retry failed or right-click → Get link again</numerusform>
            <numerusform>All %n IDs are already in the list — use Retry failed or right-click → Get link again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Getting %n links…</source>
        <translation>
            <numerusform>Getting %n link…</numerusform>
            <numerusform>Getting %n links…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Re-signing %n links…</source>
        <translation>
            <numerusform>Re-signing %n link…</numerusform>
            <numerusform>Re-signing %n links…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Done: %n links</source>
        <translation>
            <numerusform>Done: %n link</numerusform>
            <numerusform>Done: %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n finished rows kept</source>
        <translation>
            <numerusform>%n finished row kept</numerusform>
            <numerusform>%n finished rows kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not done</source>
        <translation>
            <numerusform>%n not done</numerusform>
            <numerusform>%n not done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Trying %n rows again…</source>
        <translation>
            <numerusform>Trying %n row again…</numerusform>
            <numerusform>Trying %n rows again…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n rows skipped: trying again cannot change them (no such file, or a folder)</source>
        <translation>
            <numerusform>%n row skipped: trying again cannot change it (no such file, or a folder)</numerusform>
            <numerusform>%n rows skipped: trying again cannot change them (no such file, or a folder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing retried: the %n failed rows cannot change by trying again (no such file, or a folder)</source>
        <translation>
            <numerusform>Nothing retried: the %n failed row cannot change by trying again (no such file, or a folder)</numerusform>
            <numerusform>Nothing retried: the %n failed rows cannot change by trying again (no such file, or a folder)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Retry done: %n now with a link</source>
        <translation>
            <numerusform>Retry done: %n now with a link</numerusform>
            <numerusform>Retry done: %n now with a link</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n still failed</source>
        <translation>
            <numerusform>%n still failed</numerusform>
            <numerusform>%n still failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Signing the %n links in the list…</source>
        <translation>
            <numerusform>Signing %n link in the list…</numerusform>
            <numerusform>Signing the %n links in the list…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Signed %n links in the list</source>
        <translation>
            <numerusform>Signed %n link in the list</numerusform>
            <numerusform>Signed %n links in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be signed</source>
        <translation>
            <numerusform>%n could not be signed</numerusform>
            <numerusform>%n could not be signed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Signing off: %n links in the list are plain links again</source>
        <translation>
            <numerusform>Signing off: %n link in the list is a plain link again</numerusform>
            <numerusform>Signing off: %n links in the list are plain links again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Copied %n links, NOT signed: no sign key is saved (see the note at the top)</source>
        <translation>
            <numerusform>Copied %n link, NOT signed: no sign key is saved (see the note at the top)</numerusform>
            <numerusform>Copied %n links, NOT signed: no sign key is saved (see the note at the top)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Nothing copied: all %n links in the list have expired</source>
        <translation>
            <numerusform>Nothing copied: the %n link in the list has expired</numerusform>
            <numerusform>Nothing copied: all %n links in the list have expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n links are on the clipboard. On this computer the clipboard is emptied when the app quits (no clipboard manager is running): paste them where you need them first, then press Quit.</source>
        <translation>
            <numerusform>%n link is on the clipboard. On this computer the clipboard is emptied when the app quits (no clipboard manager is running): paste it where you need it first, then press Quit.</numerusform>
            <numerusform>%n links are on the clipboard. On this computer the clipboard is emptied when the app quits (no clipboard manager is running): paste them where you need them first, then press Quit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n links have not been copied or exported. Quit anyway?</source>
        <translation>
            <numerusform>%n link has not been copied or exported. Quit anyway?</numerusform>
            <numerusform>%n links have not been copied or exported. Quit anyway?</numerusform>
        </translation>
    </message>
</context>
</TS>
