<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>shares</name>
    <message>
        <location filename="../../ui/wording/shares.py" line="+25"/>
        <source>Create share link</source>
        <translation>创建分享链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create &amp;share link…</source>
        <translation>创建分享链接(&amp;S)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the file with their own 123pan account. 1 file or folder.</source>
        <translation>分享链接不需要会员，也不需要直链空间：打开链接的人用自己的 123 云盘账号保存或下载。共 1 个文件或文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</source>
        <translation>分享链接不需要会员，也不需要直链空间：打开链接的人用自己的 123 云盘账号保存或下载。共 %n 个文件或文件夹。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shared as: {name}</source>
        <translation>分享名称：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More than 100 files: they become {parts} shares, numbered (1／{parts}), (2／{parts}) …</source>
        <translation>超过 100 个文件：将分成 {parts} 个分享，编号为 (1／{parts})、(2／{parts}) …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} {date}</source>
        <translation>{name} {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} and 1 more {date}</source>
        <translation>{name} 等 2 个 {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} and %n more {date}</source>
        <translation>{name} 等 %n 个 {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 file {date}</source>
        <translation>1 个文件 {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n files {date}</source>
        <translation>%n 个文件 {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Works for:</source>
        <translation>有效期(&amp;W)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permanently</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xtraction code:</source>
        <translation>提取码(&amp;X)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The person opening the link types this code (letters and digits, not case-sensitive).</source>
        <translation>打开链接的人需要输入这个提取码（字母和数字，不区分大小写）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New co&amp;de</source>
        <translation>换一个(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An extraction code is 1 to 16 letters or digits.</source>
        <translation>提取码是 1 到 16 个字母或数字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who pays for the download traffic</source>
        <translation>下载流量由谁承担</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People who are not logged in may download on &amp;my traffic</source>
        <translation>未登录的人可以用我的流量下载(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People whose own download quota is used up may download on m&amp;y traffic</source>
        <translation>自己的下载流量用完的人可以用我的流量下载(&amp;Y)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Off: everyone downloads on their own 123pan quota, and your traffic is not used.</source>
        <translation>不勾选：每个人都用自己的 123 云盘流量下载，不会用到你的流量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creating the share link…</source>
        <translation>正在创建分享链接…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready to paste:</source>
        <translation>可以直接粘贴：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy text</source>
        <translation>复制文字(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;QR code…</source>
        <translation>二维码(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link: {url} Code: {code}</source>
        <translation>链接：{url} 提取码：{code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link: {url}</source>
        <translation>链接：{url}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: not created — {reason}</source>
        <translation>{name}：未能创建 — {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{failed} of {total} shares could not be created.</source>
        <translation>{total} 个分享中有 {failed} 个未能创建。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;QR code…</source>
        <translation>显示二维码(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan it with a phone camera or the 123pan app to open the link.</source>
        <translation>用手机相机或 123 云盘 App 扫一扫即可打开链接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save as PNG…</source>
        <translation>保存为 PNG(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy &amp;image</source>
        <translation>复制图片(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the image: {reason}</source>
        <translation>无法保存图片：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image copied.</source>
        <translation>图片已复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This link is too long for a QR code that phones can scan.</source>
        <translation>这个链接太长，生成的二维码手机很难扫出来。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy with &amp;names</source>
        <translation>连同文件名复制(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy “name  link” lines, the way people paste them into chats</source>
        <translation>按“文件名  链接”逐行复制，方便直接发到聊天里</translation>
    </message>
</context>
</TS>
