<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>files</name>
    <message numerus="yes">
        <location filename="../../ui/wording/files.py" line="+122"/>
        <source>%n files and folders match “{text}”</source>
        <translation>
            <numerusform>%n file or folder matches “{text}”</numerusform>
            <numerusform>%n files and folders match “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n files found</source>
        <translation>
            <numerusform>%n file found</numerusform>
            <numerusform>%n files found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n folders read</source>
        <translation>
            <numerusform>%n folder read</numerusform>
            <numerusform>%n folders read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n files added to the list</source>
        <translation>
            <numerusform>%n file added to the list</numerusform>
            <numerusform>%n files added to the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n minutes</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
