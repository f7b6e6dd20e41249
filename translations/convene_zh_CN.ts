<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Convene</source>
        <translation>关于 Convene</translation>
    </message>
    <message>
        <source>Convene</source>
        <translation>Convene</translation>
    </message>
    <message>
        <source>Team chat, calendar, documents and calls.</source>
        <translation>团队聊天、日历、文档和通话。</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0.</source>
        <translation>依据 Apache 许可证 2.0 版授权。</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
</context>
<context>
    <name>BackendRegistry</name>
    <message>
        <source>No backend named “%1” is installed (available: %2).</source>
        <translation>未安装名为“%1”的后端（可用：%2）。</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Your calendar is clear</source>
        <translation>日程一片空白</translation>
    </message>
    <message>
        <source>Meetings and invitations from your team appear here in day, week and month views, with reminders and a link to join each call.</source>
        <translation>团队的会议和邀请会显示在这里，可按日、周、月查看，并附有提醒和入会链接。</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>No calls right now</source>
        <translation>当前没有通话</translation>
    </message>
    <message>
        <source>Start a call from a channel, a direct message or a calendar event. Calls in progress and recent calls appear here.</source>
        <translation>可从频道、私信或日历事件发起通话。进行中和最近的通话会显示在这里。</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chat</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>还没有会话</translation>
    </message>
    <message>
        <source>Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.</source>
        <translation>与团队的频道和私信会显示在这里。离线时也能阅读，搜索可找到任何中文或英文消息。</translation>
    </message>
    <message>
        <source>Recent conversations</source>
        <translation>最近的会话</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Team chat, calendar, documents and calls.</source>
        <translation>团队聊天、日历、文档和通话。</translation>
    </message>
    <message>
        <source>Keep all data and settings of this run in &lt;dir&gt;.</source>
        <translation>将本次运行的所有数据和设置保存在 &lt;dir&gt; 中。</translation>
    </message>
    <message>
        <source>Use the backend &lt;name&gt;, e.g. local.</source>
        <translation>使用名为 &lt;name&gt; 的后端，例如 local。</translation>
    </message>
    <message>
        <source>Workspace file for the local backend.</source>
        <translation>本地后端使用的工作区文件。</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>颜色主题：light 或 dark。</translation>
    </message>
    <message>
        <source>Open on the view chat, calendar, docs or calls.</source>
        <translation>启动时打开的视图：chat、calendar、docs 或 calls。</translation>
    </message>
    <message>
        <source>Render the window to the PNG &lt;file&gt; and exit.</source>
        <translation>将窗口渲染为 PNG 文件 &lt;file&gt; 后退出。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>Invalid value “%1” for --%2; expected one of: %3</source>
        <translation>--%2 的值“%1”无效，应为以下之一：%3</translation>
    </message>
    <message>
        <source>--profile needs a directory.</source>
        <translation>--profile 需要指定一个目录。</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot 需要指定文件名。</translation>
    </message>
    <message>
        <source>Ignoring the link %1: it names no view.</source>
        <translation>忽略链接 %1：它没有指向任何视图。</translation>
    </message>
    <message>
        <source>Opening %1; the rest of the link %2 is not supported yet.</source>
        <translation>正在打开 %1；暂不支持链接 %2 的其余部分。</translation>
    </message>
    <message>
        <source>--view %1 wins over the link %2.</source>
        <translation>--view %1 优先于链接 %2。</translation>
    </message>
    <message>
        <source>A convene:// link to open, e.g. convene://calendar.</source>
        <translation>要打开的 convene:// 链接，例如 convene://calendar。</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Online</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>连接出现问题</translation>
    </message>
    <message>
        <source>You can keep working. Changes are saved on this device and sent when the connection returns.</source>
        <translation>你可以继续工作。修改会保存在本设备上，并在连接恢复后发送。</translation>
    </message>
</context>
<context>
    <name>DocsPane</name>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>还没有文档</translation>
    </message>
    <message>
        <source>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</source>
        <translation>与团队共同编写的文档会显示在这里。大家可同时编辑，离线所做的修改会在重新连接后自动合并。</translation>
    </message>
</context>
<context>
    <name>LocalBackend</name>
    <message>
        <source>Convene Demo</source>
        <translation>Convene 演示</translation>
    </message>
    <message>
        <source>Hi %1, welcome aboard! Ping me here if you need anything. 有问题随时找我。</source>
        <translation>你好 %1，欢迎加入！有任何需要，随时在这里找我。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Convene</source>
        <translation>Convene</translation>
    </message>
</context>
<context>
    <name>ManagedBadge</name>
    <message>
        <source>Managed by your organization</source>
        <translation>由你的组织管理</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <source>Chat</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>About Convene</source>
        <translation>关于 Convene</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Restart Convene to use the new language.</source>
        <translation>重新启动 Convene 后将使用新语言。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>How you appear on this device.</source>
        <translation>你在此设备上显示的名称。</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Where your workspace lives. Takes effect the next time Convene starts.</source>
        <translation>工作区所在的位置。下次启动 Convene 时生效。</translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation>本地工作区</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>勿扰模式</translation>
    </message>
    <message>
        <source>Pause desktop notifications.</source>
        <translation>暂停桌面通知。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Address of your organization's server, for network backends.</source>
        <translation>你组织的服务器地址，供网络后端使用。</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Leave empty to use the system proxy.</source>
        <translation>留空则使用系统代理。</translation>
    </message>
</context>
<context>
    <name>convene::AppController</name>
    <message>
        <source>Guest</source>
        <translation>访客</translation>
    </message>
</context>
<context>
    <name>convene::AppRoot</name>
    <message>
        <source>Convene Demo</source>
        <translation>Convene 演示</translation>
    </message>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation>无法创建配置目录 %1。</translation>
    </message>
    <message>
        <source>The main window could not be created.</source>
        <translation>无法创建主窗口。</translation>
    </message>
</context>
<context>
    <name>convene::Settings</name>
    <message>
        <source>Unknown setting “%1”.</source>
        <translation>未知设置“%1”。</translation>
    </message>
    <message>
        <source>This setting is managed by your organization.</source>
        <translation>此设置由你的组织管理。</translation>
    </message>
    <message>
        <source>Invalid value for setting “%1”.</source>
        <translation>设置“%1”的值无效。</translation>
    </message>
    <message>
        <source>Could not save settings to %1.</source>
        <translation>无法将设置保存到 %1。</translation>
    </message>
</context>
<context>
    <name>convene::backends::local::LocalBackend</name>
    <message>
        <source>The workspace is unreachable.</source>
        <translation>无法访问工作区。</translation>
    </message>
    <message>
        <source>No user id was configured for this profile.</source>
        <translation>此配置文件未设置用户 ID。</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>The request was lost.</source>
        <translation>请求已丢失。</translation>
    </message>
    <message>
        <source>This is too large to send (%1 KB; the limit is %2 KB).</source>
        <translation>内容过大，无法发送（%1 KB；上限为 %2 KB）。</translation>
    </message>
    <message>
        <source>The change is incomplete and was refused.</source>
        <translation>更改不完整，已被拒绝。</translation>
    </message>
    <message>
        <source>The file is too large to upload.</source>
        <translation>文件过大，无法上传。</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>文件已不存在。</translation>
    </message>
</context>
<context>
    <name>convene::sync::SyncEngine</name>
    <message>
        <source>The local cache is not available.</source>
        <translation>本地缓存不可用。</translation>
    </message>
    <message>
        <source>Could not queue the change: %1</source>
        <translation>无法将修改加入发送队列：%1</translation>
    </message>
    <message>
        <source>You are offline; try again when the connection is back.</source>
        <translation>你当前处于离线状态，请在连接恢复后重试。</translation>
    </message>
</context>
</TS>