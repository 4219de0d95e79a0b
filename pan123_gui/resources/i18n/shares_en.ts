<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>shares</name>
    <message numerus="yes">
        <location filename="../../ui/wording/shares.py" line="+35"/>
        <source>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</source>
        <translation>
            <numerusform>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the file with their own 123pan account. %n file or folder.</numerusform>
            <numerusform>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
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
</context>
</TS>
