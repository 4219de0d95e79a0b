<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/wording/window.py" line="+41"/>
        <source>123pan Direct Links</source>
        <extracomment>The translation context &quot;window&quot; as an object, for Qt&apos;s plural-aware ``tr(text, &quot;&quot;, n)``: lupdate reads the context from the name before ``.tr``, Qt from the class name, so both are &quot;window&quot;.</extracomment>
        <translation>123云盘直链工具</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add IDs from files…</source>
        <translation>从文件添加 ID(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+803"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="-799"/>
        <source>&amp;Credentials…</source>
        <translation>凭据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter or change your 123pan client ID, secret, token and sign key</source>
        <translation>填写或修改 123云盘的 Client ID、Client Secret、访问令牌和鉴权密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speed limit, link signing details and other options</source>
        <translation>请求速度、链接签名等选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language: %1</source>
        <translation>界面语言：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;How to use</source>
        <translation>使用说明(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How to use</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Get direct links in three steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Paste&lt;/b&gt; file IDs into the big box at the top, or &lt;b&gt;drop&lt;/b&gt; .txt, .csv or .json files onto the window. Any text works: one ID per line, separated by commas, a CSV or JSON export, or links that contain &lt;code&gt;fileID=…&lt;/code&gt;. The line under the box shows how many IDs were found.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;Get links&lt;/b&gt; or press &lt;b&gt;Ctrl+Enter&lt;/b&gt;. Rows fill in as links arrive; &lt;b&gt;Cancel&lt;/b&gt; stops and keeps what is done.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Copy all links&lt;/b&gt; (Ctrl+Shift+C), or &lt;b&gt;Export…&lt;/b&gt; them to a text, CSV, JSON or aria2 file. Double-click a row to copy its link; right-click a row to open it in the browser.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A row that failed says why in plain words; &lt;b&gt;Retry failed&lt;/b&gt; tries those again.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Before you start:&lt;/b&gt; direct links only work for files inside a folder where the 123pan direct-link space is turned on (a VIP feature, set up in the 123pan app or website). Your client ID and secret come from the 123pan open platform; enter them under &lt;b&gt;Settings → Credentials…&lt;/b&gt;. They are kept in your system&apos;s keyring.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Signed links&lt;/b&gt; stop working after the time you choose. Turn on &lt;b&gt;Sign links&lt;/b&gt; only if authentication is enabled for your direct-link space; you need its sign key.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;三步获取直链&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;把文件 ID &lt;b&gt;粘贴&lt;/b&gt;到上方的大输入框，或把 .txt、.csv、.json 文件&lt;b&gt;拖进&lt;/b&gt;窗口。任何文本都可以：每行一个 ID、用逗号分隔、CSV 或 JSON 导出内容，或带 &lt;code&gt;fileID=…&lt;/code&gt; 的链接。输入框下方会显示找到了多少个 ID。&lt;/li&gt;&lt;li&gt;点击&lt;b&gt;获取直链&lt;/b&gt;或按 &lt;b&gt;Ctrl+Enter&lt;/b&gt;。直链陆续出现在列表中；&lt;b&gt;取消&lt;/b&gt;会立即停止，已完成的行会保留。&lt;/li&gt;&lt;li&gt;点击&lt;b&gt;复制全部直链&lt;/b&gt;（Ctrl+Shift+C），或&lt;b&gt;导出…&lt;/b&gt;为文本、CSV、JSON 或 aria2 文件。双击某一行即可复制它的直链；右键点击某一行可在浏览器中打开。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;失败的行会用通俗的话说明原因；&lt;b&gt;重试失败项&lt;/b&gt;会再试一次。&lt;/p&gt;&lt;p&gt;&lt;b&gt;开始之前：&lt;/b&gt;只有放在已开启“直链空间”的文件夹里的文件才能获取直链（VIP 功能，在 123云盘 App 或网页版中开启）。Client ID 和 Client Secret 来自 123云盘开放平台，请在&lt;b&gt;设置 → 凭据…&lt;/b&gt;中填写，它们保存在系统安全存储中。&lt;/p&gt;&lt;p&gt;&lt;b&gt;签名链接&lt;/b&gt;会在你选择的时间后失效。只有在直链空间开启了鉴权时才需要打开&lt;b&gt;链接签名&lt;/b&gt;，并且需要填写鉴权密钥。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;123pan Direct Links %1&lt;/h3&gt;&lt;p&gt;Turns 123pan (123云盘) file IDs into direct links using the official open platform API.&lt;/p&gt;&lt;p&gt;Your secrets stay in your system&apos;s keyring and never appear in logs.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;123云盘直链工具 %1&lt;/h3&gt;&lt;p&gt;通过 123云盘官方开放平台接口，把文件 ID 转换成直链。&lt;/p&gt;&lt;p&gt;你的密钥只保存在系统安全存储中，不会出现在日志里。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File &amp;IDs — paste any text, or drop .txt / .csv / .json files:</source>
        <translation>文件 ID(&amp;I) — 粘贴任意文本，或拖入 .txt / .csv / .json 文件：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File IDs</source>
        <translation>文件 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste 123pan file IDs here — any text works:
• one ID per line, or separated by commas or spaces
• a CSV or JSON export, or links that contain fileID=…
You can also drop .txt, .csv or .json files onto this window.
Then press Ctrl+Enter (or click Get links).</source>
        <translation>在这里粘贴 123云盘文件 ID，任何文本都可以：
• 每行一个 ID，或用逗号、空格分隔
• CSV 或 JSON 导出内容，或带 fileID=… 的链接
也可以把 .txt、.csv、.json 文件拖进本窗口。
然后按 Ctrl+Enter（或点击“获取直链”）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing pasted yet. The IDs found will be counted here before anything is sent.</source>
        <translation>还没有粘贴内容。发送请求之前，这里会先显示找到的 ID 数量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No file IDs found in this text yet (an ID is a number such as 12345678).</source>
        <translation>这段文本中还没有找到文件 ID（ID 是一串数字，例如 12345678）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counting IDs…</source>
        <translation>正在统计 ID…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n IDs</source>
        <translation>
            <numerusform>%n 个 ID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n duplicates</source>
        <translation>
            <numerusform>%n 个重复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n already in the list</source>
        <translation>
            <numerusform>%n 个已在列表中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>press Ctrl+Enter to get links</source>
        <translation>按 Ctrl+Enter 获取直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>add the sign key under Credentials (or turn signing off) before pressing Ctrl+Enter</source>
        <translation>请先在“凭据”中填写鉴权密钥（或关闭签名），再按 Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IDs found</source>
        <translation>找到的 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all already in the list</source>
        <translation>全部已在列表中</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n folder addresses</source>
        <translation>
            <numerusform>%n 个文件夹地址</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add IDs from files</source>
        <translation>从文件添加 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text files (*.txt *.csv *.json);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading dropped files…</source>
        <translation>正在读取拖入的文件…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Added %n IDs to the box</source>
        <translation>
            <numerusform>已向输入框添加 %n 个 ID</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No file IDs found in what was dropped.</source>
        <translation>拖入的内容中没有找到文件 ID。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These files were skipped; everything else was added:</source>
        <translation>以下文件已跳过，其余内容都已添加：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: this is a folder — drop the files inside it</source>
        <translation>%1：这是一个文件夹，请拖入其中的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the file no longer exists</source>
        <translation>%1：文件已不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot open it (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: too big (%2; files up to %3 are read)</source>
        <translation>%1：文件太大（%2；只读取 %3 以内的文件）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not a text file (drop .txt, .csv or .json)</source>
        <translation>%1：不是文本文件（请拖入 .txt、.csv 或 .json）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unknown text encoding (tried UTF-8 and GB18030) — save it as UTF-8 and try again</source>
        <translation>%1：无法识别的文本编码（已尝试 UTF-8 和 GB18030），请另存为 UTF-8 后重试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: no file IDs in it</source>
        <translation>%1：其中没有文件 ID</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Get links</source>
        <translation>获取直链(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get direct links for the IDs in the box (Ctrl+Enter)</source>
        <translation>为输入框中的 ID 获取直链（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop now; finished rows are kept (Esc)</source>
        <translation>立即停止，已完成的行会保留（Esc）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <location line="+311"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-309"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sig&amp;n links</source>
        <translation>链接签名(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a time-limited signature (auth_key) to each link. Only needed when URL authentication is turned on for your direct-link space; needs the sign key.</source>
        <translation>给每个直链加上有时效的签名（auth_key）。只有直链空间开启了 URL 鉴权时才需要；需要鉴权密钥。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;valid for</source>
        <translation>有效期(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed links stay valid for</source>
        <translation>签名链接的有效期</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Results</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results: one row per file ID</source>
        <translation>结果：每个文件 ID 一行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Links will appear here.
Paste IDs above, then click Get links or press Ctrl+Enter.</source>
        <translation>直链会显示在这里。
在上方粘贴 ID，然后点击“获取直链”或按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click a row to copy its link. Right-click for more (open in browser, copy ID…).</source>
        <translation>双击某一行复制它的直链；右键查看更多操作（在浏览器中打开、复制 ID…）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy selected links</source>
        <translation>复制所选直链(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open in browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy file &amp;ID</source>
        <translation>复制文件 ID(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Get link again</source>
        <translation>重新获取直链(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Get links of the &amp;files inside</source>
        <translation>获取其中文件的直链(&amp;F)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n folders in the text: right-click a folder&apos;s row and choose “Get links of the files inside”</source>
        <translation>
            <numerusform>文本中有 %n 个文件夹：右键点击文件夹所在行，选择“获取其中文件的直链”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select &amp;all rows</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Remove from list</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected rows from the list (Delete)</source>
        <translation>从列表中移除所选的行（Delete 键）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy link</source>
        <translation>复制直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy &amp;all links</source>
        <translation>复制全部直链(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy every working link, one per line, in input order (Ctrl+Shift+C)</source>
        <translation>按输入顺序复制所有可用的直链，每行一个（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy faile&amp;d IDs</source>
        <translation>复制失败的 ID(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the IDs of rows that failed or were cancelled, one per line</source>
        <translation>复制失败或已取消的行的 ID，每行一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;try failed</source>
        <translation>重试失败项(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try the failed and cancelled rows again (no new rows are added)</source>
        <translation>重新获取失败和已取消的行（不会新增行）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-sign e&amp;xpired</source>
        <translation>重新签名过期链接(&amp;X)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give expired signed links a new signature (needs the sign key)</source>
        <translation>为已过期的签名链接重新签名（需要鉴权密钥）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ex&amp;port…</source>
        <translation>导出(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the list as a text, CSV, JSON or aria2 file (Ctrl+S)</source>
        <translation>把列表保存为文本、CSV、JSON 或 aria2 文件（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+40"/>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Empty the list and the input box</source>
        <translation>清空列表和输入框</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List actions</source>
        <translation>列表操作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export links</source>
        <translation>导出直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text, one link per line (*.txt)</source>
        <translation>文本，每行一个直链 (*.txt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>aria2 input file (*.aria2)</source>
        <translation>aria2 输入文件 (*.aria2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear the list?</source>
        <translation>清空列表？</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Remove all %n rows and empty the input box?</source>
        <translation>
            <numerusform>删除全部 %n 行并清空输入框？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Copied %n links</source>
        <translation>
            <numerusform>已复制 %n 个直链</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n selected rows have no link</source>
        <translation>
            <numerusform>所选的 %n 行没有直链</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No working links to copy yet</source>
        <translation>还没有可复制的直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected rows have no link yet</source>
        <translation>所选的行还没有直链</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Copied %n failed IDs</source>
        <translation>
            <numerusform>已复制 %n 个失败的 ID</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Copied %n file IDs</source>
        <translation>
            <numerusform>已复制 %n 个文件 ID</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No failed rows</source>
        <translation>没有失败的行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened the link in your browser</source>
        <translation>已在浏览器中打开直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not opened: this is not a web (http/https) link</source>
        <translation>未打开：这不是网页（http/https）链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not start a browser — the link was copied instead</source>
        <translation>无法启动浏览器，已改为复制该直链</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n rows to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n links exported to %1</source>
        <translation>
            <numerusform>已导出 %n 个链接到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n rows without a link left out</source>
        <translation>
            <numerusform>%n 行没有链接，未导出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the file: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list is empty — nothing to export</source>
        <translation>列表为空，没有可导出的内容</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Cleared %n rows</source>
        <translation>
            <numerusform>已清空 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %n rows from the list</source>
        <translation>
            <numerusform>已从列表中移除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select the rows to remove first</source>
        <translation>请先选中要移除的行</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Restored %n rows from last time</source>
        <translation>
            <numerusform>已恢复上次的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restored the input box from last time</source>
        <translation>已恢复上次输入框中的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste or drop some file IDs first</source>
        <translation>请先粘贴或拖入文件 ID</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>All %n IDs are already in the list — use Retry failed or right-click → Get link again</source>
        <translation>
            <numerusform>这 %n 个 ID 已全部在列表中——可使用“重试失败项”，或右键 →“重新获取直链”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still working — wait for it to finish or click Cancel</source>
        <translation>正在处理中，请等待完成或点击“取消”</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Getting %n links…</source>
        <translation>
            <numerusform>正在获取 %n 个直链…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Re-signing %n links…</source>
        <translation>
            <numerusform>正在为 %n 个直链重新签名…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Done: %n links</source>
        <translation>
            <numerusform>完成：%n 个直链</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n finished rows kept</source>
        <translation>
            <numerusform>保留了 %n 个已完成的行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not done</source>
        <translation>
            <numerusform>%n 个未完成</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No expired links</source>
        <translation>没有过期的链接</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Trying %n rows again…</source>
        <translation>
            <numerusform>正在重新获取 %n 行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n rows skipped: trying again cannot change them (no such file, or a folder)</source>
        <translation>
            <numerusform>跳过 %n 行：重试也不会有变化（文件不存在，或是文件夹）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing retried: the %n failed rows cannot change by trying again (no such file, or a folder)</source>
        <translation>
            <numerusform>没有重试：失败的 %n 行重试也不会有变化（文件不存在，或是文件夹）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Retry done: %n now with a link</source>
        <translation>
            <numerusform>重试完成：%n 个已获取直链</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n still failed</source>
        <translation>
            <numerusform>%n 个仍然失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Signing the %n links in the list…</source>
        <translation>
            <numerusform>正在为列表中的 %n 个直链签名…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Signed %n links in the list</source>
        <translation>
            <numerusform>已为列表中的 %n 个直链签名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be signed</source>
        <translation>
            <numerusform>%n 个无法签名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Signing off: %n links in the list are plain links again</source>
        <translation>
            <numerusform>已关闭签名：列表中的 %n 个直链恢复为普通直链</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The links in the list get this signing choice when the run ends</source>
        <translation>本次获取结束后，列表中的直链将按此签名设置更新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started: “Sign links” is on but no sign key is saved (see the note at the top)</source>
        <translation>未开始：已开启“链接签名”，但没有保存鉴权密钥（见窗口顶部的提示）</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Copied %n links, NOT signed: no sign key is saved (see the note at the top)</source>
        <translation>
            <numerusform>已复制 %n 个直链，但未签名：没有保存鉴权密钥（见窗口顶部的提示）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Nothing copied: all %n links in the list have expired</source>
        <translation>
            <numerusform>没有复制：列表中的 %n 个直链都已过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo mode: a local stand-in for 123pan with sample files</source>
        <translation>演示模式：使用本地模拟的 123云盘和示例文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide this notice</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No 123pan credentials yet. Enter your client ID and client secret (from the 123pan open platform) to get links.</source>
        <translation>还没有 123云盘凭据。请填写 Client ID 和 Client Secret（在 123云盘开放平台获取）后再获取直链。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“Sign links” is on, but no sign key is saved. Enter the sign key of your direct-link space under Credentials, or turn signing off.</source>
        <translation>已开启“链接签名”，但还没有保存鉴权密钥。请在“凭据”中填写直链空间的鉴权密钥，或关闭签名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The links were not fetched: “Sign links” is on, but no sign key is saved. Enter the sign key of your direct-link space under Credentials, or turn signing off, then press Ctrl+Enter again.</source>
        <translation>没有获取直链：已开启“链接签名”，但没有保存鉴权密钥。请在“凭据”中填写直链空间的鉴权密钥，或关闭签名，然后再按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every link in the list has expired (signed links stop working after their validity). Re-sign them to get fresh links, then copy again.</source>
        <translation>列表中的直链都已过期（签名直链过了有效期就不能用了）。请重新签名获取新的直链，然后再复制。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n links are on the clipboard. On this computer the clipboard is emptied when the app quits (no clipboard manager is running): paste them where you need them first, then press Quit.</source>
        <translation>
            <numerusform>%n 个直链已在剪贴板中。在这台电脑上，程序退出后剪贴板会被清空（没有运行剪贴板管理器）：请先把它们粘贴到需要的地方，再点“退出”。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste before quitting</source>
        <translation>退出前请先粘贴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter &amp;sign key…</source>
        <translation>填写鉴权密钥(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turn signing &amp;off</source>
        <translation>关闭签名(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Credentials…</source>
        <translation>打开凭据设置(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something unexpected went wrong; the rows show what is known.</source>
        <translation>发生了意外问题；列表中显示了目前已知的结果。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit?</source>
        <translation>要退出吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n links have not been copied or exported. Quit anyway?</source>
        <translation>
            <numerusform>有 %n 个直链还没有复制或导出。仍要退出吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Links are still being fetched (%1 of %2 done). Quit anyway?</source>
        <translation>直链还在获取中（已完成 %1 / %2）。仍要退出吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The list is kept and comes back the next time you start the app.</source>
        <translation>列表会被保留，下次打开本程序时自动恢复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list cannot be kept this time (it could not be saved). Export it first to keep the links.</source>
        <translation>这次无法保留列表（保存失败）。请先导出，以免丢失链接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the system keyring…</source>
        <translation>正在等待系统安全存储…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app was already open, so this window came forward (one list, one window)</source>
        <translation>程序已经打开，所以显示了这个窗口（一个列表，一个窗口）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The list could not be saved, so it is gone once the app closes. Quit anyway?</source>
        <translation>列表无法保存，关闭程序后就会丢失。仍要退出吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list kept from last time could not be read. It was moved aside as “%1” (nothing was deleted), and the window starts with an empty list.</source>
        <translation>上次保留的列表无法读取。它已被移到一旁，改名为“%1”（没有删除任何内容），窗口从空列表开始。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The list kept from last time could not be read, and it could not be moved aside either. It is left as it is, so this time the list is not saved: export the links you want to keep.</source>
        <translation>上次保留的列表无法读取，也无法移到一旁。它保持原样，因此这次不会保存列表：请导出需要保留的链接。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The list could not be saved (%1). Export the links you want to keep before quitting.</source>
        <translation>列表无法保存（%1）。请在退出前导出需要保留的链接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy all &amp;&amp; quit</source>
        <translation>全部复制并退出(&amp;C)</translation>
    </message>
</context>
</TS>
