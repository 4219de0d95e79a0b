<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>shares</name>
    <message>
        <location filename="../../ui/wording/shares.py" line="+29"/>
        <source>Create share link</source>
        <extracomment>The translation context &quot;shares&quot; as an object, for Qt&apos;s plural-aware ``tr(text, &quot;&quot;, n)`` (``%n``): lupdate reads the context from the name before ``.tr``, Qt from the class name. English singulars live in ``shares_en.ts``.</extracomment>
        <translation>创建分享链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create &amp;share link…</source>
        <translation>创建分享链接(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>A share link works without VIP or a direct-link space: the person who opens it saves or downloads the files with their own 123pan account. %n files or folders.</source>
        <translation>
            <numerusform>分享链接不需要会员，也不需要直链空间：打开链接的人用自己的 123 云盘账号保存或下载。共 %n 个文件或文件夹。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
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
    <message numerus="yes">
        <location line="+2"/>
        <source>{name} and %n more {date}</source>
        <translation>
            <numerusform>{name} 及另外 %n 个 {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n files {date}</source>
        <translation>
            <numerusform>%n 个文件 {date}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Works for:</source>
        <translation>有效期(&amp;W)：</translation>
    </message>
    <message>
        <location line="+6"/>
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
    <message>
        <location line="+7"/>
        <source>My shares</source>
        <translation>我的分享</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;My shares…</source>
        <translation>我的分享(&amp;M)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>提取码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downloads</source>
        <translation>下载次数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading your shares…</source>
        <translation>正在读取你的分享…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n shares.</source>
        <translation>
            <numerusform>共 %n 个分享。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load your shares: {reason}</source>
        <translation>无法读取你的分享：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Share lin&amp;ks</source>
        <translation>分享链接(&amp;K)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Share ticked…</source>
        <translation>分享勾选的…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A share link for the ticked files and folders (folders are shared as they are)</source>
        <translation>为勾选的文件和文件夹创建分享链接（文件夹按原样分享）</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Make a share link (分享链接) for the chosen rows: no VIP or direct-link space needed (Ctrl+Shift+S)</source>
        <translation>为选中的行创建分享链接：不需要会员，也不需要直链空间 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the chosen row&apos;s link as a QR code for a phone</source>
        <translation>把选中行的链接显示为二维码，方便手机扫描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose rows in the list first.</source>
        <translation>请先在列表中选择行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chosen row has no link yet.</source>
        <translation>选中的行还没有链接。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n links copied with their names.</source>
        <translation>
            <numerusform>已连同文件名复制 %n 个链接。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spaces</name>
    <message>
        <location filename="../../ui/wording/spaces.py" line="+22"/>
        <source>“{folder}” is not a direct-link space</source>
        <extracomment>The translation context &quot;spaces&quot; as an object, for Qt&apos;s plural-aware ``tr(text, &quot;&quot;, n)`` (``%n``): lupdate reads the context from the name before ``.tr``, Qt from the class name. English singulars live in the part&apos;s ``_en.ts``.</extracomment>
        <translation>“{folder}”不是直链空间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file is in the folder “{folder}”, which is not a direct-link space. To get direct links for the files in it, right-click the row and choose Enable direct-link space for “{folder}” (VIP); or share the file with a share link instead.</source>
        <translation>这个文件在文件夹“{folder}”里，而它不是直链空间。要获取其中文件的直链，请右键点击这一行，选择 为“{folder}”开启直链空间（需会员）；也可以改用分享链接发给别人。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>at the top of the drive: move it into a folder</source>
        <translation>在网盘根目录：请先移进一个文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file lies directly at the top of the drive, and only folders there can be direct-link spaces. Move it into a folder in the 123pan app and switch that folder&apos;s direct-link space on, or share it with a share link instead.</source>
        <translation>这个文件直接放在网盘根目录，而只有根目录下的文件夹才能成为直链空间。请在 123 云盘里把它移进一个文件夹，再开启该文件夹的直链空间；也可以改用分享链接。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enable direct-link space for “{folder}”…</source>
        <translation>为“{folder}”开启直链空间…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switch on a direct-link space</source>
        <translation>开启直链空间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Switch on the direct-link space of the folder “{folder}”?</source>
        <translation>要开启文件夹“{folder}”的直链空间吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switch on the direct-link spaces of these folders: {folders}?</source>
        <translation>要开启这些文件夹的直链空间吗：{folders}？</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>This changes your 123pan account. It needs a VIP membership, and every download through a direct link uses your direct-link traffic. Anyone with a link can download the files. %n rows are fetched again afterwards; you can switch the space off later.</source>
        <translation>
            <numerusform>这会更改你的 123 云盘账号设置。需要会员，通过直链的每次下载都会消耗你的直链流量；拿到链接的任何人都能下载这些文件。之后会重新获取 %n 行；以后也可以再关闭直链空间。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your account is not VIP right now, so 123pan will probably refuse. A share link needs no VIP.</source>
        <translation>你的账号目前不是会员，123 云盘很可能会拒绝。分享链接不需要会员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Direct-link traffic left: {left}.</source>
        <translation>剩余直链流量：{left}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Switch on</source>
        <translation>开启(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switching on the direct-link space…</source>
        <translation>正在开启直链空间…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The direct-link space of “{folder}” is on. Fetching the links again…</source>
        <translation>“{folder}”的直链空间已开启，正在重新获取链接…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not switch on the space of “{folder}”: {reason}</source>
        <translation>无法开启“{folder}”的直链空间：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Direct-link spaces</source>
        <translation>直链空间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direct-link s&amp;paces…</source>
        <translation>直链空间(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folders whose direct-link space gave links in this app (123pan has no list of them). Links are the file&apos;s path: after renaming or moving files, refresh the link cache so the links follow.</source>
        <translation>在本应用里获取过直链的直链空间文件夹（123 云盘没有提供这样的列表）。直链就是文件的路径：重命名或移动文件后，请刷新直链缓存，让链接跟上。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No direct-link space seen yet: get some links first.</source>
        <translation>还没有见到任何直链空间：请先获取一些直链。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>{name} — %n links</source>
        <translation>
            <numerusform>{name} — %n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disable…</source>
        <translation>关闭(&amp;D)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switch off the direct-link space of “{folder}”?</source>
        <translation>要关闭“{folder}”的直链空间吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every direct link to a file in this folder stops working, also links you have already given out.</source>
        <translation>这个文件夹里所有文件的直链都会失效，包括已经发给别人的链接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switch &amp;off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The direct-link space of “{folder}” is off.</source>
        <translation>“{folder}”的直链空间已关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh link cache</source>
        <translation>刷新直链缓存(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Needed after renaming or moving files, so their links follow.</source>
        <translation>重命名或移动文件后需要刷新，链接才会跟着变。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link cache was refreshed.</source>
        <translation>直链缓存已刷新。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Did not work: {reason}</source>
        <translation>没有成功：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VIP</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{vip} · direct-link traffic left: {left}</source>
        <translation>{vip} · 剩余直链流量：{left}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not VIP: direct links need a VIP membership</source>
        <translation>非会员：直链需要开通会员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your 123pan account (refreshed after each run). Downloads through direct links use this traffic.</source>
        <translation>你的 123 云盘账号（每次获取后刷新）。通过直链的下载会消耗这些流量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account: not checked yet</source>
        <translation>账号：尚未检查</translation>
    </message>
</context>
</TS>
