<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <message>
        <source>Keyboard shortcuts (%1)</source>
        <translation>键盘快捷键（%1）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Demo workspace on this computer</source>
        <translation>本机上的演示工作区</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign in to a server…</source>
        <translation>登录到服务器…</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Nothing planned from %1 to %2.</source>
        <translation>%1 至 %2 暂无日程。</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程列表</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <extracomment>Date format of a day&apos;s heading in the agenda (Qt date format)</extracomment>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Could not be saved</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>视频会议</translation>
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
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录为 %1（%2）</translation>
    </message>
</context>
<context>
    <name>AttachFilesDialog</name>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AttachmentCard</name>
    <message>
        <source>Image too large to preview</source>
        <translation>图片太大，无法预览</translation>
    </message>
    <message>
        <source>Could not be downloaded</source>
        <translation>无法下载</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message numerus="yes">
        <source>%n more attachments not shown</source>
        <translation>
            <numerusform>另有 %n 个附件未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackendChoice</name>
    <message>
        <source>Your organization allows only the backends %1, and none of them is installed.</source>
        <translation>您的组织只允许使用后端 %1，但其中没有一个已安装。</translation>
    </message>
    <message>
        <source>Your organization does not allow the backend “%1”; Convene uses “%2” instead.</source>
        <translation>您的组织不允许使用后端“%1”；Convene 改用“%2”。</translation>
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
    <name>CacheProblemWindow</name>
    <message>
        <source>Cache problem — Convene</source>
        <translation>缓存问题 — Convene</translation>
    </message>
    <message>
        <source>The data saved on this device is damaged</source>
        <translation>此设备上保存的数据已损坏</translation>
    </message>
    <message>
        <source>Convene keeps a copy of your workspace on this device, and that copy cannot be read. Your messages, events and documents are safe on the server: rebuilding downloads them again. The damaged file is kept, renamed, next to the new one.</source>
        <translation>Convene 在此设备上保存了工作区的副本，但该副本无法读取。您的消息、日程和文档都安全地保存在服务器上：重建会重新下载它们。损坏的文件会改名后保留在新文件旁边。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet will be carried over and sent.</source>
        <translation>
            <numerusform>%n 项尚未发送的更改将被保留并发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1
Problem: %2</source>
        <translation>文件：%1
问题：%2</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Rebuilding…</source>
        <translation>正在重建…</translation>
    </message>
    <message>
        <source>Rebuild from server</source>
        <translation>从服务器重建</translation>
    </message>
</context>
<context>
    <name>CalendarMenu</name>
    <message>
        <source>Import .ics…</source>
        <translation>导入 .ics…</translation>
    </message>
    <message>
        <source>Import events from an .ics file</source>
        <translation>从 .ics 文件导入日程</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <source>Export the calendar to an .ics file</source>
        <translation>将日历导出为 .ics 文件</translation>
    </message>
    <message>
        <source>Calendar files</source>
        <translation>日历文件</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>CalendarToolbar</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <source>Shortcut: T</source>
        <translation>快捷键：T</translation>
    </message>
    <message>
        <source>Today (T)</source>
        <translation>今天（T）</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <source>Calendar view</source>
        <translation>日历视图</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程列表</translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Shortcut: N</source>
        <translation>快捷键：N</translation>
    </message>
    <message>
        <source>New event (N)</source>
        <translation>新建日程（N）</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Only the organizer can change this event.</source>
        <translation>只有组织者可以修改此日程。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Calendar entries that could not be read: %1. The first: %2</source>
        <translation>有 %1 条日历条目无法读取。第一条：%2</translation>
    </message>
    <message>
        <source>A calendar entry could not be read: %1</source>
        <translation>有一条日历条目无法读取：%1</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>暂无日程</translation>
    </message>
    <message>
        <source>Meetings and invitations from your team appear here. Create one, drag across the week to pick a time, or import an .ics file from another calendar.</source>
        <translation>团队的会议和邀请会显示在这里。你可以新建日程、在周视图中拖动选择时间，或从其他日历导入 .ics 文件。</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Drop .ics files to import their events</source>
        <translation>将 .ics 文件拖放到此处以导入日程</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Call in %1</source>
        <translation>%1 中的通话</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the call</source>
        <translation>
            <numerusform>通话中有 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Call duration %1</source>
        <translation>通话时长 %1</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <source>Turn camera on</source>
        <translation>开启摄像头</translation>
    </message>
    <message>
        <source>Back to call</source>
        <translation>返回通话</translation>
    </message>
    <message>
        <source>Show the call</source>
        <translation>显示通话</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>离开通话</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <source>Turn camera on</source>
        <translation>开启摄像头</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Camera, microphone and speaker</source>
        <translation>摄像头、麦克风和扬声器</translation>
    </message>
    <message>
        <source>Hide connection stats</source>
        <translation>隐藏连接统计</translation>
    </message>
    <message>
        <source>Show connection stats</source>
        <translation>显示连接统计</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>离开通话</translation>
    </message>
</context>
<context>
    <name>CallHeader</name>
    <message>
        <source>Call duration %1</source>
        <translation>通话时长 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the call</source>
        <translation>
            <numerusform>通话中有 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallLinkRefusal</name>
    <message>
        <source>You cannot join this call</source>
        <translation>您无法加入此通话</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>CallStats</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Video %1×%2 at %3 fps</source>
        <translation>视频分辨率 %1×%2，帧率 %3 fps</translation>
    </message>
    <message>
        <source>Bitrate %1 kbit/s video, %2 kbit/s audio</source>
        <translation>码率：视频 %1 kbit/s，音频 %2 kbit/s</translation>
    </message>
    <message>
        <source>Latency %1 (measured)</source>
        <translation>延迟 %1（实测）</translation>
    </message>
    <message>
        <source>Latency %1 (estimated)</source>
        <translation>延迟 %1（估算）</translation>
    </message>
    <message>
        <source>Sending %1×%2 at %3 fps</source>
        <translation>发送分辨率 %1×%2，帧率 %3 fps</translation>
    </message>
    <message>
        <source>Bitrate %1 of %2 kbit/s video, %3 kbit/s audio</source>
        <extracomment>Video sent (%1) against its target (%2), then audio sent (%3), all in kbit/s</extracomment>
        <translation>码率：视频 %1 kbit/s（目标 %2 kbit/s），音频 %3 kbit/s</translation>
    </message>
    <message>
        <source>Packet loss %1%, jitter %2</source>
        <extracomment>%1 is a percentage such as 1.5, %2 a duration such as &quot;3 ms&quot;</extracomment>
        <translation>丢包率 %1%，抖动 %2</translation>
    </message>
    <message>
        <source>Round-trip time %1</source>
        <translation>往返时延 %1</translation>
    </message>
    <message>
        <source>Resent %1 packets on request, refused %2</source>
        <extracomment>Video packets this participant asked to have sent again (NACK): %1 were, %2 were refused (over the limits)</extracomment>
        <translation>应请求重发 %1 个数据包，拒绝 %2 个</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Encrypted: %1</source>
        <translation>已加密：%1</translation>
    </message>
    <message>
        <source>Path %1, %2 packets rejected</source>
        <extracomment>%1 is an address and port; %2 counts packets that failed authentication or came twice</extracomment>
        <translation>路径 %1，已拒绝 %2 个数据包</translation>
    </message>
    <message>
        <source>Route not known</source>
        <translation>路由未知</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>路由 %1</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Joining the call…</source>
        <translation>正在加入通话…</translation>
    </message>
</context>
<context>
    <name>ChannelDetailsDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>频道名称</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Channel topic</source>
        <translation>频道主题</translation>
    </message>
    <message>
        <source>Set topic</source>
        <translation>设置主题</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>静音通知</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>成员（%1）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（你）</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>退出频道</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Add people by name or pinyin initials</source>
        <translation>按姓名或拼音首字母添加成员</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>ChannelMenu</name>
    <message>
        <source>Actions for %1</source>
        <translation>%1 的操作</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>设为星标</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
</context>
<context>
    <name>ChannelRow</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n 条提及</numerusform>
        </translation>
    </message>
    <message>
        <source>Private channel</source>
        <translation>私有频道</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>私信</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>ChannelSidebar</name>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Jump to… (Ctrl+K)</source>
        <translation>跳转到…（Ctrl+K）</translation>
    </message>
    <message>
        <source>New channel or message</source>
        <translation>新建频道或消息</translation>
    </message>
    <message>
        <source>Create a channel…</source>
        <translation>创建频道…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>新建私信…</translation>
    </message>
    <message>
        <source>Browse channels…</source>
        <translation>浏览频道…</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新建会话</translation>
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
        <source>Hide conversations</source>
        <translation>隐藏会话列表</translation>
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
    <message>
        <source>Sign in to the server &lt;host[:port]&gt; (network backends).</source>
        <translation>登录到服务器 &lt;host[:port]&gt;（网络后端）。</translation>
    </message>
</context>
<context>
    <name>CompletionPopup</name>
    <message>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>表情</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>将文件拖放到这里即可添加为附件</translation>
    </message>
    <message>
        <source>Editing message · Enter to save, Esc to cancel</source>
        <translation>正在编辑消息 · 按 Enter 保存，按 Esc 取消</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>%1, uploading</source>
        <translation>%1，上传中</translation>
    </message>
    <message>
        <source>%1, not uploaded: %2</source>
        <translation>%1，未上传：%2</translation>
    </message>
    <message>
        <source>%1, ready to send</source>
        <translation>%1，可以发送</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <message numerus="yes">
        <source>Some history of %n conversation(s) could not be loaded. Convene keeps trying.</source>
        <translation>
            <numerusform>%n 个会话的部分历史记录无法加载。Convene 会继续尝试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Remove star</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star this conversation</source>
        <translation>将此会话设为星标</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Members and details</source>
        <translation>成员和详情</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>会话详情</translation>
    </message>
    <message>
        <source>Back to call</source>
        <translation>返回通话</translation>
    </message>
    <message>
        <source>Join call</source>
        <translation>加入通话</translation>
    </message>
    <message>
        <source>Start a voice call</source>
        <translation>发起语音通话</translation>
    </message>
    <message>
        <source>Start a video call</source>
        <translation>发起视频通话</translation>
    </message>
</context>
<context>
    <name>ConversationRail</name>
    <message>
        <source>Show conversations</source>
        <translation>显示会话列表</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>搜索消息（Ctrl+F）</translation>
    </message>
    <message>
        <source>Jump to… (Ctrl+K)</source>
        <translation>跳转到…（Ctrl+K）</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>多人正在输入…</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>发送到 #%1</translation>
    </message>
    <message>
        <source>You are viewing #%1</source>
        <translation>你正在查看 #%1</translation>
    </message>
    <message>
        <source>Join channel</source>
        <translation>加入频道</translation>
    </message>
    <message>
        <source>Message %1</source>
        <comment>composer placeholder; %1 is the other person</comment>
        <translation>发送给 %1</translation>
    </message>
</context>
<context>
    <name>CreateChannelDialog</name>
    <message>
        <source>Create a channel</source>
        <translation>创建频道</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. marketing or 市场部</source>
        <translation>例如 marketing 或 市场部</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>频道名称</translation>
    </message>
    <message>
        <source>Topic (optional)</source>
        <translation>主题（可选）</translation>
    </message>
    <message>
        <source>What is this channel about?</source>
        <translation>这个频道主要讨论什么？</translation>
    </message>
    <message>
        <source>Channel topic</source>
        <translation>频道主题</translation>
    </message>
    <message>
        <source>Private channel</source>
        <translation>私有频道</translation>
    </message>
    <message>
        <source>Only invited people can find and read it.</source>
        <translation>只有受邀的人才能找到并查看此频道。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No password is saved for this account.</source>
        <translation>此账户没有保存密码。</translation>
    </message>
    <message>
        <source>No keychain service is running on this computer, so Convene cannot remember your password. You will be asked for it each time Convene starts.</source>
        <translation>此计算机上没有运行钥匙串服务，因此 Convene 无法记住您的密码。每次启动 Convene 时都会要求您输入密码。</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>访问钥匙串被拒绝。</translation>
    </message>
    <message>
        <source>Convene could not use the keychain (%1), so it cannot remember your password. You will be asked for it each time Convene starts.</source>
        <translation>Convene 无法使用钥匙串（%1），因此无法记住您的密码。每次启动 Convene 时都会要求您输入密码。</translation>
    </message>
</context>
<context>
    <name>DeleteDocumentDialog</name>
    <message>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <source>Delete “%1”? No one can open it any more. It stays in Deleted, where you can restore it.</source>
        <translation>确定删除“%1”吗？删除后任何人都无法再打开它。文档会保留在“已删除”中，你可以在那里恢复。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>要为所有人删除这条消息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DeviceMenu</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>DeviceSection</name>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
</context>
<context>
    <name>DocFileDialog</name>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Import a Markdown file</source>
        <translation>导入 Markdown 文件</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation>导出为 HTML</translation>
    </message>
    <message>
        <source>Export as OpenDocument text</source>
        <translation>导出为 OpenDocument 文本</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>导出为 Markdown</translation>
    </message>
    <message>
        <source>Markdown files (*.md *.markdown)</source>
        <translation>Markdown 文件 (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument 文本 (*.odt)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>DocListEmptyState</name>
    <message>
        <source>Loading documents…</source>
        <translation>正在加载文档…</translation>
    </message>
    <message>
        <source>No documents match</source>
        <translation>没有匹配的文档</translation>
    </message>
    <message>
        <source>Nothing starred yet</source>
        <translation>还没有加星标的文档</translation>
    </message>
    <message>
        <source>Nothing shared with you yet</source>
        <translation>还没有与你共享的文档</translation>
    </message>
    <message>
        <source>You have not created a document yet</source>
        <translation>你还没有创建过文档</translation>
    </message>
    <message>
        <source>No deleted documents</source>
        <translation>没有已删除的文档</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>还没有文档</translation>
    </message>
    <message>
        <source>Try other words. Titles and text are both searched.</source>
        <translation>换个关键词试试。标题和正文都会被搜索。</translation>
    </message>
    <message>
        <source>Star the documents you come back to, and they wait for you here.</source>
        <translation>为常用文档加上星标，就能在这里快速找到。</translation>
    </message>
    <message>
        <source>Documents your colleagues create show up here.</source>
        <translation>同事创建的文档会显示在这里。</translation>
    </message>
    <message>
        <source>Documents you create show up here.</source>
        <translation>你创建的文档会显示在这里。</translation>
    </message>
    <message>
        <source>Documents you delete stay here, so you can restore them.</source>
        <translation>你删除的文档会保留在这里，可随时恢复。</translation>
    </message>
    <message>
        <source>Write something together: everyone edits at the same time, even offline.</source>
        <translation>一起来写点什么吧：大家可以同时编辑，离线也没问题。</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文档</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
</context>
<context>
    <name>DocOpeningIndicator</name>
    <message>
        <source>Opening the document…</source>
        <translation>正在打开文档…</translation>
    </message>
</context>
<context>
    <name>DocTab</name>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>关闭“%1”</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DocTabStrip</name>
    <message>
        <source>Hide the document list</source>
        <translation>隐藏文档列表</translation>
    </message>
    <message>
        <source>Show the document list</source>
        <translation>显示文档列表</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>已打开的文档</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文档</translation>
    </message>
</context>
<context>
    <name>DocTitleField</name>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>DocToolButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DocsPane</name>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>DocsSidebar</name>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>与我共享</translation>
    </message>
    <message>
        <source>Created by me</source>
        <translation>我创建的</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文档</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Import Markdown…</source>
        <translation>导入 Markdown…</translation>
    </message>
    <message>
        <source>Import a Markdown file as a new document</source>
        <translation>将 Markdown 文件导入为新文档</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>搜索文档</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Show documents</source>
        <translation>筛选文档</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配结果</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个结果</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个结果</translation>
    </message>
</context>
<context>
    <name>DocsToast</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DocsView</name>
    <message>
        <source>Docs</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>链接已复制</translation>
    </message>
    <message>
        <source>“%1” deleted</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Restored “%1”</source>
        <translation>已恢复“%1”</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>已恢复到较早的版本</translation>
    </message>
    <message>
        <source>Hide the document list</source>
        <translation>隐藏文档列表</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文档</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>还没有文档</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <source>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</source>
        <translation>与团队共同编写的文档会显示在这里。大家可同时编辑，离线所做的修改会在重新连接后自动合并。</translation>
    </message>
    <message>
        <source>Open a document from the list, or create one.</source>
        <translation>从列表中打开文档，或新建一个。</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>文档：%1</translation>
    </message>
    <message>
        <source>Continue writing at the end</source>
        <translation>在末尾继续输入</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>已导出到“%1”</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Actions for “%1”</source>
        <translation>“%1”的操作</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Saved on this computer — sends when you are back online</source>
        <translation>已保存在本机，联网后自动发送</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>%1 创建</translation>
    </message>
    <message>
        <source>Edited %1 by %2</source>
        <translation>%2 编辑于 %1</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>编辑于 %1</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>设为星标</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore “%1”</source>
        <translation>恢复“%1”</translation>
    </message>
</context>
<context>
    <name>DocumentRowMenu</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>设为星标</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore the document</source>
        <translation>恢复文档</translation>
    </message>
</context>
<context>
    <name>DocumentText</name>
    <message>
        <source>Start writing, or type # for a heading, - for a list…</source>
        <translation>开始输入，或输入 # 添加标题、- 添加列表…</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文档正文</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji</source>
        <translation>搜索表情</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>表情</translation>
    </message>
</context>
<context>
    <name>EventDetailsPopup</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation>已委托</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>待回复</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>编辑日程</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除日程</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Could not be saved: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Could not be saved.</source>
        <translation>保存失败。</translation>
    </message>
    <message>
        <source>Not sent yet. It is kept on this device and sent when the connection is back.</source>
        <translation>尚未发送。已保存在此设备上，网络恢复后将自动发送。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>放弃此更改</translation>
    </message>
    <message>
        <source>This event was cancelled.</source>
        <translation>此日程已取消。</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复日程</translation>
    </message>
    <message>
        <source>Join call</source>
        <translation>加入会议</translation>
    </message>
    <message>
        <source>Join the event&apos;s call</source>
        <translation>加入此日程的视频会议</translation>
    </message>
    <message>
        <source>The call was cancelled with the event.</source>
        <translation>视频会议已随日程一同取消。</translation>
    </message>
    <message>
        <source>You can join from 10 minutes before the start.</source>
        <translation>日程开始前 10 分钟起可加入。</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>组织者：%1</translation>
    </message>
    <message>
        <source>Guests: %1</source>
        <translation>参与者 %1 人</translation>
    </message>
    <message>
        <source>%1 yes, %2 maybe, %3 no, %4 awaiting</source>
        <translation>%1 人接受，%2 人待定，%3 人拒绝，%4 人待回复</translation>
    </message>
    <message>
        <source>Going?</source>
        <translation>是否参加？</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Add a note for the organizer (optional)</source>
        <translation>给组织者留言（可选）</translation>
    </message>
    <message>
        <source>Note for the organizer</source>
        <translation>给组织者的留言</translation>
    </message>
    <message>
        <source>Export as .ics</source>
        <translation>导出为 .ics</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <source>Edit event</source>
        <translation>编辑日程</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Enter the start date as YYYY-MM-DD, e.g. %1.</source>
        <translation>请按 YYYY-MM-DD 格式输入开始日期，例如 %1。</translation>
    </message>
    <message>
        <source>Enter the start time as HH:MM, e.g. 14:30.</source>
        <translation>请按 HH:MM 格式输入开始时间，例如 14:30。</translation>
    </message>
    <message>
        <source>Enter the start time like 2:30 PM.</source>
        <translation>请按“下午2:30”这样的格式输入开始时间。</translation>
    </message>
    <message>
        <source>Enter the end date as YYYY-MM-DD, e.g. %1.</source>
        <translation>请按 YYYY-MM-DD 格式输入结束日期，例如 %1。</translation>
    </message>
    <message>
        <source>Enter the end time as HH:MM, e.g. 15:30.</source>
        <translation>请按 HH:MM 格式输入结束时间，例如 15:30。</translation>
    </message>
    <message>
        <source>Enter the end time like 3:30 PM.</source>
        <translation>请按“下午3:30”这样的格式输入结束时间。</translation>
    </message>
    <message>
        <source>At start</source>
        <translation>开始时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>%1 days before</source>
        <translation>提前 %1 天</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>%1 hours before</source>
        <translation>提前 %1 小时</translation>
    </message>
    <message>
        <source>%1 min before</source>
        <translation>提前 %1 分钟</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>添加标题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Repeat rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE</source>
        <translation>重复规则，例如 FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE</translation>
    </message>
    <message>
        <source>Custom repeat rule (RRULE)</source>
        <translation>自定义重复规则（RRULE）</translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation>添加地点</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Add video call</source>
        <translation>添加视频会议</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>Remind %1</source>
        <translation>%1提醒</translation>
    </message>
    <message>
        <source>Add notes: an agenda, links, what to prepare</source>
        <translation>添加备注：议程、链接、需要准备的内容</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ExportMenuButton</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Markdown (.md)…</source>
        <translation>Markdown (.md)…</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>导出为 Markdown</translation>
    </message>
    <message>
        <source>Web page (.html)…</source>
        <translation>网页 (.html)…</translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation>导出为 HTML</translation>
    </message>
    <message>
        <source>OpenDocument text (.odt)…</source>
        <translation>OpenDocument 文本 (.odt)…</translation>
    </message>
    <message>
        <source>Export as OpenDocument text</source>
        <translation>导出为 OpenDocument 文本</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>Welcome — Convene</source>
        <translation>欢迎 — Convene</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>欢迎加入 %1</translation>
    </message>
    <message>
        <source>What should people call you? Everyone in the workspace sees this name next to your messages. You can change it later in Settings.</source>
        <translation>大家该怎么称呼你？工作区中的每个人都会在你的消息旁看到这个名字。之后可以在设置中修改。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>e.g. Ana Lima or 王芳</source>
        <translation>例如 Ana Lima 或 王芳</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Welcome to Convene</source>
        <translation>欢迎使用 Convene</translation>
    </message>
</context>
<context>
    <name>FormattingToolbar</name>
    <message>
        <source>Formatting</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>删除线</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Inline code</source>
        <translation>行内代码</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>无序列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>有序列表</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>代码块</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Mention someone</source>
        <translation>提及某人</translation>
    </message>
</context>
<context>
    <name>GuestPicker</name>
    <message>
        <source>Add guests by name</source>
        <translation>按姓名添加参与者</translation>
    </message>
    <message>
        <source>Find people to invite</source>
        <translation>查找要邀请的人</translation>
    </message>
    <message>
        <source>Invite %1</source>
        <translation>邀请 %1</translation>
    </message>
    <message>
        <source>No one by that name.</source>
        <translation>未找到此人。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Busy times</source>
        <translation>忙碌时段</translation>
    </message>
    <message>
        <source>When %1 is busy that day</source>
        <translation>%1 当天的忙碌时段</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Back to the document</source>
        <translation>返回文档</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters added</source>
        <translation>
            <numerusform>新增 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters removed</source>
        <translation>
            <numerusform>删除 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>compared with the version before</source>
        <translation>与上一版本相比</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>The version&apos;s text</source>
        <translation>此版本的内容</translation>
    </message>
    <message>
        <source>Close version history</source>
        <translation>关闭版本历史</translation>
    </message>
    <message>
        <source>Save version…</source>
        <translation>保存版本…</translation>
    </message>
    <message>
        <source>Save a named version</source>
        <translation>保存命名版本</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>No versions yet. Versions are saved as you edit, and you can name one any time.</source>
        <translation>还没有版本。编辑时会自动保存版本，你也可以随时保存命名版本。</translation>
    </message>
    <message>
        <source>Restore this version?</source>
        <translation>恢复此版本？</translation>
    </message>
    <message>
        <source>The document goes back to “%1” for everyone. What it has now stays in the history, so you can go back to it.</source>
        <translation>文档将为所有人恢复到“%1”。当前内容会保留在版本历史中，你可以随时恢复。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>IcsFileDialog</name>
    <message>
        <source>Export the calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>导入日程</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export the event</source>
        <translation>导出日程</translation>
    </message>
</context>
<context>
    <name>ImageDropArea</name>
    <message>
        <source>Drop images to add them here</source>
        <translation>将图片拖放到这里即可插入</translation>
    </message>
</context>
<context>
    <name>IncomingCallBanner</name>
    <message>
        <source>%1 is calling</source>
        <translation>%1 正在呼叫你</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Where the call comes from: %1 is a channel (&quot;#name&quot;) or the people of a group message</extracomment>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>语音通话</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Decline the call</source>
        <translation>拒绝通话</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Accept the call</source>
        <translation>接听通话</translation>
    </message>
</context>
<context>
    <name>InvitationCard</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation>已委托</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>尚未回复</translation>
    </message>
    <message>
        <source>Invitation: %1, %2</source>
        <translation>日程邀请：%1，%2</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Calendar invitation</source>
        <translation>日程邀请</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>组织者：%1</translation>
    </message>
    <message>
        <source>This event is no longer in the calendar.</source>
        <translation>此日程已不在日历中。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>You organize this event.</source>
        <translation>你是此日程的组织者。</translation>
    </message>
    <message>
        <source>Your answer: %1</source>
        <translation>你的回复：%1</translation>
    </message>
    <message>
        <source>You are not invited to this event.</source>
        <translation>你未受邀参加此日程。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>A selected message</source>
        <translation>选中的消息</translation>
    </message>
    <message>
        <source>Writing a message</source>
        <translation>撰写消息</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Go to Chat</source>
        <translation>转到聊天</translation>
    </message>
    <message>
        <source>Go to Calendar</source>
        <translation>转到日历</translation>
    </message>
    <message>
        <source>Go to Docs</source>
        <translation>转到文档</translation>
    </message>
    <message>
        <source>Go to Calls</source>
        <translation>转到通话</translation>
    </message>
    <message>
        <source>Move to the next part of the window</source>
        <translation>移到窗口的下一部分</translation>
    </message>
    <message>
        <source>Move to the previous part of the window</source>
        <translation>移到窗口的上一部分</translation>
    </message>
    <message>
        <source>Move to the next control</source>
        <translation>移到下一个控件</translation>
    </message>
    <message>
        <source>Move to the previous control</source>
        <translation>移到上一个控件</translation>
    </message>
    <message>
        <source>Close the innermost panel, menu or dialog</source>
        <translation>关闭最内层的面板、菜单或对话框</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>显示键盘快捷键</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
    <message>
        <source>First item</source>
        <translation>第一项</translation>
    </message>
    <message>
        <source>Last item</source>
        <translation>最后一项</translation>
    </message>
    <message>
        <source>Open the item; on a message, its actions</source>
        <translation>打开该项；在消息上则打开其操作</translation>
    </message>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>跳转到会话或联系人</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>上一个会话</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>下一个会话</translation>
    </message>
    <message>
        <source>Star, mute or leave the conversation selected in the list</source>
        <translation>对列表中选中的会话加星标、静音或退出</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>添加表情回应</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>在话题中回复</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>编辑你的消息</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Delete your message</source>
        <translation>删除你的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>编辑你的上一条消息（输入框为空时）</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Insert a tab character</source>
        <translation>插入制表符</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>日视图</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>月视图</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程列表</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一时段</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一时段</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>关闭文档</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>下一个文档</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>上一个文档</translation>
    </message>
    <message>
        <source>Show or hide the document list</source>
        <translation>显示或隐藏文档列表</translation>
    </message>
    <message>
        <source>Answer an incoming call</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <source>Decline an incoming call</source>
        <translation>拒接来电</translation>
    </message>
    <message>
        <source>Mute or unmute the microphone</source>
        <translation>麦克风静音或取消静音</translation>
    </message>
    <message>
        <source>Turn the camera on or off</source>
        <translation>打开或关闭摄像头</translation>
    </message>
    <message>
        <source>Show or hide the call statistics</source>
        <translation>显示或隐藏通话统计</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>离开通话</translation>
    </message>
    <message>
        <source>The days of the month view</source>
        <translation>月视图中的日期</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Same day a week earlier</source>
        <translation>上周同一天</translation>
    </message>
    <message>
        <source>Same day a week later</source>
        <translation>下周同一天</translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation>本周第一天</translation>
    </message>
    <message>
        <source>Last day of the week</source>
        <translation>本周最后一天</translation>
    </message>
    <message>
        <source>Same day a month earlier</source>
        <translation>上个月同一天</translation>
    </message>
    <message>
        <source>Same day a month later</source>
        <translation>下个月同一天</translation>
    </message>
    <message>
        <source>New all-day event on the day</source>
        <translation>在这一天新建全天日程</translation>
    </message>
    <message>
        <source>The month overview beside the calendar (arrows and page keys as in the month view)</source>
        <translation>日历旁的月份概览（方向键和翻页键与月视图相同）</translation>
    </message>
    <message>
        <source>Show the day</source>
        <translation>显示这一天</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Edit link</source>
        <translation>编辑链接</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <source>Enter a web address (https://…), an email address or a document link.</source>
        <translation>请输入网址（https://…）、电子邮件地址或文档链接。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Text to show</source>
        <translation>显示文本</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>https://example.com</source>
        <translation>https://example.com</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除链接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
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
    <message>
        <source>Welcome call with Li Wei</source>
        <translation>与 Li Wei 的欢迎会议</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>视频会议</translation>
    </message>
    <message>
        <source>You are not a member of this conversation.</source>
        <translation>您不是此会话的成员。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Convene</source>
        <translation>Convene</translation>
    </message>
    <message>
        <source>The calendar is not available.</source>
        <translation>日历暂不可用。</translation>
    </message>
    <message>
        <source>This call link cannot be opened here.</source>
        <translation>无法在此打开该会议链接。</translation>
    </message>
    <message>
        <source>Convene is already running with this profile, so no screenshot was taken. Quit it first, or use another --profile.</source>
        <translation>Convene 已在使用此配置文件运行，因此未截图。请先退出它，或使用其他 --profile。</translation>
    </message>
    <message>
        <source>%1 is not applied: Convene is already running with this profile. Quit it first to start with other options.</source>
        <translation>%1 未生效：Convene 已在使用此配置文件运行。请先退出它，再以其他选项启动。</translation>
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
    <name>MentionPopup</name>
    <message>
        <source>No one by that name</source>
        <translation>未找到此人</translation>
    </message>
    <message>
        <source>People to mention</source>
        <translation>可提及的人</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Link copied</source>
        <translation>链接已复制</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>This message was deleted.</source>
        <translation>此消息已删除。</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>（已编辑）</translation>
    </message>
    <message>
        <source>Calendar invitation</source>
        <translation>日程邀请</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Reply in thread</source>
        <translation>在话题中回复</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>添加表情回应…</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>消息操作</translation>
    </message>
</context>
<context>
    <name>MessageSendState</name>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>发送失败：%1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>MessageTimeline</name>
    <message>
        <source>Thread messages</source>
        <translation>话题消息</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <source>New messages above</source>
        <translation>上方有新消息</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>跳转</translation>
    </message>
    <message>
        <source>Jump to the first new message</source>
        <translation>跳到第一条新消息</translation>
    </message>
    <message>
        <source>New message from %1:</source>
        <translation>来自 %1 的新消息：</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1:</source>
        <translation>
            <numerusform>%n 条新消息，最新一条来自 %1：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageToolbar</name>
    <message>
        <source>React with %1</source>
        <translation>用 %1 回应</translation>
    </message>
    <message>
        <source>Add reaction (R)</source>
        <translation>添加表情回应（R）</translation>
    </message>
    <message>
        <source>Reply in thread (T)</source>
        <translation>在话题中回复（T）</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
</context>
<context>
    <name>MiniMonth</name>
    <message>
        <source>Month overview</source>
        <translation>月份概览</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>Date format of the sidebar&apos;s month title (Qt date format)</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more: show the whole day</source>
        <translation>还有 %1 项，查看当天全部日程</translation>
    </message>
    <message>
        <source>Month of %1</source>
        <translation>%1（月视图）</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n 个日程</numerusform>
        </translation>
    </message>
    <message>
        <source>no events</source>
        <translation>没有日程</translation>
    </message>
</context>
<context>
    <name>MoreActionsButton</name>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Hide version history</source>
        <translation>隐藏版本历史</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>删除文档</translation>
    </message>
</context>
<context>
    <name>NameFieldDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>NetworkProxy</name>
    <message>
        <source>The proxy %1 is not a proxy address such as http://proxy.example.com:3128 or socks5://proxy.example.com:1080.</source>
        <translation>代理 %1 不是有效的代理地址，应类似 http://proxy.example.com:3128 或 socks5://proxy.example.com:1080。</translation>
    </message>
</context>
<context>
    <name>NewMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>新建消息</translation>
    </message>
    <message>
        <source>Find people by name or pinyin initials</source>
        <translation>按姓名或拼音首字母查找联系人</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>查找联系人</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>发给：%1</translation>
    </message>
    <message>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>starts the direct message with the chosen people</comment>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>NewMessagesLine</name>
    <message>
        <source>New</source>
        <translation>新消息</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Convene cannot connect to your workspace.</source>
        <translation>Convene 无法连接到你的工作区。</translation>
    </message>
    <message>
        <source>You are offline.</source>
        <translation>你已离线。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n 项更改等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes are saved on this device and sent when the connection returns.</source>
        <translation>你的更改已保存在此设备上，连接恢复后会发送。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>立即重新连接</translation>
    </message>
</context>
<context>
    <name>OngoingCallCard</name>
    <message>
        <source>Call in %1 with %2</source>
        <translation>%1 中的通话，参与者：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n in the call · %1</source>
        <translation>
            <numerusform>%n 人在通话中 · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the call</source>
        <translation>
            <numerusform>%n 人在通话中</numerusform>
        </translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Join the call in %1</source>
        <translation>加入 %1 中的通话</translation>
    </message>
</context>
<context>
    <name>OngoingCallsList</name>
    <message>
        <source>No calls right now</source>
        <translation>当前没有通话</translation>
    </message>
    <message>
        <source>Calls in progress</source>
        <translation>进行中的通话</translation>
    </message>
    <message>
        <source>These calls are going on in your conversations. Join one to talk.</source>
        <translation>以下通话正在你的会话中进行，加入即可参与交流。</translation>
    </message>
    <message>
        <source>Start a call from a channel, a direct message or a calendar event. Calls going on in your conversations appear here, ready to join.</source>
        <translation>你可以在频道、私信或日历活动中发起通话。你的会话中正在进行的通话会显示在这里，可直接加入。</translation>
    </message>
</context>
<context>
    <name>ParagraphStyleBox</name>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>标题 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>标题 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>标题 3</translation>
    </message>
    <message>
        <source>Heading 4</source>
        <translation>标题 4</translation>
    </message>
    <message>
        <source>Heading 5</source>
        <translation>标题 5</translation>
    </message>
    <message>
        <source>Heading 6</source>
        <translation>标题 6</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>无序列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>有序列表</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>代码块</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
</context>
<context>
    <name>ParticipantFaces</name>
    <message numerus="yes">
        <source>%n other people in this document</source>
        <translation>
            <numerusform>还有 %n 人在此文档中</numerusform>
        </translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>ParticipantTile</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1（你）</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>microphone off</source>
        <translation>麦克风已关闭</translation>
    </message>
    <message>
        <source>camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>正在讲话</translation>
    </message>
</context>
<context>
    <name>PreJoinView</name>
    <message>
        <source>Join the call in %1</source>
        <translation>加入 %1 中的通话</translation>
    </message>
    <message>
        <source>In the call: %1</source>
        <translation>通话中：%1</translation>
    </message>
    <message>
        <source>No one is in this call yet. Joining starts it.</source>
        <translation>通话中还没有人。加入即开始通话。</translation>
    </message>
    <message>
        <source>Your camera preview</source>
        <translation>您的摄像头预览</translation>
    </message>
    <message>
        <source>Starting your camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>Your camera is off</source>
        <translation>您的摄像头已关闭</translation>
    </message>
    <message>
        <source>Join with the microphone off</source>
        <translation>加入时关闭麦克风</translation>
    </message>
    <message>
        <source>Join with the microphone on</source>
        <translation>加入时打开麦克风</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Join with the camera off</source>
        <translation>加入时关闭摄像头</translation>
    </message>
    <message>
        <source>Join with the camera on</source>
        <translation>加入时打开摄像头</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel and do not join</source>
        <translation>取消，不加入</translation>
    </message>
    <message>
        <source>Join now</source>
        <translation>立即加入</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>跳转到会话或联系人…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>跳转到会话或联系人</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”匹配的结果。</translation>
    </message>
</context>
<context>
    <name>ReactionBar</name>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 回应了 %2</translation>
    </message>
    <message>
        <source>Add reaction</source>
        <translation>添加表情回应</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>RoundControlButton</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A tooltip followed by its keyboard shortcut, e.g. &quot;Mute (Ctrl+D)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>SaveStateIndicator</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved on this computer — sends when you are back online</source>
        <translation>已保存在本机，联网后自动发送</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Delete recurring event</source>
        <translation>删除重复日程</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除日程</translation>
    </message>
    <message>
        <source>Move recurring event</source>
        <translation>移动重复日程</translation>
    </message>
    <message>
        <source>Save recurring event</source>
        <translation>保存重复日程</translation>
    </message>
    <message>
        <source>Delete “%1”? Everyone invited sees it as cancelled.</source>
        <translation>确定删除“%1”吗？所有受邀者都会看到该日程已取消。</translation>
    </message>
    <message>
        <source>“%1” repeats. Which events do you want to delete?</source>
        <translation>“%1”是重复日程。要删除哪些日程？</translation>
    </message>
    <message>
        <source>“%1” repeats. Which events do you want to change?</source>
        <translation>“%1”是重复日程。要修改哪些日程？</translation>
    </message>
    <message>
        <source>This event</source>
        <translation>仅此日程</translation>
    </message>
    <message>
        <source>This and following events</source>
        <translation>此日程及后续日程</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有日程</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>关闭搜索</translation>
    </message>
    <message>
        <source>Search messages, e.g. 会议 in:#general from:@li</source>
        <translation>搜索消息，例如 会议 in:#general from:@li</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>没有匹配的消息。</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <source>Find any message on this device, even offline. Chinese works too: 会议 finds 明天的会议. Narrow it with in:#channel or from:@name.</source>
        <translation>可搜索本设备上的任何消息，离线也能用。支持中文：搜索“会议”即可找到“明天的会议”。可用 in:#channel 或 from:@name 缩小范围。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>in a thread</source>
        <translation>在话题中</translation>
    </message>
</context>
<context>
    <name>SectionHeading</name>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>私信</translation>
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
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
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
        <source>Address of your organization&apos;s server, for network backends.</source>
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
    <message>
        <source>How others see you; leave empty to use your account&apos;s name.</source>
        <translation>其他人看到的您的名字；留空则使用账号名称。</translation>
    </message>
    <message>
        <source>Set by the command line for this run. A choice made here replaces it.</source>
        <translation>本次运行由命令行设定。在此处选择将替换它。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a shortcut&apos;s action: its keys</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — Convene</source>
        <translation>登录 — Convene</translation>
    </message>
    <message>
        <source>Sign in to Convene</source>
        <translation>登录 Convene</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Leave empty to use your address&apos;s domain</source>
        <translation>留空则使用您地址中的域名</translation>
    </message>
    <message>
        <source>Server: %1 (set by your organization)</source>
        <translation>服务器：%1（由您的组织设置）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>证书指纹（SHA-256）：</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>证书指纹</translation>
    </message>
    <message>
        <source>Trust this certificate and sign in</source>
        <translation>信任此证书并登录</translation>
    </message>
    <message>
        <source>Continue without saving the password</source>
        <translation>不保存密码并继续</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Use the demo workspace on this computer instead</source>
        <translation>改用本机上的演示工作区</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Close thread</source>
        <translation>关闭话题</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
</context>
<context>
    <name>ThreadSummary</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n 条回复</numerusform>
        </translation>
    </message>
    <message>
        <source>Last reply %1</source>
        <translation>最后回复于 %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesBanner</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved on this device. %1</source>
        <translation>
            <numerusform>%n 项更改无法保存在此设备上。%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>重试保存</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss these changes</source>
        <translation>放弃这些更改</translation>
    </message>
</context>
<context>
    <name>VersionNameDialog</name>
    <message>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <source>Version name</source>
        <translation>版本名称</translation>
    </message>
    <message>
        <source>e.g. Draft for review</source>
        <translation>例如 待审阅草稿</translation>
    </message>
</context>
<context>
    <name>VersionRow</name>
    <message>
        <source>%1, saved %2 by %3</source>
        <translation>%1，由 %3 保存于 %2</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，由 %2 编辑</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>WeekEventBlock</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Could not be saved</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Could not be saved. Open it to retry or discard the change.</source>
        <translation>保存失败。打开日程可重试或放弃更改。</translation>
    </message>
    <message>
        <source>Not sent yet: it is saved on this device and sent when the connection is back.</source>
        <translation>尚未发送：已保存在此设备上，网络恢复后将自动发送。</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>视频会议</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>An event&apos;s title and its time, on one line</extracomment>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>WriteFailureBanner</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved on this device. %1</source>
        <translation>
            <numerusform>%n 项更改无法保存在此设备上。%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your edit could not be saved on this device. %1</source>
        <translation>您的编辑无法保存在此设备上。%1</translation>
    </message>
    <message>
        <source>The message could not be deleted on this device. %1</source>
        <translation>无法在此设备上删除该消息。%1</translation>
    </message>
    <message>
        <source>Your reaction could not be saved on this device. %1</source>
        <translation>您的表情回应无法保存在此设备上。%1</translation>
    </message>
    <message>
        <source>Your message could not be saved on this device. %1 It is still in the message box.</source>
        <translation>您的消息无法保存在此设备上。%1 消息仍在输入框中。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>重试保存</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss this error</source>
        <translation>忽略此错误</translation>
    </message>
</context>
<context>
    <name>convene::AppController</name>
    <message>
        <source>That message is not on this device yet; showing its conversation.</source>
        <translation>本设备上还没有这条消息，已为你打开它所在的会话。</translation>
    </message>
</context>
<context>
    <name>convene::AppRoot</name>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation>无法创建配置目录 %1。</translation>
    </message>
    <message>
        <source>The main window could not be created.</source>
        <translation>无法创建主窗口。</translation>
    </message>
    <message>
        <source>%1 is calling</source>
        <translation>%1 正在呼叫你</translation>
    </message>
    <message>
        <source>You have signed out of %1.</source>
        <translation>您已退出 %1。</translation>
    </message>
    <message>
        <source>Your organization does not allow the backend “%1”.</source>
        <translation>您的组织不允许使用后端“%1”。</translation>
    </message>
</context>
<context>
    <name>convene::Autostart</name>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>拒绝访问</translation>
    </message>
</context>
<context>
    <name>convene::CalendarSetup</name>
    <message>
        <source>%1 invited you</source>
        <translation>%1 邀请了你</translation>
    </message>
    <message>
        <source>%1 changed the event</source>
        <translation>%1 更新了日程</translation>
    </message>
    <message>
        <source>%1 cancelled the event</source>
        <translation>%1 取消了日程</translation>
    </message>
    <message>
        <source>Missed reminder: started at %1</source>
        <translation>错过提醒：已于 %1 开始</translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <translation>%1 开始</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Missed reminder: starts at %1</source>
        <translation>错过提醒：将于 %1 开始</translation>
    </message>
</context>
<context>
    <name>convene::FirstRun</name>
    <message>
        <source>Enter the name others will see.</source>
        <translation>请输入其他人将看到的名字。</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>名字最多 %1 个字符。</translation>
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
    <message>
        <source>Your organization does not allow “%1” for this setting.</source>
        <translation>您的组织不允许此设置使用“%1”。</translation>
    </message>
</context>
<context>
    <name>convene::SignInController</name>
    <message>
        <source>The server did not answer. Check the address and your connection.</source>
        <translation>服务器没有响应。请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>Enter your password to sign in.</source>
        <translation>请输入密码以登录。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your address, such as name@example.org.</source>
        <translation>请输入您的地址，例如 name@example.org。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). Trust it only if your administrator confirms this fingerprint.</source>
        <translation>服务器的证书不受信任（%1）。仅当您的管理员确认此指纹时才信任它。</translation>
    </message>
</context>
<context>
    <name>convene::TrayIcon</name>
    <message>
        <source>Open Convene</source>
        <translation>打开 Convene</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>勿扰模式</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>Convene — %n unread</source>
        <translation>
            <numerusform>Convene — %n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>Convene</source>
        <translation>Convene</translation>
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
    <message>
        <source>The entry this refers to does not exist in this conversation.</source>
        <translation>所引用的条目在此会话中不存在。</translation>
    </message>
    <message>
        <source>The history position %1 is not valid here.</source>
        <translation>历史记录位置 %1 在此处无效。</translation>
    </message>
</context>
<context>
    <name>convene::calendar</name>
    <message>
        <source>The event has no title or no valid time.</source>
        <translation>日程没有标题或没有有效的时间。</translation>
    </message>
    <message>
        <source>There is no event to save.</source>
        <translation>没有要保存的日程。</translation>
    </message>
    <message>
        <source>The events of one entry must share their UID.</source>
        <translation>同一条目中的日程必须使用相同的 UID。</translation>
    </message>
    <message>
        <source>The entry holds no event.</source>
        <translation>该条目不包含日程。</translation>
    </message>
    <message>
        <source>The entry holds events of more than one series.</source>
        <translation>该条目包含多个系列的日程。</translation>
    </message>
    <message>
        <source>The answer names no event or no valid reply.</source>
        <translation>该回复未指明日程，或回复无效。</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>时区“%1”未知。</translation>
    </message>
</context>
<context>
    <name>convene::calendar::CalendarController</name>
    <message>
        <source>The event cannot be saved: %1</source>
        <translation>无法保存日程：%1</translation>
    </message>
    <message>
        <source>There is no event to save.</source>
        <translation>没有要保存的日程。</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>该日程已不存在。</translation>
    </message>
    <message>
        <source>Only the organizer can change this event.</source>
        <translation>只有组织者可以修改此日程。</translation>
    </message>
    <message>
        <source>Only the organizer can move this event.</source>
        <translation>只有组织者可以移动此日程。</translation>
    </message>
    <message>
        <source>Only the organizer can delete this event.</source>
        <translation>只有组织者可以删除此日程。</translation>
    </message>
    <message>
        <source>You are not invited to this event.</source>
        <translation>你未受邀参加此日程。</translation>
    </message>
    <message>
        <source>Answer with accept, maybe or decline.</source>
        <translation>请选择接受、待定或拒绝。</translation>
    </message>
    <message>
        <source>There is nothing to send again.</source>
        <translation>没有需要重新发送的内容。</translation>
    </message>
    <message>
        <source>There is nothing to discard.</source>
        <translation>没有可放弃的更改。</translation>
    </message>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <extracomment>Date format of the day view&apos;s title (Qt date format)</extracomment>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>Date format of the month view&apos;s title</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>%1 – %2, %3</source>
        <extracomment>A range of days: first, last, year</extracomment>
        <translation>%3年%1 – %2</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>ddd d</source>
        <extracomment>Day column header of the week view (Qt date format): weekday and day</extracomment>
        <translation>d日 ddd</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <extracomment>Date format of an event&apos;s day in its details (Qt date format)</extracomment>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何内容。%1</translation>
    </message>
    <message>
        <source>Import stopped at “%1”: %2</source>
        <translation>导入在“%1”处中止：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n event(s).</source>
        <translation>
            <numerusform>已导入 %n 个日程。</numerusform>
        </translation>
    </message>
    <message>
        <source>The calendar cannot be exported: %1</source>
        <translation>无法导出日历：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>已导出 %n 个日程。</numerusform>
        </translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>convene::calendar::EventDraft</name>
    <message>
        <source>Give the event a title.</source>
        <translation>请为日程添加标题。</translation>
    </message>
    <message>
        <source>Choose when the event starts and ends.</source>
        <translation>请选择日程的开始和结束时间。</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>日程的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>时区“%1”未知。</translation>
    </message>
    <message>
        <source>Describe how the event repeats, or choose a preset.</source>
        <translation>请填写日程的重复规则，或选择一个预设。</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>每个工作日（周一至周五）</translation>
    </message>
    <message>
        <source>Weekly on %1</source>
        <translation>每周%1</translation>
    </message>
    <message>
        <source>Monthly on day %1</source>
        <translation>每月%1日</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <translation>每年%1</translation>
    </message>
    <message>
        <source>MMMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>convene::calendar::Folder</name>
    <message>
        <source>An event in %1 from %2 cannot be read: %3</source>
        <translation>无法读取 %2 在 %1 中的日程：%3</translation>
    </message>
    <message>
        <source>%1 tried to change an event of %2; the change is ignored.</source>
        <translation>%1 试图修改 %2 的日程，该修改已被忽略。</translation>
    </message>
</context>
<context>
    <name>convene::calendar::Ics</name>
    <message>
        <source>it has a date or time that is not valid.</source>
        <translation>它包含无效的日期或时间。</translation>
    </message>
    <message>
        <source>its time zone “%1” is unknown.</source>
        <translation>它的时区“%1”未知。</translation>
    </message>
    <message>
        <source>its rule “%1” cannot be read.</source>
        <translation>无法读取它的规则“%1”。</translation>
    </message>
    <message>
        <source>calendar systems other than the Gregorian (RSCALE) are not supported.</source>
        <translation>不支持公历以外的历法（RSCALE）。</translation>
    </message>
    <message>
        <source>%1 must be followed by a component name.</source>
        <translation>%1 之后必须跟组件名称。</translation>
    </message>
    <message>
        <source>expected BEGIN:%1, found BEGIN:%2.</source>
        <translation>应为 BEGIN:%1，实际为 BEGIN:%2。</translation>
    </message>
    <message>
        <source>The file has more than %1 components.</source>
        <translation>文件包含的组件超过 %1 个。</translation>
    </message>
    <message>
        <source>components are nested more than %1 deep.</source>
        <translation>组件嵌套超过 %1 层。</translation>
    </message>
    <message>
        <source>END:%1 closes no component.</source>
        <translation>END:%1 没有可结束的组件。</translation>
    </message>
    <message>
        <source>END:%1 does not close BEGIN:%2 of line %3.</source>
        <translation>END:%1 与第 %3 行的 BEGIN:%2 不匹配。</translation>
    </message>
    <message>
        <source>%1 stands outside BEGIN:%2 … END:%2.</source>
        <translation>%1 位于 BEGIN:%2 … END:%2 之外。</translation>
    </message>
    <message>
        <source>%1 has more than %2 properties.</source>
        <translation>%1 的属性超过 %2 个。</translation>
    </message>
    <message>
        <source>BEGIN:%1 is never closed by END:%1.</source>
        <translation>BEGIN:%1 始终没有以 END:%1 结束。</translation>
    </message>
    <message>
        <source>The file holds no BEGIN:%1.</source>
        <translation>文件中没有 BEGIN:%1。</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>文本不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>this is not a property line (NAME:value).</source>
        <translation>这不是属性行（NAME:value）。</translation>
    </message>
    <message>
        <source>a parameter of %1 is malformed.</source>
        <translation>%1 的某个参数格式错误。</translation>
    </message>
    <message>
        <source>a quoted parameter value of %1 is not closed.</source>
        <translation>%1 的某个带引号的参数值没有闭合。</translation>
    </message>
    <message>
        <source>%1 has no &apos;:&apos; before its value.</source>
        <translation>%1 的值之前缺少“:”。</translation>
    </message>
    <message>
        <source>the line contains a control character (0x%1).</source>
        <translation>该行包含控制字符（0x%1）。</translation>
    </message>
    <message>
        <source>a folded continuation line follows no content line.</source>
        <translation>折叠的续行之前没有内容行。</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes.</source>
        <translation>该行超过 %1 字节。</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” is not valid.</source>
        <translation>重复规则“%1”无效。</translation>
    </message>
    <message>
        <source>%1 is not a valid date or time.</source>
        <translation>%1 不是有效的日期或时间。</translation>
    </message>
    <message>
        <source>the time zone “%1” is unknown: the file has no VTIMEZONE for it and it is not an IANA time zone name.</source>
        <translation>时区“%1”未知：文件中没有它的 VTIMEZONE，它也不是 IANA 时区名称。</translation>
    </message>
    <message>
        <source>the event has no UID.</source>
        <translation>该事件没有 UID。</translation>
    </message>
    <message>
        <source>the event “%1” has no DTSTART.</source>
        <translation>事件“%1”没有 DTSTART。</translation>
    </message>
    <message>
        <source>an event cannot have both DTEND and DURATION.</source>
        <translation>事件不能同时具有 DTEND 和 DURATION。</translation>
    </message>
    <message>
        <source>DTEND must be a date when DTSTART is a date, and a date and time otherwise.</source>
        <translation>DTSTART 为日期时，DTEND 必须为日期；否则必须为日期和时间。</translation>
    </message>
    <message>
        <source>DTEND is before DTSTART.</source>
        <translation>DTEND 早于 DTSTART。</translation>
    </message>
    <message>
        <source>DURATION cannot be negative.</source>
        <translation>DURATION 不能为负数。</translation>
    </message>
    <message>
        <source>the DURATION of an all-day event must be whole days.</source>
        <translation>全天事件的 DURATION 必须为整数天。</translation>
    </message>
    <message>
        <source>RECURRENCE-ID must be a date exactly when DTSTART is one.</source>
        <translation>RECURRENCE-ID 必须在且仅在 DTSTART 为日期时也为日期。</translation>
    </message>
    <message>
        <source>the event has more than %1 RDATE and EXDATE values.</source>
        <translation>该事件的 RDATE 和 EXDATE 值超过 %1 个。</translation>
    </message>
    <message>
        <source>the period of an RDATE is not valid.</source>
        <translation>某个 RDATE 的时间段无效。</translation>
    </message>
    <message>
        <source>the period of an RDATE ends before it starts.</source>
        <translation>某个 RDATE 的时间段结束早于开始。</translation>
    </message>
    <message>
        <source>an event with a RECURRENCE-ID cannot have an RRULE.</source>
        <translation>带有 RECURRENCE-ID 的事件不能有 RRULE。</translation>
    </message>
    <message>
        <source>UNTIL must be a date when DTSTART is a date.</source>
        <translation>DTSTART 为日期时，UNTIL 必须为日期。</translation>
    </message>
    <message>
        <source>An event needs a UID.</source>
        <translation>事件需要 UID。</translation>
    </message>
    <message>
        <source>The event “%1” has no valid start.</source>
        <translation>事件“%1”没有有效的开始时间。</translation>
    </message>
    <message>
        <source>The event “%1” has both an end and a duration.</source>
        <translation>事件“%1”同时具有结束时间和持续时间。</translation>
    </message>
    <message>
        <source>The event “%1” has a date that is not valid.</source>
        <translation>事件“%1”包含无效的日期。</translation>
    </message>
    <message>
        <source>The time zone “%1” of the event “%2” is unknown.</source>
        <translation>事件“%2”的时区“%1”未知。</translation>
    </message>
    <message>
        <source>The source text of the event “%1” cannot be read: %2</source>
        <translation>无法读取事件“%1”的源文本：%2</translation>
    </message>
    <message>
        <source>it holds more than one VEVENT.</source>
        <translation>它包含多个 VEVENT。</translation>
    </message>
    <message>
        <source>only iCalendar version 2.0 is supported (this is “%1”).</source>
        <translation>仅支持 iCalendar 2.0 版（此文件为“%1”）。</translation>
    </message>
    <message>
        <source>only the Gregorian calendar scale is supported.</source>
        <translation>仅支持公历历法。</translation>
    </message>
    <message>
        <source>The file has %1 bytes; the limit is %2.</source>
        <translation>文件大小为 %1 字节；上限为 %2。</translation>
    </message>
    <message>
        <source>a second override of the same occurrence of “%1” (the first is at line %2).</source>
        <translation>对“%1”的同一次重复再次进行了覆盖（第一次位于第 %2 行）。</translation>
    </message>
    <message>
        <source>a second event with the UID “%1” (the first is at line %2).</source>
        <translation>另一个使用 UID“%1”的事件（第一个位于第 %2 行）。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>时区“%1”未知。</translation>
    </message>
    <message>
        <source>the value of %1 is not valid (“%2”).</source>
        <translation>%1 的值无效（“%2”）。</translation>
    </message>
    <message>
        <source>a parameter of %1 is not valid (%2).</source>
        <translation>%1 的某个参数无效（%2）。</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>the rule has no FREQ.</source>
        <translation>该规则没有 FREQ。</translation>
    </message>
    <message>
        <source>rules that repeat every second (FREQ=SECONDLY) are not supported.</source>
        <translation>不支持每秒重复的规则（FREQ=SECONDLY）。</translation>
    </message>
    <message>
        <source>INTERVAL must be at least 1.</source>
        <translation>INTERVAL 必须至少为 1。</translation>
    </message>
    <message>
        <source>COUNT=%1 is more than the limit of %2.</source>
        <translation>COUNT=%1 超过了上限 %2。</translation>
    </message>
    <message>
        <source>recurring events must start before the year 2583.</source>
        <translation>重复事件必须在 2583 年之前开始。</translation>
    </message>
    <message>
        <source>BYWEEKNO can only be used with FREQ=YEARLY.</source>
        <translation>BYWEEKNO 只能与 FREQ=YEARLY 一起使用。</translation>
    </message>
    <message>
        <source>BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY.</source>
        <translation>BYYEARDAY 不能与 FREQ=DAILY、WEEKLY 或 MONTHLY 一起使用。</translation>
    </message>
    <message>
        <source>BYMONTHDAY cannot be used with FREQ=WEEKLY.</source>
        <translation>BYMONTHDAY 不能与 FREQ=WEEKLY 一起使用。</translation>
    </message>
    <message>
        <source>BYYEARDAY combined with BYWEEKNO, BYMONTH or BYMONTHDAY is not supported.</source>
        <translation>不支持将 BYYEARDAY 与 BYWEEKNO、BYMONTH 或 BYMONTHDAY 组合使用。</translation>
    </message>
    <message>
        <source>BYWEEKNO is supported only with BYDAY, and not with BYMONTH, BYMONTHDAY or BYSETPOS.</source>
        <translation>BYWEEKNO 仅支持与 BYDAY 一起使用，不支持与 BYMONTH、BYMONTHDAY 或 BYSETPOS 一起使用。</translation>
    </message>
    <message>
        <source>numbered BYDAY values (such as 2MO) need FREQ=MONTHLY or YEARLY, without BYWEEKNO.</source>
        <translation>带序号的 BYDAY 值（如 2MO）需要 FREQ=MONTHLY 或 YEARLY，且不能使用 BYWEEKNO。</translation>
    </message>
    <message>
        <source>The event “%1” repeats too often or too rarely to be listed after %2.</source>
        <translation>事件“%1”重复过于频繁或过于稀少，无法列出 %2 之后的重复。</translation>
    </message>
    <message>
        <source>The event “%1” has more than %2 occurrences in this period; only the first %2 are listed.</source>
        <translation>事件“%1”在此期间重复超过 %2 次；仅列出前 %2 次。</translation>
    </message>
    <message>
        <source>%1 of a VTIMEZONE has no DTSTART.</source>
        <translation>VTIMEZONE 的 %1 没有 DTSTART。</translation>
    </message>
    <message>
        <source>the DTSTART of a time zone observance must be a date and time before 2583.</source>
        <translation>时区规则段的 DTSTART 必须是 2583 年之前的日期和时间。</translation>
    </message>
    <message>
        <source>%1 of a VTIMEZONE has no %2.</source>
        <translation>VTIMEZONE 的 %1 没有 %2。</translation>
    </message>
    <message>
        <source>a UTC offset must be less than 24 hours.</source>
        <translation>UTC 偏移量必须小于 24 小时。</translation>
    </message>
    <message>
        <source>time zone rules must repeat yearly (FREQ=YEARLY).</source>
        <translation>时区规则必须按年重复（FREQ=YEARLY）。</translation>
    </message>
    <message>
        <source>this time zone rule never applies.</source>
        <translation>此时区规则永远不会生效。</translation>
    </message>
    <message>
        <source>the VTIMEZONE has no TZID.</source>
        <translation>该 VTIMEZONE 没有 TZID。</translation>
    </message>
    <message>
        <source>the VTIMEZONE “%1” has no STANDARD or DAYLIGHT part.</source>
        <translation>VTIMEZONE“%1”没有 STANDARD 或 DAYLIGHT 部分。</translation>
    </message>
    <message>
        <source>the time zone “%1” is defined twice, differently.</source>
        <translation>时区“%1”有两个不同的定义。</translation>
    </message>
    <message>
        <source>the VTIMEZONE “%1” cannot be used.</source>
        <translation>无法使用 VTIMEZONE“%1”。</translation>
    </message>
    <message>
        <source>time zone rules may only use BYMONTH (one month), BYDAY and BYMONTHDAY.</source>
        <translation>时区规则只能使用 BYMONTH（单个月份）、BYDAY 和 BYMONTHDAY。</translation>
    </message>
    <message>
        <source>the time zones of the file have more than %1 RDATE values.</source>
        <translation>文件中各时区的 RDATE 值超过 %1 个。</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown; floating times are read as UTC.</source>
        <translation>时区“%1”未知；浮动时间将按 UTC 读取。</translation>
    </message>
    <message>
        <source>The event “%1” cannot be shown: %2</source>
        <translation>无法显示日程“%1”：%2</translation>
    </message>
    <message>
        <source>A second event has the UID “%1”; only the first is shown.</source>
        <translation>另一个日程也使用 UID“%1”；仅显示第一个。</translation>
    </message>
    <message>
        <source>the DTSTART of a time zone observance is not a date.</source>
        <translation>时区规则的 DTSTART 不是有效日期。</translation>
    </message>
</context>
<context>
    <name>convene::calendar::OccurrenceModel</name>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>A time range, e.g. 09:00 – 10:30</extracomment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>convene::calendar::SeriesEdit</name>
    <message>
        <source>The recurrence rule “%1” cannot follow the event to its new day or time; change the rule along with the time.</source>
        <translation>重复规则“%1”无法随日程调整到新的日期或时间，请在修改时间的同时修改重复规则。</translation>
    </message>
    <message>
        <source>The event “%1” replaces one occurrence of a series; edit it within its series.</source>
        <translation>日程“%1”替换了某个系列中的一次重复，请在该系列中编辑。</translation>
    </message>
    <message>
        <source>The time zone “%1” for floating times is unknown.</source>
        <translation>用于浮动时间的时区“%1”未知。</translation>
    </message>
    <message>
        <source>The event “%1” has no valid start, or its time zone is unknown.</source>
        <translation>日程“%1”没有有效的开始时间，或其时区未知。</translation>
    </message>
    <message>
        <source>An event given as an occurrence of “%1” does not belong to that series.</source>
        <translation>作为“%1”重复项提供的日程不属于该系列。</translation>
    </message>
    <message>
        <source>The time of the change is not valid.</source>
        <translation>更改的时间无效。</translation>
    </message>
    <message>
        <source>The event “%1” has no occurrence at %2.</source>
        <translation>日程“%1”在 %2 没有对应的重复项。</translation>
    </message>
    <message>
        <source>The event “%1” repeats: say which of its occurrences to change.</source>
        <translation>日程“%1”是重复日程，请指明要修改哪一次。</translation>
    </message>
    <message>
        <source>The edited event has no valid start, or its time zone is unknown.</source>
        <translation>编辑后的日程没有有效的开始时间，或其时区未知。</translation>
    </message>
    <message>
        <source>The edited event has both an end and a duration.</source>
        <translation>编辑后的日程同时具有结束时间和持续时间。</translation>
    </message>
    <message>
        <source>The edited event has no valid end, or its time zone is unknown.</source>
        <translation>编辑后的日程没有有效的结束时间，或其时区未知。</translation>
    </message>
    <message>
        <source>The edited event must start and end on dates, or at times, alike.</source>
        <translation>编辑后的日程的开始和结束必须同为日期或同为时间。</translation>
    </message>
    <message>
        <source>The edited event ends before it starts.</source>
        <translation>编辑后的日程结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>An all-day event lasts whole days.</source>
        <translation>全天日程的时长必须为整天。</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” is not valid.</source>
        <translation>重复规则“%1”无效。</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” cannot be used: %2</source>
        <translation>无法使用重复规则“%1”：%2</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” of an all-day event must end on a date.</source>
        <translation>全天日程的重复规则“%1”必须以日期结束。</translation>
    </message>
    <message>
        <source>One occurrence cannot change between all-day and timed; change all of them, or this and the following ones.</source>
        <translation>单次日程不能在全天和非全天之间切换，请修改所有日程，或此日程及后续日程。</translation>
    </message>
    <message>
        <source>The series “%1” has dates before its start; it cannot be split at its start.</source>
        <translation>系列“%1”包含早于其开始时间的日期，无法从开始处拆分。</translation>
    </message>
    <message>
        <source>The following occurrences need a new UID.</source>
        <translation>后续日程需要新的 UID。</translation>
    </message>
    <message>
        <source>This occurrence was added to the series by date, so the following ones cannot be changed from it; change all of them instead.</source>
        <translation>此日程是按日期加入系列的，无法从这里修改后续日程，请改为修改所有日程。</translation>
    </message>
</context>
<context>
    <name>convene::call::CallController</name>
    <message>
        <source>Calling %1…</source>
        <translation>正在呼叫 %1…</translation>
    </message>
    <message>
        <source>Waiting for others to join…</source>
        <translation>等待其他人加入…</translation>
    </message>
    <message>
        <source>%1 declined the call.</source>
        <translation>%1 拒绝了通话。</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>无人接听。</translation>
    </message>
    <message>
        <source>Missed call from %1.</source>
        <translation>来自 %1 的未接来电。</translation>
    </message>
    <message>
        <source>Answered on another device.</source>
        <translation>已在其他设备上接听。</translation>
    </message>
    <message>
        <source>The call ended.</source>
        <translation>通话已结束。</translation>
    </message>
    <message>
        <source>Your camera or microphone stopped working. Choose another one in the device menu.</source>
        <translation>你的摄像头或麦克风停止工作了。请在设备菜单中选择其他设备。</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>You are already in a call. Leave it first.</source>
        <translation>您已在通话中。请先离开该通话。</translation>
    </message>
    <message>
        <source>This call link does not lead to a conversation in this workspace.</source>
        <translation>此通话链接不指向此工作区中的会话。</translation>
    </message>
    <message>
        <source>This call is in a direct conversation you are not part of. Only its members can join it.</source>
        <translation>此通话位于您未参与的私聊中。只有其成员可以加入。</translation>
    </message>
    <message>
        <source>This call is in a conversation you are not a member of. Only its members can join it.</source>
        <translation>此通话位于您不是成员的会话中。只有其成员可以加入。</translation>
    </message>
    <message>
        <source>The call servers in your settings are not valid, so calls may not connect across networks: %1</source>
        <translation>设置中的通话服务器无效，通话可能无法跨网络接通：%1</translation>
    </message>
</context>
<context>
    <name>convene::call::CallDevices</name>
    <message>
        <source>The camera was disconnected. Now using %1.</source>
        <translation>摄像头已断开，现在使用 %1。</translation>
    </message>
    <message>
        <source>The microphone was disconnected. Now using %1.</source>
        <translation>麦克风已断开，现在使用 %1。</translation>
    </message>
    <message>
        <source>The speaker was disconnected. Now using %1.</source>
        <translation>扬声器已断开，现在使用 %1。</translation>
    </message>
</context>
<context>
    <name>convene::call::CallEngineLibrary</name>
    <message>
        <source>Calls are not available: a part of Convene they need is missing or damaged. Reinstalling Convene repairs it.</source>
        <translation>通话不可用：Convene 的通话组件缺失或已损坏。重新安装 Convene 即可修复。</translation>
    </message>
</context>
<context>
    <name>convene::call::CallSession</name>
    <message>
        <source>You are already in a call. Leave it first.</source>
        <translation>你已在通话中，请先离开当前通话。</translation>
    </message>
    <message>
        <source>Choose a conversation to call.</source>
        <translation>请选择要呼叫的会话。</translation>
    </message>
    <message>
        <source>This call has ended or was answered elsewhere.</source>
        <translation>此通话已结束，或已在其他设备上接听。</translation>
    </message>
</context>
<context>
    <name>convene::call::DeviceListModel</name>
    <message>
        <source>Test pattern</source>
        <translation>测试图案</translation>
    </message>
    <message>
        <source>Synthetic voice</source>
        <translation>合成语音</translation>
    </message>
    <message>
        <source>No sound output</source>
        <translation>无声音输出</translation>
    </message>
</context>
<context>
    <name>convene::chat::AttachmentUploads</name>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 不是此电脑上的文件。</translation>
    </message>
    <message>
        <source>%1 is too large (%2; the limit is %3).</source>
        <translation>%1 过大（%2；上限为 %3）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message numerus="yes">
        <source>One message can carry at most %1 files: %n more were not added.</source>
        <translation>
            <numerusform>一条消息最多可带 %1 个文件：另有 %n 个未添加。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not added: one message can carry at most %2 files.</source>
        <translation>未添加 %1：一条消息最多可带 %2 个文件。</translation>
    </message>
</context>
<context>
    <name>convene::chat::BlobCache</name>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChannelAdmin</name>
    <message>
        <source>Give the channel a name.</source>
        <translation>请为频道命名。</translation>
    </message>
    <message>
        <source>Channel names can have at most %1 characters.</source>
        <translation>频道名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Channel names cannot contain #, @, &lt; or &gt;.</source>
        <translation>频道名称不能包含 #、@、&lt; 或 &gt;。</translation>
    </message>
    <message>
        <source>A channel called “%1” already exists.</source>
        <translation>已存在名为“%1”的频道。</translation>
    </message>
    <message>
        <source>Topics can have at most %1 characters.</source>
        <translation>主题最多 %1 个字符。</translation>
    </message>
    <message>
        <source>You cannot leave a direct message. Mute it instead.</source>
        <translation>无法退出私信，你可以将其静音。</translation>
    </message>
    <message>
        <source>Start a new group message to talk with more people.</source>
        <translation>要和更多人聊天，请新建一个多人私信。</translation>
    </message>
    <message>
        <source>There is nobody with that name in this workspace.</source>
        <translation>此工作区中没有这个人。</translation>
    </message>
    <message>
        <source>%1 is already a member.</source>
        <translation>%1 已经是成员了。</translation>
    </message>
    <message>
        <source>Direct messages are named after their members.</source>
        <translation>私信以成员名称命名，无法重命名。</translation>
    </message>
    <message>
        <source>A group message can have at most %1 people. Create a private channel instead.</source>
        <translation>多人私信最多 %1 人。请改为创建私有频道。</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChannelListModel</name>
    <message>
        <source>This message was deleted.</source>
        <translation>此消息已删除。</translation>
    </message>
    <message>
        <source>Sent an attachment</source>
        <translation>发送了附件</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>你：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChatClipboard</name>
    <message>
        <source>Pasted image.png</source>
        <translation>粘贴的图片.png</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChatController</name>
    <message>
        <source>Open a conversation first.</source>
        <translation>请先打开一个会话。</translation>
    </message>
</context>
<context>
    <name>convene::chat::MessageListModel</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>%1 started a video call</source>
        <translation>%1 发起了视频通话</translation>
    </message>
    <message>
        <source>%1 started a call</source>
        <translation>%1 发起了通话</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <source>Call ended, duration %1</source>
        <extracomment>%1 is how long the call lasted, e.g. &quot;4:07&quot; or &quot;1:02:03&quot;</extracomment>
        <translation>通话已结束，时长 %1</translation>
    </message>
</context>
<context>
    <name>convene::chat::MessageWriter</name>
    <message>
        <source>This thread&apos;s first message has not been sent yet.</source>
        <translation>此话题的首条消息尚未发送。</translation>
    </message>
    <message>
        <source>Wait until the files have finished uploading.</source>
        <translation>请等待文件上传完成。</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>请先输入消息。</translation>
    </message>
    <message>
        <source>This message has not been sent yet, so it cannot be edited.</source>
        <translation>此消息尚未发送，无法编辑。</translation>
    </message>
    <message>
        <source>A message cannot be empty. Delete it instead.</source>
        <translation>消息不能为空。如不需要，请直接删除。</translation>
    </message>
    <message>
        <source>This message has not been sent yet; discard it instead.</source>
        <translation>此消息尚未发送，请直接放弃。</translation>
    </message>
    <message>
        <source>Wait until the message has been sent to react to it.</source>
        <translation>请等消息发送后再添加表情回应。</translation>
    </message>
    <message>
        <source>That is not an emoji.</source>
        <translation>这不是表情符号。</translation>
    </message>
    <message>
        <source>This message is too long (%1 characters; the limit is %2).</source>
        <translation>消息过长（%1 个字符；上限为 %2 个字符）。</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 写道：</translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation>无标题日程</translation>
    </message>
    <message>
        <source>📅 Invitation: %1</source>
        <translation>📅 日程邀请：%1</translation>
    </message>
    <message>
        <source>📅 Invitation: %1 — %2</source>
        <extracomment>A calendar invitation in chat, for clients without invitation cards: %1 the event&apos;s title, %2 when it starts</extracomment>
        <translation>📅 日程邀请：%1 — %2</translation>
    </message>
    <message>
        <source>Invitations in chat go only to other members of the workspace.</source>
        <translation>聊天中的日程邀请只能发送给工作区的其他成员。</translation>
    </message>
    <message>
        <source>This event cannot be named in a message.</source>
        <translation>无法在消息中引用此日程。</translation>
    </message>
</context>
<context>
    <name>convene::chat::NotificationCenter</name>
    <message>
        <source>Sent an attachment</source>
        <translation>发送了附件</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 在 %2</translation>
    </message>
</context>
<context>
    <name>convene::chat::QuickSwitcherModel</name>
    <message>
        <source>Not joined · %1</source>
        <translation>未加入 · %1</translation>
    </message>
    <message>
        <source>Not joined</source>
        <translation>未加入</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocLoader</name>
    <message>
        <source>The document&apos;s first text is unreadable.</source>
        <translation>无法读取文档的初始内容。</translation>
    </message>
    <message>
        <source>A change by %1 could not be read and was left out.</source>
        <translation>%1 的一处修改无法读取，已略过。</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocsController</name>
    <message>
        <source>%1 mentioned you in “%2”</source>
        <translation>%1 在“%2”中提到了你</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题文档</translation>
    </message>
    <message>
        <source>Titles can have at most %1 characters.</source>
        <translation>标题最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>请为文档添加标题。</translation>
    </message>
    <message>
        <source>There is no such document.</source>
        <translation>该文档不存在。</translation>
    </message>
    <message>
        <source>Only the person who created this document can delete it.</source>
        <translation>只有文档创建者才能删除此文档。</translation>
    </message>
    <message>
        <source>Only the person who created this document can restore it.</source>
        <translation>只有文档创建者才能恢复此文档。</translation>
    </message>
    <message>
        <source>This document link does not lead to a document in this workspace.</source>
        <translation>此文档链接未指向此工作区中的文档。</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>“%1”已被删除。</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开一个文档。</translation>
    </message>
    <message>
        <source>A version needs a name.</source>
        <translation>请为版本命名。</translation>
    </message>
    <message>
        <source>This document is too large to keep as a named version (%1 KB; the limit is %2 KB).</source>
        <translation>文档过大，无法保存为命名版本（%1 KB；上限为 %2 KB）。</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocumentExport</name>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Could not convert the document to %1.</source>
        <translation>无法将文档转换为 %1。</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is too large to import (%2 MB; at most %3 MB).</source>
        <translation>“%1”过大，无法导入（%2 MB；上限为 %3 MB）。</translation>
    </message>
    <message>
        <source>“%1” is not UTF-8 text.</source>
        <translation>“%1”不是 UTF-8 文本。</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocumentSession</name>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开一个文档。</translation>
    </message>
    <message>
        <source>Images can be at most %1 MB.</source>
        <translation>图片最大为 %1 MB。</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is not an image Convene can show (PNG, JPEG, GIF or WebP).</source>
        <translation>“%1”不是 Convene 可显示的图片格式（支持 PNG、JPEG、GIF 和 WebP）。</translation>
    </message>
    <message>
        <source>The image could not be uploaded: %1</source>
        <translation>图片上传失败：%1</translation>
    </message>
    <message>
        <source>Your edits cannot be kept on this computer (%1 is not writable); they are sent as usual.</source>
        <translation>你的编辑无法保存在本机（%1 不可写），但仍会照常发送。</translation>
    </message>
</context>
<context>
    <name>convene::media::DtlsSrtpSession</name>
    <message>
        <source>The secure connection could not be set up (%1).</source>
        <translation>无法建立安全连接（%1）。</translation>
    </message>
    <message>
        <source>The secure connection was not set up within %1 seconds.</source>
        <translation>安全连接未能在 %1 秒内建立。</translation>
    </message>
    <message>
        <source>The secure connection has no certificate.</source>
        <translation>安全连接缺少证书。</translation>
    </message>
    <message>
        <source>The other side&apos;s certificate does not match the one announced for this call.</source>
        <translation>对方的证书与本次通话公布的证书不符。</translation>
    </message>
    <message>
        <source>The other side offered no SRTP protection this app accepts.</source>
        <translation>对方未提供本应用接受的 SRTP 保护方式。</translation>
    </message>
    <message>
        <source>SRTP could not be set up.</source>
        <translation>无法建立 SRTP。</translation>
    </message>
</context>
<context>
    <name>convene::media::DtlsSrtpTransport</name>
    <message>
        <source>The call&apos;s certificate could not be made (%1).</source>
        <translation>无法生成本次通话的证书（%1）。</translation>
    </message>
    <message>
        <source>The other side did not offer an encrypted connection.</source>
        <translation>对方未提供加密连接。</translation>
    </message>
    <message>
        <source>The other side changed its certificate during the call.</source>
        <translation>对方在通话中更换了证书。</translation>
    </message>
    <message>
        <source>The connection to the other side closed.</source>
        <translation>与对方的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>convene::media::IceTransport</name>
    <message>
        <source>No connection to the other side could be made.</source>
        <translation>无法与对方建立连接。</translation>
    </message>
    <message>
        <source>The connection to the other side was lost.</source>
        <translation>与对方的连接已断开。</translation>
    </message>
    <message>
        <source>This computer has no network address a call can use.</source>
        <translation>本机没有可用于通话的网络地址。</translation>
    </message>
    <message>
        <source>The other side&apos;s connection details are invalid (%1).</source>
        <translation>对方的连接信息无效（%1）。</translation>
    </message>
    <message>
        <source>Calls need libnice, which could not be loaded (%1).</source>
        <translation>通话需要 libnice，但无法加载（%1）。</translation>
    </message>
</context>
<context>
    <name>convene::sync::CacheCheck</name>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>无法将 %1 移动到 %2。</translation>
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
<context>
    <name>convene::xmpp::HttpFileUpload</name>
    <message>
        <source>Sharing files is not ready yet: the server&apos;s upload service is still being looked for. Try again in a moment.</source>
        <translation>文件共享尚未就绪：正在查找服务器的上传服务。请稍后再试。</translation>
    </message>
    <message>
        <source>This server does not offer file sharing (HTTP File Upload).</source>
        <translation>此服务器不提供文件共享（HTTP 文件上传）。</translation>
    </message>
    <message>
        <source>This file is too large to share: the server accepts files of up to %1.</source>
        <translation>此文件太大，无法共享：服务器接受的文件最大为 %1。</translation>
    </message>
    <message>
        <source>The server refused the file as too large.</source>
        <translation>服务器以文件过大为由拒绝了该文件。</translation>
    </message>
    <message>
        <source>The server refused the upload: %1</source>
        <translation>服务器拒绝了上传：%1</translation>
    </message>
    <message>
        <source>This file is not on your server (%1), so it is not downloaded.</source>
        <translation>此文件不在您的服务器上（%1），因此不会下载。</translation>
    </message>
    <message>
        <source>There is no shared file with this address.</source>
        <translation>没有此地址的共享文件。</translation>
    </message>
    <message>
        <source>Files are only downloaded over a secure connection (HTTPS).</source>
        <translation>文件只通过安全连接（HTTPS）下载。</translation>
    </message>
    <message>
        <source>The server answered the upload request without a slot.</source>
        <translation>服务器回应了上传请求，但没有提供上传位置。</translation>
    </message>
    <message>
        <source>The server&apos;s upload slot has no HTTPS address to upload to.</source>
        <translation>服务器的上传位置没有可用于上传的 HTTPS 地址。</translation>
    </message>
    <message>
        <source>The server&apos;s upload slot has no HTTPS address to download from.</source>
        <translation>服务器的上传位置没有可用于下载的 HTTPS 地址。</translation>
    </message>
    <message>
        <source>The server&apos;s upload slot has an invalid header.</source>
        <translation>服务器的上传位置含有无效的标头。</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::HttpsClient</name>
    <message>
        <source>The file is larger than %1, more than is accepted.</source>
        <translation>文件大于 %1，超出了允许的大小。</translation>
    </message>
    <message>
        <source>The file is not on the server (any more).</source>
        <translation>文件不在服务器上（或已被删除）。</translation>
    </message>
    <message>
        <source>The file server refused access.</source>
        <translation>文件服务器拒绝访问。</translation>
    </message>
    <message>
        <source>The file server refused the file as too large.</source>
        <translation>文件服务器以文件过大为由拒绝了该文件。</translation>
    </message>
    <message>
        <source>The file server answered with the error %1.</source>
        <translation>文件服务器返回了错误 %1。</translation>
    </message>
    <message>
        <source>The file server stopped responding.</source>
        <translation>文件服务器停止响应。</translation>
    </message>
    <message>
        <source>The file server cannot be reached: %1</source>
        <translation>无法连接到文件服务器：%1</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::XmppBackend</name>
    <message>
        <source>The server is not reachable.</source>
        <translation>无法访问服务器。</translation>
    </message>
    <message>
        <source>Sign in with an address such as name@example.org.</source>
        <translation>请使用类似 name@example.org 的地址登录。</translation>
    </message>
    <message>
        <source>No password is stored for %1.</source>
        <translation>未保存 %1 的密码。</translation>
    </message>
    <message>
        <source>The server address %1 is not valid.</source>
        <translation>服务器地址 %1 无效。</translation>
    </message>
    <message>
        <source>You are not a member of this conversation.</source>
        <translation>你不是此会话的成员。</translation>
    </message>
    <message>
        <source>The conversation cannot be entered (%1).</source>
        <translation>无法进入此会话（%1）。</translation>
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
        <source>The entry this refers to does not exist in this conversation.</source>
        <translation>所引用的条目在此会话中不存在。</translation>
    </message>
    <message>
        <source>The server did not confirm the change in time.</source>
        <translation>服务器未及时确认更改。</translation>
    </message>
    <message>
        <source>The server refused the change (%1).</source>
        <translation>服务器拒绝了更改（%1）。</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::XmppSession</name>
    <message>
        <source>The server presented no certificate.</source>
        <translation>服务器未提供证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>服务器证书不受信任：%1</translation>
    </message>
    <message>
        <source>An iq with the id “%1” is already waiting for its answer.</source>
        <translation>ID 为“%1”的 iq 已在等待响应。</translation>
    </message>
    <message>
        <source>No answer came within %1 s.</source>
        <translation>%1 秒内未收到响应。</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that keeps the password secret (it offers: %1).</source>
        <translation>服务器未提供能确保密码不泄露的登录方式（服务器支持：%1）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The server sent malformed sign-in data.</source>
        <translation>服务器发送的登录数据格式有误。</translation>
    </message>
    <message>
        <source>The server could not prove it knows the password.</source>
        <translation>服务器无法证明其知晓密码。</translation>
    </message>
    <message>
        <source>The server sent an unexpected sign-in step: %1.</source>
        <translation>服务器发送了意外的登录步骤：%1。</translation>
    </message>
    <message>
        <source>Another device signed in with the same device name and replaced this connection.</source>
        <translation>另一台设备使用相同的设备名称登录，替换了此连接。</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation>服务器拒绝了连接：%1。</translation>
    </message>
    <message>
        <source>The server ended the connection: %1.</source>
        <translation>服务器终止了连接：%1。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account is disabled.</source>
        <translation>该账户已被停用。</translation>
    </message>
    <message>
        <source>The password has expired.</source>
        <translation>密码已过期。</translation>
    </message>
    <message>
        <source>The server could not check the password just now.</source>
        <translation>服务器暂时无法验证密码。</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1.</source>
        <translation>服务器拒绝了登录：%1。</translation>
    </message>
    <message>
        <source>The server acknowledged %1 stanzas, but only %2 were waiting for it.</source>
        <translation>服务器确认了 %1 个 stanza，但只有 %2 个在等待确认。</translation>
    </message>
    <message>
        <source>Could not sign in to %1 within %2 s.</source>
        <translation>未能在 %2 秒内登录 %1。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器已停止响应。</translation>
    </message>
    <message>
        <source>The server did not open a client stream.</source>
        <translation>服务器未打开客户端流。</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server sent invalid XML: %1</source>
        <translation>服务器发送了无效的 XML：%1</translation>
    </message>
    <message>
        <source>The connection closed before the answer came: %1</source>
        <translation>收到响应前连接已关闭：%1</translation>
    </message>
    <message>
        <source>Disconnected on request.</source>
        <translation>已按请求断开连接。</translation>
    </message>
    <message>
        <source>The connection was dropped.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>Only an iq of type get or set can be sent for an answer.</source>
        <translation>只有 get 或 set 类型的 iq 才能发送并等待响应。</translation>
    </message>
    <message>
        <source>Signed in to another account before the answer came.</source>
        <translation>收到响应前已登录到其他账户。</translation>
    </message>
    <message>
        <source>Could not set up encryption with the server (%1).</source>
        <translation>无法与服务器建立加密连接（%1）。</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (%1).</source>
        <translation>代理要求提供用户名和密码（%1）。</translation>
    </message>
    <message>
        <source>Could not connect to the server (%1).</source>
        <translation>无法连接到服务器（%1）。</translation>
    </message>
    <message>
        <source>The connection to the server was lost (%1).</source>
        <translation>与服务器的连接已中断（%1）。</translation>
    </message>
    <message>
        <source>The server does not offer encryption, so Convene will not sign in to it.</source>
        <translation>服务器不支持加密，Convene 不会登录该服务器。</translation>
    </message>
    <message>
        <source>The server could not start encryption.</source>
        <translation>服务器无法启动加密。</translation>
    </message>
    <message>
        <source>The server refused to bind a resource: %1</source>
        <translation>服务器拒绝绑定资源：%1</translation>
    </message>
    <message>
        <source>The server bound an unexpected address: %1</source>
        <translation>服务器绑定了意外的地址：%1</translation>
    </message>
    <message>
        <source>The connection was lost before the answer came.</source>
        <translation>收到响应前连接已中断。</translation>
    </message>
    <message>
        <source>The server sent an invalid count.</source>
        <translation>服务器发送的计数无效。</translation>
    </message>
</context>
</TS>
