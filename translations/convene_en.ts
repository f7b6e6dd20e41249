<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Convene</source>
        <translation>About Convene</translation>
    </message>
    <message>
        <source>Convene</source>
        <translation>Convene</translation>
    </message>
    <message>
        <source>Team chat, calendar, documents and calls.</source>
        <translation>Team chat, calendar, documents and calls.</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0.</source>
        <translation>Licensed under the Apache License, Version 2.0.</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Workspace: %1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
<context>
    <name>BackendRegistry</name>
    <message>
        <source>No backend named “%1” is installed (available: %2).</source>
        <translation>No backend named “%1” is installed (available: %2).</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Your calendar is clear</source>
        <translation>Your calendar is clear</translation>
    </message>
    <message>
        <source>Meetings and invitations from your team appear here in day, week and month views, with reminders and a link to join each call.</source>
        <translation>Meetings and invitations from your team appear here in day, week and month views, with reminders and a link to join each call.</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>No calls right now</source>
        <translation>No calls right now</translation>
    </message>
    <message>
        <source>Start a call from a channel, a direct message or a calendar event. Calls in progress and recent calls appear here.</source>
        <translation>Start a call from a channel, a direct message or a calendar event. Calls in progress and recent calls appear here.</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>No conversations yet</translation>
    </message>
    <message>
        <source>Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.</source>
        <translation>Channels and direct messages with your team appear here. They stay readable offline, and search finds any message in Chinese or English.</translation>
    </message>
    <message>
        <source>Recent conversations</source>
        <translation>Recent conversations</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Team chat, calendar, documents and calls.</source>
        <translation>Team chat, calendar, documents and calls.</translation>
    </message>
    <message>
        <source>Keep all data and settings of this run in &lt;dir&gt;.</source>
        <translation>Keep all data and settings of this run in &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>Use the backend &lt;name&gt;, e.g. local.</source>
        <translation>Use the backend &lt;name&gt;, e.g. local.</translation>
    </message>
    <message>
        <source>Workspace file for the local backend.</source>
        <translation>Workspace file for the local backend.</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN.</source>
        <translation>User interface language: en or zh_CN.</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>Colour theme: light or dark.</translation>
    </message>
    <message>
        <source>Open on the view chat, calendar, docs or calls.</source>
        <translation>Open on the view chat, calendar, docs or calls.</translation>
    </message>
    <message>
        <source>Render the window to the PNG &lt;file&gt; and exit.</source>
        <translation>Render the window to the PNG &lt;file&gt; and exit.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>Invalid value “%1” for --%2; expected one of: %3</source>
        <translation>Invalid value “%1” for --%2; expected one of: %3</translation>
    </message>
    <message>
        <source>--profile needs a directory.</source>
        <translation>--profile needs a directory.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot needs a file name.</translation>
    </message>
    <message>
        <source>Ignoring the link %1: it names no view.</source>
        <translation>Ignoring the link %1: it names no view.</translation>
    </message>
    <message>
        <source>Opening %1; the rest of the link %2 is not supported yet.</source>
        <translation>Opening %1; the rest of the link %2 is not supported yet.</translation>
    </message>
    <message>
        <source>--view %1 wins over the link %2.</source>
        <translation>--view %1 wins over the link %2.</translation>
    </message>
    <message>
        <source>A convene:// link to open, e.g. convene://calendar.</source>
        <translation>A convene:// link to open, e.g. convene://calendar.</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Connection problem</translation>
    </message>
    <message>
        <source>You can keep working. Changes are saved on this device and sent when the connection returns.</source>
        <translation>You can keep working. Changes are saved on this device and sent when the connection returns.</translation>
    </message>
</context>
<context>
    <name>DocsPane</name>
    <message>
        <source>Docs</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>No documents yet</translation>
    </message>
    <message>
        <source>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</source>
        <translation>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</translation>
    </message>
</context>
<context>
    <name>LocalBackend</name>
    <message>
        <source>Convene Demo</source>
        <translation>Convene Demo</translation>
    </message>
    <message>
        <source>Hi %1, welcome aboard! Ping me here if you need anything. 有问题随时找我。</source>
        <translation>Hi %1, welcome aboard! Ping me here if you need anything. 有问题随时找我。</translation>
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
        <translation>Managed by your organization</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>About Convene</source>
        <translation>About Convene</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Restart Convene to use the new language.</source>
        <translation>Restart Convene to use the new language.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>How you appear on this device.</source>
        <translation>How you appear on this device.</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Where your workspace lives. Takes effect the next time Convene starts.</source>
        <translation>Where your workspace lives. Takes effect the next time Convene starts.</translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation>Local workspace</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Pause desktop notifications.</source>
        <translation>Pause desktop notifications.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Address of your organization's server, for network backends.</source>
        <translation>Address of your organization's server, for network backends.</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Leave empty to use the system proxy.</source>
        <translation>Leave empty to use the system proxy.</translation>
    </message>
</context>
<context>
    <name>convene::AppController</name>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
</context>
<context>
    <name>convene::AppRoot</name>
    <message>
        <source>Convene Demo</source>
        <translation>Convene Demo</translation>
    </message>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation>Cannot create the profile directory %1.</translation>
    </message>
    <message>
        <source>The main window could not be created.</source>
        <translation>The main window could not be created.</translation>
    </message>
</context>
<context>
    <name>convene::Settings</name>
    <message>
        <source>Unknown setting “%1”.</source>
        <translation>Unknown setting “%1”.</translation>
    </message>
    <message>
        <source>This setting is managed by your organization.</source>
        <translation>This setting is managed by your organization.</translation>
    </message>
    <message>
        <source>Invalid value for setting “%1”.</source>
        <translation>Invalid value for setting “%1”.</translation>
    </message>
    <message>
        <source>Could not save settings to %1.</source>
        <translation>Could not save settings to %1.</translation>
    </message>
</context>
<context>
    <name>convene::backends::local::LocalBackend</name>
    <message>
        <source>The workspace is unreachable.</source>
        <translation>The workspace is unreachable.</translation>
    </message>
    <message>
        <source>No user id was configured for this profile.</source>
        <translation>No user id was configured for this profile.</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>Cannot open the workspace %1: %2</translation>
    </message>
    <message>
        <source>The request was lost.</source>
        <translation>The request was lost.</translation>
    </message>
    <message>
        <source>This is too large to send (%1 KB; the limit is %2 KB).</source>
        <translation>This is too large to send (%1 KB; the limit is %2 KB).</translation>
    </message>
    <message>
        <source>The change is incomplete and was refused.</source>
        <translation>The change is incomplete and was refused.</translation>
    </message>
    <message>
        <source>The file is too large to upload.</source>
        <translation>The file is too large to upload.</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>The file no longer exists.</translation>
    </message>
</context>
<context>
    <name>convene::sync::SyncEngine</name>
    <message>
        <source>The local cache is not available.</source>
        <translation>The local cache is not available.</translation>
    </message>
    <message>
        <source>Could not queue the change: %1</source>
        <translation>Could not queue the change: %1</translation>
    </message>
    <message>
        <source>You are offline; try again when the connection is back.</source>
        <translation>You are offline; try again when the connection is back.</translation>
    </message>
</context>
</TS>