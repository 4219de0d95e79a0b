<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>kept</name>
    <message>
        <location filename="../../ui/wording/kept.py" line="+23"/>
        <source>This paste (%1) is too big for the box (up to %2). The IDs in it are being looked for and added one a line; the text itself is not kept. For long lists use “Add IDs from files”.</source>
        <translation>这次粘贴的内容（%1）太大，输入框放不下（最多 %2）。正在从中查找 ID，并逐行添加；原文本身不会保留。很长的列表请用“从文件添加 ID”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking for IDs in the paste…</source>
        <translation>正在从粘贴的内容中查找 ID…</translation>
    </message>
</context>
</TS>
