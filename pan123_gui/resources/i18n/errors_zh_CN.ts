<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/wording/errors.py" line="+28"/>
        <source>not in a direct-link folder</source>
        <translation>不在直链空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is not in a direct-link folder. Once the row names the folder, its menu can enable the folder&apos;s 直链空间 (direct-link space, VIP); or share the file with a share link instead.</source>
        <translation>此文件不在直链空间中。这一行显示出所在文件夹后，可在右键菜单中为该文件夹开启直链空间（需会员）；也可以改用分享链接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>direct-link traffic used up</source>
        <translation>直链流量不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The direct-link traffic of this 123pan account is used up (the status bar shows what is left). Buy more direct-link traffic in 123pan, or wait until it renews, then retry; a share link needs none.</source>
        <translation>此123云盘账号的直链流量已用完（状态栏显示剩余流量）。请在123云盘购买直链流量，或等流量恢复后再重试；分享链接不需要直链流量。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>access token invalid or expired</source>
        <translation>访问令牌无效或已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The access token is invalid or has expired. Open Credentials and sign in again.</source>
        <translation>访问令牌（access_token）无效或已过期。请打开“凭据”重新登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too many requests</source>
        <translation>请求过于频繁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan received too many requests and asked to slow down. Lower the request rate in Settings, then use Retry failed.</source>
        <translation>请求过于频繁，123云盘要求放慢速度。请在“设置”中调低请求速率，然后点击“重试失败项”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>file not found</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan has no file with this ID. Check that the ID is right and that the file has not been deleted.</source>
        <translation>123云盘中没有此 ID 对应的文件。请检查 ID 是否正确，以及文件是否已被删除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ID is a folder. Direct links exist only for files: use the IDs of the files inside it.</source>
        <translation>此 ID 是一个文件夹。直链只适用于文件：请改用文件夹内各个文件的 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is in the 123pan recycle bin. Restore it in the 123pan app first, then use Retry failed.</source>
        <translation>此文件在123云盘的回收站中。请先在123云盘中将它还原，然后点击“重试失败项”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>network problem</source>
        <translation>网络异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach 123pan. Check your internet connection and proxy settings, then use Retry failed.</source>
        <translation>无法连接到123云盘。请检查网络连接和代理设置，然后点击“重试失败项”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected answer from 123pan</source>
        <translation>123云盘响应异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan sent an unexpected answer (the service may be busy). Retry later.</source>
        <translation>123云盘返回了无法识别的响应（服务可能繁忙）。请稍后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unusable link</source>
        <translation>链接不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan returned a link that is not an http(s) web address, so it was not opened or copied. Retry later; if it keeps happening, report it.</source>
        <translation>123云盘返回的链接不是 http(s) 网址，因此没有打开或复制。请稍后重试；如果一直出现，请反馈此问题。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no credentials</source>
        <translation>未设置凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No 123pan credentials are set. Open Credentials and enter an access token, or a client ID and client secret.</source>
        <translation>尚未设置123云盘凭据。请打开“凭据”，填写访问令牌（access_token），或填写 client_id 和 client_secret。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled before it finished. Use Retry failed to get this link again.</source>
        <translation>在完成前已取消。点击“重试失败项”可重新获取此链接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>could not sign the link</source>
        <translation>链接签名失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link could not be signed. Add the signing key (URL authentication key) in Credentials, or turn signing off in Settings.</source>
        <translation>无法为链接签名。请在“凭据”中填写直链鉴权密钥，或在“设置”中关闭链接签名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link ready</source>
        <translation>已获取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>123pan error</source>
        <translation>123云盘错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan error {code}</source>
        <translation>123云盘错误 {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown problem</source>
        <translation>未知问题</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>123pan said: {message} (code {code})</source>
        <translation>123云盘提示：{message}（代码 {code}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>123pan said: {message}</source>
        <translation>123云盘提示：{message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>123pan reported error code {code}. Retry later.</source>
        <translation>123云盘返回错误代码 {code}。请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>123pan reported an error. Retry later.</source>
        <translation>123云盘返回了错误。请稍后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong: {message}. Retry later.</source>
        <translation>出现问题：{message}。请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. Retry later.</source>
        <translation>出现问题。请稍后重试。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trace ID for 123pan support: {trace}</source>
        <translation>联系123云盘客服时请提供 Trace ID：{trace}</translation>
    </message>
    <message>
        <location filename="../../ui/results/model.py" line="+354"/>
        <location filename="../../ui/wording/errors.py" line="+6"/>
        <source>Failed: {reason}</source>
        <extracomment>Removing rows scattered over more blocks than this resets the model instead of one rowsRemoved per block. (file ID, status, result, name, size, path, relative folder): one row as the kept list writes it.</extracomment>
        <translation>失败：{reason}</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <location line="-291"/>
        <source>ID</source>
        <translation>文件 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>直链</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(top of the drive)</source>
        <translation>（云盘根目录）</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>The signed link has expired. Re-sign it to get a fresh link.</source>
        <translation>签名链接已过期。请重新签名以获取新链接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expired at {time} (local time)</source>
        <translation>已于 {time} 过期（本地时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires at {time} (local time)</source>
        <translation>{time} 过期（本地时间）</translation>
    </message>
</context>
</TS>
