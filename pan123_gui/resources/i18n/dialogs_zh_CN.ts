<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/wording/dialogs.py" line="+20"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>123pan credentials</source>
        <translation>123云盘凭据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This app reads direct links through the 123pan open platform, so it needs access to your 123pan account. Choose one way:</source>
        <translation>本应用通过 123云盘开放平台获取直链，因此需要访问你的 123云盘账号。请选择一种方式：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Client ID and secret (recommended: the app renews access by itself)</source>
        <translation>Client ID 和 Client Secret（推荐：应用会自动续期访问令牌）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access token only (stops working after 30 days)</source>
        <translation>仅访问令牌 access token（30 天后失效）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client ID:</source>
        <translation>Client ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret:</source>
        <translation>Client Secret：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signing key:</source>
        <translation>鉴权密钥：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed links (optional)</source>
        <translation>鉴权直链（可选）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>saved — leave empty to keep it</source>
        <translation>已保存 — 留空则保持不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paste the access token (eyJ…)</source>
        <translation>粘贴访问令牌（eyJ…）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paste the client secret</source>
        <translation>粘贴 Client Secret</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paste the client ID</source>
        <translation>粘贴 Client ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connecting to 123pan…</source>
        <translation>正在连接 123云盘…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign out?</source>
        <translation>退出登录？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the saved client ID, client secret, access token and signing key from this computer? You will need to enter them again to get links.</source>
        <translation>要从这台电脑删除已保存的 Client ID、Client Secret、访问令牌和鉴权密钥吗？之后需要重新输入才能获取直链。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed out. The saved credentials were removed.</source>
        <translation>已退出登录，保存的凭据已删除。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Secrets are kept in your system&apos;s keyring ({backend}), never in a plain file.</source>
        <translation>凭据保存在系统的安全存储（{backend}）中，不会写入普通文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Warning: no system keyring is available, so secrets are kept in memory only and you will have to enter them again after closing the app.</source>
        <translation>注意：没有可用的系统安全存储（如钥匙串、凭据管理器），凭据只保存在内存中，关闭应用后需要重新输入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the keyring is turned off (null backend).</source>
        <translation>系统安全存储已被关闭（null 后端）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the only keyring available would keep secrets in a plain file, which this app does not use.</source>
        <translation>唯一可用的存储方式会把凭据写入普通文件，本应用不会使用它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the system keyring could not be opened.</source>
        <translation>无法打开系统安全存储。</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Only needed when URL authentication (URL鉴权) is switched on for your direct-link space. The key (鉴权密钥) is in the 123pan web app under 直链 → 基础功能配置 → URL鉴权. To use it, turn on “Sign links” in the main window.</source>
        <translation>仅当你的直链空间开启了 URL 鉴权时才需要。鉴权密钥在 123云盘网页版的「直链 → 基础功能配置 → URL鉴权」中。填写后，在主窗口勾选“链接签名”即可使用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where to get them: apply on the 123pan open platform, {link}. 123pan sends you the client ID and secret by e-mail or as a site message (it may ask you to buy the developer pack, 开发者权益包, first).</source>
        <translation>获取方式：在 123云盘开放平台 {link} 申请，123云盘会通过邮件或站内信把 Client ID 和 Client Secret 发给你（可能需要先购买开发者权益包）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An access token is made from a client ID and secret and works for about 30 days; then you have to paste a new one. If you have the client ID and secret ({link}), choose the first way instead.</source>
        <translation>访问令牌由 Client ID 和 Client Secret 生成，有效期约 30 天，到期后需要重新粘贴。如果你有 Client ID 和 Client Secret（{link}），请改用第一种方式。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Direct links also need a direct-link space (直链空间, a VIP feature) switched on for the folders that hold your files.</source>
        <translation>另外，存放文件的文件夹需要开启直链空间（VIP 功能）才能获取直链。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Ask 123pan for your account with what is entered above, without saving anything</source>
        <translation>用上面填写的内容向 123云盘查询账号信息，不会保存任何内容</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove the saved credentials from this computer</source>
        <translation>从这台电脑删除已保存的凭据</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the system keyring is locked. Unlock it (usually with your login password) and try again.</source>
        <translation>系统安全存储已锁定。请先解锁（通常用登录密码），然后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no system keyring is available.</source>
        <translation>没有可用的系统安全存储。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keyring could not be opened. Unlock or start it and try again.</source>
        <translation>无法打开系统安全存储。请解锁或启动它，然后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the system keyring refused to save the secret.</source>
        <translation>系统安全存储拒绝保存凭据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keyring refused to remove a saved secret.</source>
        <translation>系统安全存储拒绝删除已保存的凭据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keyring reported a problem ({kind}).</source>
        <translation>系统安全存储报告了一个问题（{kind}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GNOME Keyring / Secret Service</source>
        <translation>GNOME 密钥环 / Secret Service</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KDE Wallet</source>
        <translation>KDE 钱包</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The system keyring refused to save the credentials. They are kept in memory and work until you close the app; next time enter them again. Press Save again to use them now.</source>
        <translation>系统安全存储拒绝保存凭据。凭据保留在内存中，关闭程序之前都可以使用；下次需要重新输入。再按一次“保存”即可立即使用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>123pan Direct Links is already open</source>
        <translation>123云盘直链助手已经打开</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app is already open with your list, but that window does not answer. Close it (or end it in the task manager), then start the app again. A second window is not opened, so your list is not overwritten.</source>
        <translation>程序已经打开了你的列表，但那个窗口没有响应。请关闭它（或在任务管理器中结束它），然后重新启动程序。不会再打开第二个窗口，因此你的列表不会被覆盖。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the system keyring did not answer. Unlock or restart it and try again.</source>
        <translation>系统安全存储没有响应。请解锁或重新启动它，然后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the system keyring did not answer in time.</source>
        <translation>系统安全存储没有及时响应。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keyring refused to save the credentials, so they are kept for this run only.</source>
        <translation>系统安全存储拒绝保存凭据，因此只在本次运行中保留。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo mode: the app uses a built-in sample account on this computer, so there is nothing to enter here. Test connection shows the sample account.</source>
        <translation>演示模式：应用使用本机内置的示例账号，这里无需填写任何内容。点击“测试连接”可以查看示例账号。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set in the environment and used instead of saved values: {names}</source>
        <translation>以下环境变量已设置，将代替保存的值：{names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the client ID and the client secret.</source>
        <translation>请输入 Client ID 和 Client Secret。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste an access token.</source>
        <translation>请粘贴访问令牌。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This does not look like an access token: it must be one piece of text without spaces.</source>
        <translation>这看起来不像访问令牌：令牌应是一段不含空格的文本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save the credentials: {reason}</source>
        <translation>无法保存凭据：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not read the saved credentials: {reason}</source>
        <translation>无法读取已保存的凭据：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account: {nickname}</source>
        <translation>账号：{nickname}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UID: {uid}</source>
        <translation>UID：{uid}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VIP: {label}</source>
        <translation>VIP：{label}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direct-link traffic left: {amount}</source>
        <translation>剩余直链流量：{amount}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direct links need a VIP account with a direct-link space; this account is not VIP.</source>
        <translation>直链需要开通直链空间的 VIP 账号；此账号不是 VIP。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>123pan did not accept this client ID and client secret. Copy both again from the 123pan open platform, completely and without spaces.</source>
        <translation>123云盘不接受这个 Client ID 和 Client Secret。请从 123云盘开放平台重新完整复制两者，不要带空格。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>123pan did not accept this access token: it is wrong, has expired, or was replaced by newer sign-ins. Paste a new token, or use the client ID and secret instead.</source>
        <translation>123云盘不接受这个访问令牌：令牌有误、已过期，或已被新的登录挤下线。请粘贴新的令牌，或改用 Client ID 和 Client Secret。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not reach 123pan. Check your internet connection and proxy settings, then press Test connection again.</source>
        <translation>无法连接 123云盘。请检查网络连接和代理设置，然后再次点击“测试连接”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>123pan is busy and asked to slow down. Wait a minute, then press Test connection again.</source>
        <translation>123云盘繁忙，要求降低请求频率。请等一分钟，然后再次点击“测试连接”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection failed: {reason}</source>
        <translation>连接失败：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected problem ({kind}); see the log file</source>
        <translation>意外问题（{kind}），请查看日志文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per second:</source>
        <translation>每秒请求数：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>123pan allows about 5 direct-link requests per second. Higher values can make 123pan answer “too many requests”; the app then waits and retries.</source>
        <translation>123云盘大约允许每秒 5 次直链请求。设得更高可能导致 123云盘返回“请求过于频繁”，此时应用会等待后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed links</source>
        <translation>鉴权直链</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign links (needs a signing key in Credentials)</source>
        <translation>生成鉴权链接（需要在“凭据”中填写鉴权密钥）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid for:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Path to sign (advanced):</source>
        <translation>签名路径（高级）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decoded path (default)</source>
        <translation>解码后的路径（默认）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encoded path (%XX)</source>
        <translation>编码后的路径（%XX）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change this only if signed links of files with spaces or Chinese names are refused (403).</source>
        <translation>仅当文件名含空格或中文的鉴权链接被拒绝（403）时才需要修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language changes at once.</source>
        <translation>语言会立即切换。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected problem</source>
        <translation>意外问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something unexpected went wrong inside the app. It may keep working, but to be safe copy or export your links and restart it. If it happens again, please send the report below to the developers — it contains no passwords, tokens or keys.</source>
        <translation>应用内部出现了意外问题。应用也许还能继续使用，但为稳妥起见，请先复制或导出你的链接，然后重启应用。如果问题再次出现，请把下面的报告发给开发者 — 报告中不含密码、令牌或密钥。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem report</source>
        <translation>问题报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One more problem happened; see the log file.</source>
        <translation>又发生了 1 个问题，请查看日志文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} more problems happened; see the log file.</source>
        <translation>又发生了 {count} 个问题，请查看日志文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The app could not start</source>
        <translation>应用无法启动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pan123-gui could not start: {reason}</source>
        <translation>pan123-gui 无法启动：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details are in the log file: {path}</source>
        <translation>详细信息见日志文件：{path}</translation>
    </message>
</context>
</TS>
