<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>shares</name>
    <message numerus="yes">
        <location filename="../../ui/wording/shares.py" line="+38"/>
        <source>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</source>
        <translation>
            <numerusform>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the file with their own 123pan account. %n file or folder.</numerusform>
            <numerusform>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>{name} and %n more {date}</source>
        <translation>
            <numerusform>{name} and %n more {date}</numerusform>
            <numerusform>{name} and %n more {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files {date}</source>
        <translation>
            <numerusform>%n file {date}</numerusform>
            <numerusform>%n files {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+204"/>
        <source>%n shares.</source>
        <translation>
            <numerusform>%n share.</numerusform>
            <numerusform>%n shares.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n links copied with their names.</source>
        <translation>
            <numerusform>%n link copied with its name.</numerusform>
            <numerusform>%n links copied with their names.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spaces</name>
    <message numerus="yes">
        <location filename="../../ui/wording/spaces.py" line="+70"/>
        <source>This changes your 123pan account. It needs a VIP membership, and every download through a direct link uses your direct-link traffic. Anyone with a link can download the files. %n rows are fetched again afterwards; you can switch the space off later.</source>
        <translation>
            <numerusform>This changes your 123pan account. It needs a VIP membership, and every download through a direct link uses your direct-link traffic. Anyone with a link can download the file. %n row is fetched again afterwards; you can switch the space off later.</numerusform>
            <numerusform>This changes your 123pan account. It needs a VIP membership, and every download through a direct link uses your direct-link traffic. Anyone with a link can download the files. %n rows are fetched again afterwards; you can switch the space off later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>{name} — %n links</source>
        <translation>
            <numerusform>{name} — %n link</numerusform>
            <numerusform>{name} — %n links</numerusform>
        </translation>
    </message>
</context>
</TS>
