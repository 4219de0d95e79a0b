<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>files</name>
    <message>
        <location filename="../../ui/wording/files.py" line="+18"/>
        <source>Your files</source>
        <extracomment>The translation context &quot;files&quot; as an object, for Qt&apos;s plural-aware ``tr(text, &quot;&quot;, n)`` (``%n``): lupdate reads the context from the name before ``.tr``, Qt from the class name. English singulars live in the part&apos;s ``_en.ts``.</extracomment>
        <translation>我的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your &amp;files…</source>
        <translation>我的文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse and search your 123pan files and folders, tick them and get their links</source>
        <translation>浏览和搜索你在 123云盘 上的文件和文件夹，勾选后获取直链</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your files on 123pan: folders and search</source>
        <translation>你在 123云盘 上的文件：文件夹和搜索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folders and files; Space ticks the current one</source>
        <translation>文件夹和文件；按空格键勾选当前一项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search results; Space ticks the current one</source>
        <translation>搜索结果；按空格键勾选当前一项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search your files by name…</source>
        <translation>按名称搜索你的文件…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search by name</source>
        <translation>按名称搜索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole name</source>
        <translation>完整名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find only files whose whole name is what you typed</source>
        <translation>只找名称与输入完全相同的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recent folders</source>
        <translation>最近的文件夹(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folders whose links you got last: tick one to get them again</source>
        <translation>最近获取过直链的文件夹：勾选即可再次获取</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No recent folders yet: they appear here once you got their links</source>
        <translation>还没有最近的文件夹：获取过直链的文件夹会出现在这里</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent folders: tick one and get its links again</source>
        <translation>最近的文件夹：勾选后可再次获取直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to folders</source>
        <translation>返回文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get links of &amp;ticked</source>
        <translation>获取勾选项直链(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get the links of the ticked files and of everything inside the ticked folders</source>
        <translation>获取勾选的文件以及勾选的文件夹中所有文件的直链</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load this folder: {reason}</source>
        <translation>无法加载此文件夹：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searching for “{text}”…</source>
        <translation>正在搜索“{text}”…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files and folders match “{text}”</source>
        <translation>
            <numerusform>%n 个文件或文件夹与“{text}”匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing on your drive matches “{text}”</source>
        <translation>云盘中没有与“{text}”匹配的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search did not work: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick files or folders first (Space ticks the current one)</source>
        <translation>请先勾选文件或文件夹（按空格键勾选当前一项）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files found</source>
        <translation>
            <numerusform>已找到 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n folders read</source>
        <translation>
            <numerusform>已读取 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the folders: {reason}</source>
        <translation>无法读取文件夹：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no files in what you ticked</source>
        <translation>勾选的内容里没有文件</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files added to the list</source>
        <translation>
            <numerusform>已将 %n 个文件加入列表</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get many links?</source>
        <translation>要获取大量直链吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n minutes</source>
        <translation>
            <numerusform>约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You ticked {files}. Getting their links takes {duration} at the current speed, and each link that is used spends direct-link traffic. Get them all?</source>
        <translation>你勾选了 {files}。按当前速度获取这些直链需要{duration}，每个被使用的直链都会消耗直链流量。全部获取吗？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Get all links</source>
        <translation>全部获取</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder {name}</source>
        <translation>文件夹 {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File {name}, {size}</source>
        <translation>文件 {name}，{size}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blocked by 123pan&apos;s content review: it will get no link</source>
        <translation>未通过 123云盘 内容审核：无法获取直链</translation>
    </message>
</context>
</TS>
