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
    <message>
        <source>Keyboard shortcuts (%1)</source>
        <translation>Keyboard shortcuts (%1)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Demo workspace on this computer</source>
        <translation>Demo workspace on this computer</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sign in to a server…</source>
        <translation>Sign in to a server…</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Nothing planned from %1 to %2.</source>
        <translation>Nothing planned from %1 to %2.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <extracomment>Date format of a day's heading in the agenda (Qt date format)</extracomment>
        <translation>dddd, MMMM d</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Could not be saved</source>
        <translation>Could not be saved</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Video call</translation>
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
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
</context>
<context>
    <name>AttachFilesDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
</context>
<context>
    <name>AttachmentCard</name>
    <message>
        <source>Image too large to preview</source>
        <translation>Image too large to preview</translation>
    </message>
    <message>
        <source>Could not be downloaded</source>
        <translation>Could not be downloaded</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message numerus="yes">
        <source>%n more attachments not shown</source>
        <translation>
            <numerusform>%n more attachment not shown</numerusform>
            <numerusform>%n more attachments not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackendChoice</name>
    <message>
        <source>Your organization allows only the backends %1, and none of them is installed.</source>
        <translation>Your organization allows only the backends %1, and none of them is installed.</translation>
    </message>
    <message>
        <source>Your organization does not allow the backend “%1”; Convene uses “%2” instead.</source>
        <translation>Your organization does not allow the backend “%1”; Convene uses “%2” instead.</translation>
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
    <name>CacheProblemWindow</name>
    <message>
        <source>Cache problem — Convene</source>
        <translation>Cache problem — Convene</translation>
    </message>
    <message>
        <source>The data saved on this device is damaged</source>
        <translation>The data saved on this device is damaged</translation>
    </message>
    <message>
        <source>Convene keeps a copy of your workspace on this device, and that copy cannot be read. Your messages, events and documents are safe on the server: rebuilding downloads them again. The damaged file is kept, renamed, next to the new one.</source>
        <translation>Convene keeps a copy of your workspace on this device, and that copy cannot be read. Your messages, events and documents are safe on the server: rebuilding downloads them again. The damaged file is kept, renamed, next to the new one.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet will be carried over and sent.</source>
        <translation>
            <numerusform>%n change not sent yet will be carried over and sent.</numerusform>
            <numerusform>%n changes not sent yet will be carried over and sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1
Problem: %2</source>
        <translation>File: %1
Problem: %2</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Rebuilding…</source>
        <translation>Rebuilding…</translation>
    </message>
    <message>
        <source>Rebuild from server</source>
        <translation>Rebuild from server</translation>
    </message>
</context>
<context>
    <name>CalendarMenu</name>
    <message>
        <source>Import .ics…</source>
        <translation>Import .ics…</translation>
    </message>
    <message>
        <source>Import events from an .ics file</source>
        <translation>Import events from an .ics file</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Export .ics…</translation>
    </message>
    <message>
        <source>Export the calendar to an .ics file</source>
        <translation>Export the calendar to an .ics file</translation>
    </message>
    <message>
        <source>Calendar files</source>
        <translation>Calendar files</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>CalendarToolbar</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Go to today</translation>
    </message>
    <message>
        <source>Shortcut: T</source>
        <translation>Shortcut: T</translation>
    </message>
    <message>
        <source>Today (T)</source>
        <translation>Today (T)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Calendar view</source>
        <translation>Calendar view</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Shortcut: %1</source>
        <translation>Shortcut: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Shortcut: N</source>
        <translation>Shortcut: N</translation>
    </message>
    <message>
        <source>New event (N)</source>
        <translation>New event (N)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Only the organizer can change this event.</source>
        <translation>Only the organizer can change this event.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Calendar entries that could not be read: %1. The first: %2</source>
        <translation>Calendar entries that could not be read: %1. The first: %2</translation>
    </message>
    <message>
        <source>A calendar entry could not be read: %1</source>
        <translation>A calendar entry could not be read: %1</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Less</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>No events yet</translation>
    </message>
    <message>
        <source>Meetings and invitations from your team appear here. Create one, drag across the week to pick a time, or import an .ics file from another calendar.</source>
        <translation>Meetings and invitations from your team appear here. Create one, drag across the week to pick a time, or import an .ics file from another calendar.</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Drop .ics files to import their events</source>
        <translation>Drop .ics files to import their events</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Call in %1</source>
        <translation>Call in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the call</source>
        <translation>
            <numerusform>%n person in the call</numerusform>
            <numerusform>%n people in the call</numerusform>
        </translation>
    </message>
    <message>
        <source>Call duration %1</source>
        <translation>Call duration %1</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>Turn camera off</translation>
    </message>
    <message>
        <source>Turn camera on</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <source>Back to call</source>
        <translation>Back to call</translation>
    </message>
    <message>
        <source>Show the call</source>
        <translation>Show the call</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>Leave the call</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>Turn camera off</translation>
    </message>
    <message>
        <source>Turn camera on</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Camera, microphone and speaker</source>
        <translation>Camera, microphone and speaker</translation>
    </message>
    <message>
        <source>Hide connection stats</source>
        <translation>Hide connection stats</translation>
    </message>
    <message>
        <source>Show connection stats</source>
        <translation>Show connection stats</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>Leave the call</translation>
    </message>
</context>
<context>
    <name>CallHeader</name>
    <message>
        <source>Call duration %1</source>
        <translation>Call duration %1</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the call</source>
        <translation>
            <numerusform>%n person in the call</numerusform>
            <numerusform>%n people in the call</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallLinkRefusal</name>
    <message>
        <source>You cannot join this call</source>
        <translation>You cannot join this call</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
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
        <translation>Video %1×%2 at %3 fps</translation>
    </message>
    <message>
        <source>Bitrate %1 kbit/s video, %2 kbit/s audio</source>
        <translation>Bitrate %1 kbit/s video, %2 kbit/s audio</translation>
    </message>
    <message>
        <source>Latency %1 (measured)</source>
        <translation>Latency %1 (measured)</translation>
    </message>
    <message>
        <source>Latency %1 (estimated)</source>
        <translation>Latency %1 (estimated)</translation>
    </message>
    <message>
        <source>Sending %1×%2 at %3 fps</source>
        <translation>Sending %1×%2 at %3 fps</translation>
    </message>
    <message>
        <source>Bitrate %1 of %2 kbit/s video, %3 kbit/s audio</source>
        <extracomment>Video sent (%1) against its target (%2), then audio sent (%3), all in kbit/s</extracomment>
        <translation>Bitrate %1 of %2 kbit/s video, %3 kbit/s audio</translation>
    </message>
    <message>
        <source>Packet loss %1%, jitter %2</source>
        <extracomment>%1 is a percentage such as 1.5, %2 a duration such as "3 ms"</extracomment>
        <translation>Packet loss %1%, jitter %2</translation>
    </message>
    <message>
        <source>Round-trip time %1</source>
        <translation>Round-trip time %1</translation>
    </message>
    <message>
        <source>Resent %1 packets on request, refused %2</source>
        <extracomment>Video packets this participant asked to have sent again (NACK): %1 were, %2 were refused (over the limits)</extracomment>
        <translation>Resent %1 packets on request, refused %2</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Not encrypted</translation>
    </message>
    <message>
        <source>Encrypted: %1</source>
        <translation>Encrypted: %1</translation>
    </message>
    <message>
        <source>Path %1, %2 packets rejected</source>
        <extracomment>%1 is an address and port; %2 counts packets that failed authentication or came twice</extracomment>
        <translation>Path %1, %2 packets rejected</translation>
    </message>
    <message>
        <source>Route not known</source>
        <translation>Route not known</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>Route %1</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Joining the call…</source>
        <translation>Joining the call…</translation>
    </message>
</context>
<context>
    <name>ChannelDetailsDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Channel name</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Channel topic</source>
        <translation>Channel topic</translation>
    </message>
    <message>
        <source>Set topic</source>
        <translation>Set topic</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mute notifications</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>Members (%1)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>Leave channel</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Add people by name or pinyin initials</source>
        <translation>Add people by name or pinyin initials</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>ChannelMenu</name>
    <message>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>Remove star</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>ChannelRow</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <source>Private channel</source>
        <translation>Private channel</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>starred</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muted</translation>
    </message>
</context>
<context>
    <name>ChannelSidebar</name>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Jump to… (Ctrl+K)</source>
        <translation>Jump to… (Ctrl+K)</translation>
    </message>
    <message>
        <source>New channel or message</source>
        <translation>New channel or message</translation>
    </message>
    <message>
        <source>Create a channel…</source>
        <translation>Create a channel…</translation>
    </message>
    <message>
        <source>New direct message…</source>
        <translation>New direct message…</translation>
    </message>
    <message>
        <source>Browse channels…</source>
        <translation>Browse channels…</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>New conversation</translation>
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
        <source>Hide conversations</source>
        <translation>Hide conversations</translation>
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
    <message>
        <source>Sign in to the server &lt;host[:port]&gt; (network backends).</source>
        <translation>Sign in to the server &lt;host[:port]&gt; (network backends).</translation>
    </message>
</context>
<context>
    <name>CompletionPopup</name>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Drop files to attach them</source>
        <translation>Drop files to attach them</translation>
    </message>
    <message>
        <source>Editing message · Enter to save, Esc to cancel</source>
        <translation>Editing message · Enter to save, Esc to cancel</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>%1, uploading</source>
        <translation>%1, uploading</translation>
    </message>
    <message>
        <source>%1, not uploaded: %2</source>
        <translation>%1, not uploaded: %2</translation>
    </message>
    <message>
        <source>%1, ready to send</source>
        <translation>%1, ready to send</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <message numerus="yes">
        <source>Some history of %n conversation(s) could not be loaded. Convene keeps trying.</source>
        <translation>
            <numerusform>Some history of %n conversation could not be loaded. Convene keeps trying.</numerusform>
            <numerusform>Some history of %n conversations could not be loaded. Convene keeps trying.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Remove star</source>
        <translation>Remove star</translation>
    </message>
    <message>
        <source>Star this conversation</source>
        <translation>Star this conversation</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Members and details</source>
        <translation>Members and details</translation>
    </message>
    <message>
        <source>Conversation details</source>
        <translation>Conversation details</translation>
    </message>
    <message>
        <source>Back to call</source>
        <translation>Back to call</translation>
    </message>
    <message>
        <source>Join call</source>
        <translation>Join call</translation>
    </message>
    <message>
        <source>Start a voice call</source>
        <translation>Start a voice call</translation>
    </message>
    <message>
        <source>Start a video call</source>
        <translation>Start a video call</translation>
    </message>
</context>
<context>
    <name>ConversationRail</name>
    <message>
        <source>Show conversations</source>
        <translation>Show conversations</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Search messages (Ctrl+F)</translation>
    </message>
    <message>
        <source>Jump to… (Ctrl+K)</source>
        <translation>Jump to… (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 is typing…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 and %2 are typing…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Several people are typing…</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Message #%1</translation>
    </message>
    <message>
        <source>You are viewing #%1</source>
        <translation>You are viewing #%1</translation>
    </message>
    <message>
        <source>Join channel</source>
        <translation>Join channel</translation>
    </message>
    <message>
        <source>Message %1</source>
        <comment>composer placeholder; %1 is the other person</comment>
        <translation>Message %1</translation>
    </message>
</context>
<context>
    <name>CreateChannelDialog</name>
    <message>
        <source>Create a channel</source>
        <translation>Create a channel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. marketing or 市场部</source>
        <translation>e.g. marketing or 市场部</translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation>Channel name</translation>
    </message>
    <message>
        <source>Topic (optional)</source>
        <translation>Topic (optional)</translation>
    </message>
    <message>
        <source>What is this channel about?</source>
        <translation>What is this channel about?</translation>
    </message>
    <message>
        <source>Channel topic</source>
        <translation>Channel topic</translation>
    </message>
    <message>
        <source>Private channel</source>
        <translation>Private channel</translation>
    </message>
    <message>
        <source>Only invited people can find and read it.</source>
        <translation>Only invited people can find and read it.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No password is saved for this account.</source>
        <translation>No password is saved for this account.</translation>
    </message>
    <message>
        <source>No keychain service is running on this computer, so Convene cannot remember your password. You will be asked for it each time Convene starts.</source>
        <translation>No keychain service is running on this computer, so Convene cannot remember your password. You will be asked for it each time Convene starts.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Access to the keychain was denied.</translation>
    </message>
    <message>
        <source>Convene could not use the keychain (%1), so it cannot remember your password. You will be asked for it each time Convene starts.</source>
        <translation>Convene could not use the keychain (%1), so it cannot remember your password. You will be asked for it each time Convene starts.</translation>
    </message>
</context>
<context>
    <name>DeleteDocumentDialog</name>
    <message>
        <source>Delete document</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <source>Delete “%1”? No one can open it any more. It stays in Deleted, where you can restore it.</source>
        <translation>Delete “%1”? No one can open it any more. It stays in Deleted, where you can restore it.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <source>Delete message</source>
        <translation>Delete message</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Delete this message for everyone? This cannot be undone.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>DeviceMenu</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>DeviceSection</name>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
</context>
<context>
    <name>DocFileDialog</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Import a Markdown file</source>
        <translation>Import a Markdown file</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Insert an image</translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation>Export as HTML</translation>
    </message>
    <message>
        <source>Export as OpenDocument text</source>
        <translation>Export as OpenDocument text</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>Export as Markdown</translation>
    </message>
    <message>
        <source>Markdown files (*.md *.markdown)</source>
        <translation>Markdown files (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML files (*.html *.htm)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument text (*.odt)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown files (*.md)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>DocListEmptyState</name>
    <message>
        <source>Loading documents…</source>
        <translation>Loading documents…</translation>
    </message>
    <message>
        <source>No documents match</source>
        <translation>No documents match</translation>
    </message>
    <message>
        <source>Nothing starred yet</source>
        <translation>Nothing starred yet</translation>
    </message>
    <message>
        <source>Nothing shared with you yet</source>
        <translation>Nothing shared with you yet</translation>
    </message>
    <message>
        <source>You have not created a document yet</source>
        <translation>You have not created a document yet</translation>
    </message>
    <message>
        <source>No deleted documents</source>
        <translation>No deleted documents</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>No documents yet</translation>
    </message>
    <message>
        <source>Try other words. Titles and text are both searched.</source>
        <translation>Try other words. Titles and text are both searched.</translation>
    </message>
    <message>
        <source>Star the documents you come back to, and they wait for you here.</source>
        <translation>Star the documents you come back to, and they wait for you here.</translation>
    </message>
    <message>
        <source>Documents your colleagues create show up here.</source>
        <translation>Documents your colleagues create show up here.</translation>
    </message>
    <message>
        <source>Documents you create show up here.</source>
        <translation>Documents you create show up here.</translation>
    </message>
    <message>
        <source>Documents you delete stay here, so you can restore them.</source>
        <translation>Documents you delete stay here, so you can restore them.</translation>
    </message>
    <message>
        <source>Write something together: everyone edits at the same time, even offline.</source>
        <translation>Write something together: everyone edits at the same time, even offline.</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
</context>
<context>
    <name>DocOpeningIndicator</name>
    <message>
        <source>Opening the document…</source>
        <translation>Opening the document…</translation>
    </message>
</context>
<context>
    <name>DocTab</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Close “%1”</source>
        <translation>Close “%1”</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DocTabStrip</name>
    <message>
        <source>Hide the document list</source>
        <translation>Hide the document list</translation>
    </message>
    <message>
        <source>Show the document list</source>
        <translation>Show the document list</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Open documents</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
</context>
<context>
    <name>DocTitleField</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>DocToolButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DocsPane</name>
    <message>
        <source>Docs</source>
        <translation>Docs</translation>
    </message>
</context>
<context>
    <name>DocsSidebar</name>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
    <message>
        <source>Created by me</source>
        <translation>Created by me</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
    <message>
        <source>Import Markdown…</source>
        <translation>Import Markdown…</translation>
    </message>
    <message>
        <source>Import a Markdown file as a new document</source>
        <translation>Import a Markdown file as a new document</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>Show documents</source>
        <translation>Show documents</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 match</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 matches</translation>
    </message>
</context>
<context>
    <name>DocsToast</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Undo the deletion</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>DocsView</name>
    <message>
        <source>Docs</source>
        <translation>Docs</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link copied</translation>
    </message>
    <message>
        <source>“%1” deleted</source>
        <translation>“%1” deleted</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Restored “%1”</source>
        <translation>Restored “%1”</translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation>Restored an earlier version</translation>
    </message>
    <message>
        <source>Hide the document list</source>
        <translation>Hide the document list</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>No documents yet</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>No document open</translation>
    </message>
    <message>
        <source>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</source>
        <translation>Documents you write together appear here. Everyone edits at the same time, and changes made offline merge when you reconnect.</translation>
    </message>
    <message>
        <source>Open a document from the list, or create one.</source>
        <translation>Open a document from the list, or create one.</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>Continue writing at the end</source>
        <translation>Continue writing at the end</translation>
    </message>
    <message>
        <source>Exported to “%1”</source>
        <translation>Exported to “%1”</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>Version history</source>
        <translation>Version history</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>starred</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>Actions for “%1”</source>
        <translation>Actions for “%1”</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>Saved on this computer — sends when you are back online</source>
        <translation>Saved on this computer — sends when you are back online</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Created by %1</translation>
    </message>
    <message>
        <source>Edited %1 by %2</source>
        <translation>Edited %1 by %2</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>Remove star</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Restore “%1”</source>
        <translation>Restore “%1”</translation>
    </message>
</context>
<context>
    <name>DocumentRowMenu</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Remove star</source>
        <translation>Remove star</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>Delete the document</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Restore the document</source>
        <translation>Restore the document</translation>
    </message>
</context>
<context>
    <name>DocumentText</name>
    <message>
        <source>Start writing, or type # for a heading, - for a list…</source>
        <translation>Start writing, or type # for a heading, - for a list…</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Document text</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji</source>
        <translation>Search emoji</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
</context>
<context>
    <name>EventDetailsPopup</name>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>Maybe</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation>Delegated</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Could not be saved: %1</source>
        <translation>Could not be saved: %1</translation>
    </message>
    <message>
        <source>Could not be saved.</source>
        <translation>Could not be saved.</translation>
    </message>
    <message>
        <source>Not sent yet. It is kept on this device and sent when the connection is back.</source>
        <translation>Not sent yet. It is kept on this device and sent when the connection is back.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>This event was cancelled.</source>
        <translation>This event was cancelled.</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Join call</source>
        <translation>Join call</translation>
    </message>
    <message>
        <source>Join the event's call</source>
        <translation>Join the event's call</translation>
    </message>
    <message>
        <source>The call was cancelled with the event.</source>
        <translation>The call was cancelled with the event.</translation>
    </message>
    <message>
        <source>You can join from 10 minutes before the start.</source>
        <translation>You can join from 10 minutes before the start.</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>Organizer: %1</translation>
    </message>
    <message>
        <source>Guests: %1</source>
        <translation>Guests: %1</translation>
    </message>
    <message>
        <source>%1 yes, %2 maybe, %3 no, %4 awaiting</source>
        <translation>%1 yes, %2 maybe, %3 no, %4 awaiting</translation>
    </message>
    <message>
        <source>Going?</source>
        <translation>Going?</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Add a note for the organizer (optional)</source>
        <translation>Add a note for the organizer (optional)</translation>
    </message>
    <message>
        <source>Note for the organizer</source>
        <translation>Note for the organizer</translation>
    </message>
    <message>
        <source>Export as .ics</source>
        <translation>Export as .ics</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Enter the start date as YYYY-MM-DD, e.g. %1.</source>
        <translation>Enter the start date as YYYY-MM-DD, e.g. %1.</translation>
    </message>
    <message>
        <source>Enter the start time as HH:MM, e.g. 14:30.</source>
        <translation>Enter the start time as HH:MM, e.g. 14:30.</translation>
    </message>
    <message>
        <source>Enter the start time like 2:30 PM.</source>
        <translation>Enter the start time like 2:30 PM.</translation>
    </message>
    <message>
        <source>Enter the end date as YYYY-MM-DD, e.g. %1.</source>
        <translation>Enter the end date as YYYY-MM-DD, e.g. %1.</translation>
    </message>
    <message>
        <source>Enter the end time as HH:MM, e.g. 15:30.</source>
        <translation>Enter the end time as HH:MM, e.g. 15:30.</translation>
    </message>
    <message>
        <source>Enter the end time like 3:30 PM.</source>
        <translation>Enter the end time like 3:30 PM.</translation>
    </message>
    <message>
        <source>At start</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 day before</translation>
    </message>
    <message>
        <source>%1 days before</source>
        <translation>%1 days before</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 hour before</translation>
    </message>
    <message>
        <source>%1 hours before</source>
        <translation>%1 hours before</translation>
    </message>
    <message>
        <source>%1 min before</source>
        <translation>%1 min before</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>Add a title</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Repeat rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE</source>
        <translation>Repeat rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE</translation>
    </message>
    <message>
        <source>Custom repeat rule (RRULE)</source>
        <translation>Custom repeat rule (RRULE)</translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation>Add a location</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Add video call</source>
        <translation>Add video call</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>No reminder</translation>
    </message>
    <message>
        <source>Remind %1</source>
        <translation>Remind %1</translation>
    </message>
    <message>
        <source>Add notes: an agenda, links, what to prepare</source>
        <translation>Add notes: an agenda, links, what to prepare</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ExportMenuButton</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Markdown (.md)…</source>
        <translation>Markdown (.md)…</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>Export as Markdown</translation>
    </message>
    <message>
        <source>Web page (.html)…</source>
        <translation>Web page (.html)…</translation>
    </message>
    <message>
        <source>Export as HTML</source>
        <translation>Export as HTML</translation>
    </message>
    <message>
        <source>OpenDocument text (.odt)…</source>
        <translation>OpenDocument text (.odt)…</translation>
    </message>
    <message>
        <source>Export as OpenDocument text</source>
        <translation>Export as OpenDocument text</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>Welcome — Convene</source>
        <translation>Welcome — Convene</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <source>What should people call you? Everyone in the workspace sees this name next to your messages. You can change it later in Settings.</source>
        <translation>What should people call you? Everyone in the workspace sees this name next to your messages. You can change it later in Settings.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>e.g. Ana Lima or 王芳</source>
        <translation>e.g. Ana Lima or 王芳</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Welcome to Convene</source>
        <translation>Welcome to Convene</translation>
    </message>
</context>
<context>
    <name>FormattingToolbar</name>
    <message>
        <source>Formatting</source>
        <translation>Formatting</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Underline</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>Strikethrough</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Inline code</source>
        <translation>Inline code</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Code block</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mention someone</source>
        <translation>Mention someone</translation>
    </message>
</context>
<context>
    <name>GuestPicker</name>
    <message>
        <source>Add guests by name</source>
        <translation>Add guests by name</translation>
    </message>
    <message>
        <source>Find people to invite</source>
        <translation>Find people to invite</translation>
    </message>
    <message>
        <source>Invite %1</source>
        <translation>Invite %1</translation>
    </message>
    <message>
        <source>No one by that name.</source>
        <translation>No one by that name.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Busy times</source>
        <translation>Busy times</translation>
    </message>
    <message>
        <source>When %1 is busy that day</source>
        <translation>When %1 is busy that day</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Version history</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>Back to the document</source>
        <translation>Back to the document</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters added</source>
        <translation>
            <numerusform>%n character added</numerusform>
            <numerusform>%n characters added</numerusform>
        </translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message numerus="yes">
        <source>%n characters removed</source>
        <translation>
            <numerusform>%n character removed</numerusform>
            <numerusform>%n characters removed</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>compared with the version before</source>
        <translation>compared with the version before</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>The version's text</source>
        <translation>The version's text</translation>
    </message>
    <message>
        <source>Close version history</source>
        <translation>Close version history</translation>
    </message>
    <message>
        <source>Save version…</source>
        <translation>Save version…</translation>
    </message>
    <message>
        <source>Save a named version</source>
        <translation>Save a named version</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>No versions yet. Versions are saved as you edit, and you can name one any time.</source>
        <translation>No versions yet. Versions are saved as you edit, and you can name one any time.</translation>
    </message>
    <message>
        <source>Restore this version?</source>
        <translation>Restore this version?</translation>
    </message>
    <message>
        <source>The document goes back to “%1” for everyone. What it has now stays in the history, so you can go back to it.</source>
        <translation>The document goes back to “%1” for everyone. What it has now stays in the history, so you can go back to it.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>IcsFileDialog</name>
    <message>
        <source>Export the calendar</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>Import events</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export the event</source>
        <translation>Export the event</translation>
    </message>
</context>
<context>
    <name>ImageDropArea</name>
    <message>
        <source>Drop images to add them here</source>
        <translation>Drop images to add them here</translation>
    </message>
</context>
<context>
    <name>IncomingCallBanner</name>
    <message>
        <source>%1 is calling</source>
        <translation>%1 is calling</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Where the call comes from: %1 is a channel ("#name") or the people of a group message</extracomment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Voice call</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Decline the call</source>
        <translation>Decline the call</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Accept the call</source>
        <translation>Accept the call</translation>
    </message>
</context>
<context>
    <name>InvitationCard</name>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>Maybe</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Delegated</source>
        <translation>Delegated</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Not answered yet</translation>
    </message>
    <message>
        <source>Invitation: %1, %2</source>
        <translation>Invitation: %1, %2</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Calendar invitation</source>
        <translation>Calendar invitation</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>Organizer: %1</translation>
    </message>
    <message>
        <source>This event is no longer in the calendar.</source>
        <translation>This event is no longer in the calendar.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>You organize this event.</source>
        <translation>You organize this event.</translation>
    </message>
    <message>
        <source>Your answer: %1</source>
        <translation>Your answer: %1</translation>
    </message>
    <message>
        <source>You are not invited to this event.</source>
        <translation>You are not invited to this event.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Anywhere</source>
        <translation>Anywhere</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>A selected message</source>
        <translation>A selected message</translation>
    </message>
    <message>
        <source>Writing a message</source>
        <translation>Writing a message</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Go to Chat</source>
        <translation>Go to Chat</translation>
    </message>
    <message>
        <source>Go to Calendar</source>
        <translation>Go to Calendar</translation>
    </message>
    <message>
        <source>Go to Docs</source>
        <translation>Go to Docs</translation>
    </message>
    <message>
        <source>Go to Calls</source>
        <translation>Go to Calls</translation>
    </message>
    <message>
        <source>Move to the next part of the window</source>
        <translation>Move to the next part of the window</translation>
    </message>
    <message>
        <source>Move to the previous part of the window</source>
        <translation>Move to the previous part of the window</translation>
    </message>
    <message>
        <source>Move to the next control</source>
        <translation>Move to the next control</translation>
    </message>
    <message>
        <source>Move to the previous control</source>
        <translation>Move to the previous control</translation>
    </message>
    <message>
        <source>Close the innermost panel, menu or dialog</source>
        <translation>Close the innermost panel, menu or dialog</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>Show keyboard shortcuts</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>First item</source>
        <translation>First item</translation>
    </message>
    <message>
        <source>Last item</source>
        <translation>Last item</translation>
    </message>
    <message>
        <source>Open the item; on a message, its actions</source>
        <translation>Open the item; on a message, its actions</translation>
    </message>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>Jump to a conversation or person</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Previous conversation</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Next conversation</translation>
    </message>
    <message>
        <source>Star, mute or leave the conversation selected in the list</source>
        <translation>Star, mute or leave the conversation selected in the list</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Add a reaction</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>Reply in thread</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Edit your message</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Delete your message</source>
        <translation>Delete your message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Edit your last message (in an empty composer)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>Insert a tab character</source>
        <translation>Insert a tab character</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>Day view</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>Week view</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>Month view</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>Close the document</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>Next document</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <source>Show or hide the document list</source>
        <translation>Show or hide the document list</translation>
    </message>
    <message>
        <source>Answer an incoming call</source>
        <translation>Answer an incoming call</translation>
    </message>
    <message>
        <source>Decline an incoming call</source>
        <translation>Decline an incoming call</translation>
    </message>
    <message>
        <source>Mute or unmute the microphone</source>
        <translation>Mute or unmute the microphone</translation>
    </message>
    <message>
        <source>Turn the camera on or off</source>
        <translation>Turn the camera on or off</translation>
    </message>
    <message>
        <source>Show or hide the call statistics</source>
        <translation>Show or hide the call statistics</translation>
    </message>
    <message>
        <source>Leave the call</source>
        <translation>Leave the call</translation>
    </message>
    <message>
        <source>The days of the month view</source>
        <translation>The days of the month view</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Same day a week earlier</source>
        <translation>Same day a week earlier</translation>
    </message>
    <message>
        <source>Same day a week later</source>
        <translation>Same day a week later</translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation>First day of the week</translation>
    </message>
    <message>
        <source>Last day of the week</source>
        <translation>Last day of the week</translation>
    </message>
    <message>
        <source>Same day a month earlier</source>
        <translation>Same day a month earlier</translation>
    </message>
    <message>
        <source>Same day a month later</source>
        <translation>Same day a month later</translation>
    </message>
    <message>
        <source>New all-day event on the day</source>
        <translation>New all-day event on the day</translation>
    </message>
    <message>
        <source>The month overview beside the calendar (arrows and page keys as in the month view)</source>
        <translation>The month overview beside the calendar (arrows and page keys as in the month view)</translation>
    </message>
    <message>
        <source>Show the day</source>
        <translation>Show the day</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Edit link</source>
        <translation>Edit link</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Add link</translation>
    </message>
    <message>
        <source>Enter a web address (https://…), an email address or a document link.</source>
        <translation>Enter a web address (https://…), an email address or a document link.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Text to show</source>
        <translation>Text to show</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>https://example.com</source>
        <translation>https://example.com</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Link address</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
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
    <message>
        <source>Welcome call with Li Wei</source>
        <translation>Welcome call with Li Wei</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>You are not a member of this conversation.</source>
        <translation>You are not a member of this conversation.</translation>
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
        <translation>The calendar is not available.</translation>
    </message>
    <message>
        <source>This call link cannot be opened here.</source>
        <translation>This call link cannot be opened here.</translation>
    </message>
    <message>
        <source>Convene is already running with this profile, so no screenshot was taken. Quit it first, or use another --profile.</source>
        <translation>Convene is already running with this profile, so no screenshot was taken. Quit it first, or use another --profile.</translation>
    </message>
    <message>
        <source>%1 is not applied: Convene is already running with this profile. Quit it first to start with other options.</source>
        <translation>%1 is not applied: Convene is already running with this profile. Quit it first to start with other options.</translation>
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
    <name>MentionPopup</name>
    <message>
        <source>No one by that name</source>
        <translation>No one by that name</translation>
    </message>
    <message>
        <source>People to mention</source>
        <translation>People to mention</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Link copied</source>
        <translation>Link copied</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>This message was deleted.</source>
        <translation>This message was deleted.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <source>Calendar invitation</source>
        <translation>Calendar invitation</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Reply in thread</source>
        <translation>Reply in thread</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Add reaction…</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Message actions</translation>
    </message>
</context>
<context>
    <name>MessageSendState</name>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>MessageTimeline</name>
    <message>
        <source>Thread messages</source>
        <translation>Thread messages</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Jump to latest</translation>
    </message>
    <message>
        <source>New messages above</source>
        <translation>New messages above</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>Jump</translation>
    </message>
    <message>
        <source>Jump to the first new message</source>
        <translation>Jump to the first new message</translation>
    </message>
    <message>
        <source>New message from %1:</source>
        <translation>New message from %1:</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1:</source>
        <translation>
            <numerusform>%n new message, from %1:</numerusform>
            <numerusform>%n new messages, the last from %1:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageToolbar</name>
    <message>
        <source>React with %1</source>
        <translation>React with %1</translation>
    </message>
    <message>
        <source>Add reaction (R)</source>
        <translation>Add reaction (R)</translation>
    </message>
    <message>
        <source>Reply in thread (T)</source>
        <translation>Reply in thread (T)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>MiniMonth</name>
    <message>
        <source>Month overview</source>
        <translation>Month overview</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>Date format of the sidebar's month title (Qt date format)</extracomment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more: show the whole day</source>
        <translation>%1 more: show the whole day</translation>
    </message>
    <message>
        <source>Month of %1</source>
        <translation>Month of %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>no events</source>
        <translation>no events</translation>
    </message>
</context>
<context>
    <name>MoreActionsButton</name>
    <message>
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Hide version history</source>
        <translation>Hide version history</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>Delete the document</translation>
    </message>
</context>
<context>
    <name>NameFieldDialog</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <name>NetworkProxy</name>
    <message>
        <source>The proxy %1 is not a proxy address such as http://proxy.example.com:3128 or socks5://proxy.example.com:1080.</source>
        <translation>The proxy %1 is not a proxy address such as http://proxy.example.com:3128 or socks5://proxy.example.com:1080.</translation>
    </message>
</context>
<context>
    <name>NewMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message>
        <source>Find people by name or pinyin initials</source>
        <translation>Find people by name or pinyin initials</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Find people</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>To: %1</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>starts the direct message with the chosen people</comment>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>NewMessagesLine</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Convene cannot connect to your workspace.</source>
        <translation>Convene cannot connect to your workspace.</translation>
    </message>
    <message>
        <source>You are offline.</source>
        <translation>You are offline.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes are saved on this device and sent when the connection returns.</source>
        <translation>Your changes are saved on this device and sent when the connection returns.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>Retry connecting now</translation>
    </message>
</context>
<context>
    <name>OngoingCallCard</name>
    <message>
        <source>Call in %1 with %2</source>
        <translation>Call in %1 with %2</translation>
    </message>
    <message numerus="yes">
        <source>%n in the call · %1</source>
        <translation>
            <numerusform>%n in the call · %1</numerusform>
            <numerusform>%n in the call · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the call</source>
        <translation>
            <numerusform>%n in the call</numerusform>
            <numerusform>%n in the call</numerusform>
        </translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Join the call in %1</source>
        <translation>Join the call in %1</translation>
    </message>
</context>
<context>
    <name>OngoingCallsList</name>
    <message>
        <source>No calls right now</source>
        <translation>No calls right now</translation>
    </message>
    <message>
        <source>Calls in progress</source>
        <translation>Calls in progress</translation>
    </message>
    <message>
        <source>These calls are going on in your conversations. Join one to talk.</source>
        <translation>These calls are going on in your conversations. Join one to talk.</translation>
    </message>
    <message>
        <source>Start a call from a channel, a direct message or a calendar event. Calls going on in your conversations appear here, ready to join.</source>
        <translation>Start a call from a channel, a direct message or a calendar event. Calls going on in your conversations appear here, ready to join.</translation>
    </message>
</context>
<context>
    <name>ParagraphStyleBox</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Heading 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Heading 3</translation>
    </message>
    <message>
        <source>Heading 4</source>
        <translation>Heading 4</translation>
    </message>
    <message>
        <source>Heading 5</source>
        <translation>Heading 5</translation>
    </message>
    <message>
        <source>Heading 6</source>
        <translation>Heading 6</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Code block</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>Paragraph style</translation>
    </message>
</context>
<context>
    <name>ParticipantFaces</name>
    <message numerus="yes">
        <source>%n other people in this document</source>
        <translation>
            <numerusform>%n other person in this document</numerusform>
            <numerusform>%n other people in this document</numerusform>
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
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Connection failed</translation>
    </message>
    <message>
        <source>microphone off</source>
        <translation>microphone off</translation>
    </message>
    <message>
        <source>camera off</source>
        <translation>camera off</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>speaking</translation>
    </message>
</context>
<context>
    <name>PreJoinView</name>
    <message>
        <source>Join the call in %1</source>
        <translation>Join the call in %1</translation>
    </message>
    <message>
        <source>In the call: %1</source>
        <translation>In the call: %1</translation>
    </message>
    <message>
        <source>No one is in this call yet. Joining starts it.</source>
        <translation>No one is in this call yet. Joining starts it.</translation>
    </message>
    <message>
        <source>Your camera preview</source>
        <translation>Your camera preview</translation>
    </message>
    <message>
        <source>Starting your camera…</source>
        <translation>Starting your camera…</translation>
    </message>
    <message>
        <source>Your camera is off</source>
        <translation>Your camera is off</translation>
    </message>
    <message>
        <source>Join with the microphone off</source>
        <translation>Join with the microphone off</translation>
    </message>
    <message>
        <source>Join with the microphone on</source>
        <translation>Join with the microphone on</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Join with the camera off</source>
        <translation>Join with the camera off</translation>
    </message>
    <message>
        <source>Join with the camera on</source>
        <translation>Join with the camera on</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel and do not join</source>
        <translation>Cancel and do not join</translation>
    </message>
    <message>
        <source>Join now</source>
        <translation>Join now</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a conversation or person…</source>
        <translation>Jump to a conversation or person…</translation>
    </message>
    <message>
        <source>Jump to a conversation or person</source>
        <translation>Jump to a conversation or person</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nothing matches “%1”.</translation>
    </message>
</context>
<context>
    <name>ReactionBar</name>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 reacted with %2</translation>
    </message>
    <message>
        <source>Add reaction</source>
        <translation>Add reaction</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename document</source>
        <translation>Rename document</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
</context>
<context>
    <name>RoundControlButton</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A tooltip followed by its keyboard shortcut, e.g. "Mute (Ctrl+D)"</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SaveStateIndicator</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved on this computer — sends when you are back online</source>
        <translation>Saved on this computer — sends when you are back online</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Delete recurring event</source>
        <translation>Delete recurring event</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Move recurring event</source>
        <translation>Move recurring event</translation>
    </message>
    <message>
        <source>Save recurring event</source>
        <translation>Save recurring event</translation>
    </message>
    <message>
        <source>Delete “%1”? Everyone invited sees it as cancelled.</source>
        <translation>Delete “%1”? Everyone invited sees it as cancelled.</translation>
    </message>
    <message>
        <source>“%1” repeats. Which events do you want to delete?</source>
        <translation>“%1” repeats. Which events do you want to delete?</translation>
    </message>
    <message>
        <source>“%1” repeats. Which events do you want to change?</source>
        <translation>“%1” repeats. Which events do you want to change?</translation>
    </message>
    <message>
        <source>This event</source>
        <translation>This event</translation>
    </message>
    <message>
        <source>This and following events</source>
        <translation>This and following events</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Close search</translation>
    </message>
    <message>
        <source>Search messages, e.g. 会议 in:#general from:@li</source>
        <translation>Search messages, e.g. 会议 in:#general from:@li</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>No messages match.</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Find any message on this device, even offline. Chinese works too: 会议 finds 明天的会议. Narrow it with in:#channel or from:@name.</source>
        <translation>Find any message on this device, even offline. Chinese works too: 会议 finds 明天的会议. Narrow it with in:#channel or from:@name.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>in a thread</source>
        <translation>in a thread</translation>
    </message>
</context>
<context>
    <name>SectionHeading</name>
    <message>
        <source>Starred</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direct messages</translation>
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
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
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
    <message>
        <source>How others see you; leave empty to use your account's name.</source>
        <translation>How others see you; leave empty to use your account's name.</translation>
    </message>
    <message>
        <source>Set by the command line for this run. A choice made here replaces it.</source>
        <translation>Set by the command line for this run. A choice made here replaces it.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a shortcut's action: its keys</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — Convene</source>
        <translation>Sign in — Convene</translation>
    </message>
    <message>
        <source>Sign in to Convene</source>
        <translation>Sign in to Convene</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Leave empty to use your address's domain</source>
        <translation>Leave empty to use your address's domain</translation>
    </message>
    <message>
        <source>Server: %1 (set by your organization)</source>
        <translation>Server: %1 (set by your organization)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <source>Certificate fingerprint</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <source>Trust this certificate and sign in</source>
        <translation>Trust this certificate and sign in</translation>
    </message>
    <message>
        <source>Continue without saving the password</source>
        <translation>Continue without saving the password</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Use the demo workspace on this computer instead</source>
        <translation>Use the demo workspace on this computer instead</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Close thread</source>
        <translation>Close thread</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Reply…</translation>
    </message>
</context>
<context>
    <name>ThreadSummary</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Last reply %1</source>
        <translation>Last reply %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesBanner</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved on this device. %1</source>
        <translation>
            <numerusform>%n change could not be saved on this device. %1</numerusform>
            <numerusform>%n changes could not be saved on this device. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>Retry saving</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss these changes</source>
        <translation>Dismiss these changes</translation>
    </message>
</context>
<context>
    <name>VersionNameDialog</name>
    <message>
        <source>Save version</source>
        <translation>Save version</translation>
    </message>
    <message>
        <source>Version name</source>
        <translation>Version name</translation>
    </message>
    <message>
        <source>e.g. Draft for review</source>
        <translation>e.g. Draft for review</translation>
    </message>
</context>
<context>
    <name>VersionRow</name>
    <message>
        <source>%1, saved %2 by %3</source>
        <translation>%1, saved %2 by %3</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, by %2</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Yesterday, %1</source>
        <translation>Yesterday, %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
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
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>Could not be saved</source>
        <translation>Could not be saved</translation>
    </message>
    <message>
        <source>Could not be saved. Open it to retry or discard the change.</source>
        <translation>Could not be saved. Open it to retry or discard the change.</translation>
    </message>
    <message>
        <source>Not sent yet: it is saved on this device and sent when the connection is back.</source>
        <translation>Not sent yet: it is saved on this device and sent when the connection is back.</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>An event's title and its time, on one line</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>All day</translation>
    </message>
</context>
<context>
    <name>WriteFailureBanner</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved on this device. %1</source>
        <translation>
            <numerusform>%n change could not be saved on this device. %1</numerusform>
            <numerusform>%n changes could not be saved on this device. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your edit could not be saved on this device. %1</source>
        <translation>Your edit could not be saved on this device. %1</translation>
    </message>
    <message>
        <source>The message could not be deleted on this device. %1</source>
        <translation>The message could not be deleted on this device. %1</translation>
    </message>
    <message>
        <source>Your reaction could not be saved on this device. %1</source>
        <translation>Your reaction could not be saved on this device. %1</translation>
    </message>
    <message>
        <source>Your message could not be saved on this device. %1 It is still in the message box.</source>
        <translation>Your message could not be saved on this device. %1 It is still in the message box.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>Retry saving</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss this error</source>
        <translation>Dismiss this error</translation>
    </message>
</context>
<context>
    <name>convene::AppController</name>
    <message>
        <source>That message is not on this device yet; showing its conversation.</source>
        <translation>That message is not on this device yet; showing its conversation.</translation>
    </message>
</context>
<context>
    <name>convene::AppRoot</name>
    <message>
        <source>Cannot create the profile directory %1.</source>
        <translation>Cannot create the profile directory %1.</translation>
    </message>
    <message>
        <source>The main window could not be created.</source>
        <translation>The main window could not be created.</translation>
    </message>
    <message>
        <source>%1 is calling</source>
        <translation>%1 is calling</translation>
    </message>
    <message>
        <source>You have signed out of %1.</source>
        <translation>You have signed out of %1.</translation>
    </message>
    <message>
        <source>Your organization does not allow the backend “%1”.</source>
        <translation>Your organization does not allow the backend “%1”.</translation>
    </message>
</context>
<context>
    <name>convene::Autostart</name>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>Cannot remove %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>access denied</translation>
    </message>
</context>
<context>
    <name>convene::CalendarSetup</name>
    <message>
        <source>%1 invited you</source>
        <translation>%1 invited you</translation>
    </message>
    <message>
        <source>%1 changed the event</source>
        <translation>%1 changed the event</translation>
    </message>
    <message>
        <source>%1 cancelled the event</source>
        <translation>%1 cancelled the event</translation>
    </message>
    <message>
        <source>Missed reminder: started at %1</source>
        <translation>Missed reminder: started at %1</translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <translation>Starts at %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Missed reminder: starts at %1</source>
        <translation>Missed reminder: starts at %1</translation>
    </message>
</context>
<context>
    <name>convene::FirstRun</name>
    <message>
        <source>Enter the name others will see.</source>
        <translation>Enter the name others will see.</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>A name can have at most %1 characters.</translation>
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
    <message>
        <source>Your organization does not allow “%1” for this setting.</source>
        <translation>Your organization does not allow “%1” for this setting.</translation>
    </message>
</context>
<context>
    <name>convene::SignInController</name>
    <message>
        <source>The server did not answer. Check the address and your connection.</source>
        <translation>The server did not answer. Check the address and your connection.</translation>
    </message>
    <message>
        <source>Enter your password to sign in.</source>
        <translation>Enter your password to sign in.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Enter your address, such as name@example.org.</source>
        <translation>Enter your address, such as name@example.org.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted (%1). Trust it only if your administrator confirms this fingerprint.</source>
        <translation>The server's certificate is not trusted (%1). Trust it only if your administrator confirms this fingerprint.</translation>
    </message>
</context>
<context>
    <name>convene::TrayIcon</name>
    <message>
        <source>Open Convene</source>
        <translation>Open Convene</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message numerus="yes">
        <source>Convene — %n unread</source>
        <translation>
            <numerusform>Convene — %n unread</numerusform>
            <numerusform>Convene — %n unread</numerusform>
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
    <message>
        <source>The entry this refers to does not exist in this conversation.</source>
        <translation>The entry this refers to does not exist in this conversation.</translation>
    </message>
    <message>
        <source>The history position %1 is not valid here.</source>
        <translation>The history position %1 is not valid here.</translation>
    </message>
</context>
<context>
    <name>convene::calendar</name>
    <message>
        <source>The event has no title or no valid time.</source>
        <translation>The event has no title or no valid time.</translation>
    </message>
    <message>
        <source>There is no event to save.</source>
        <translation>There is no event to save.</translation>
    </message>
    <message>
        <source>The events of one entry must share their UID.</source>
        <translation>The events of one entry must share their UID.</translation>
    </message>
    <message>
        <source>The entry holds no event.</source>
        <translation>The entry holds no event.</translation>
    </message>
    <message>
        <source>The entry holds events of more than one series.</source>
        <translation>The entry holds events of more than one series.</translation>
    </message>
    <message>
        <source>The answer names no event or no valid reply.</source>
        <translation>The answer names no event or no valid reply.</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>The time zone “%1” is unknown.</translation>
    </message>
</context>
<context>
    <name>convene::calendar::CalendarController</name>
    <message>
        <source>The event cannot be saved: %1</source>
        <translation>The event cannot be saved: %1</translation>
    </message>
    <message>
        <source>There is no event to save.</source>
        <translation>There is no event to save.</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>The event no longer exists.</translation>
    </message>
    <message>
        <source>Only the organizer can change this event.</source>
        <translation>Only the organizer can change this event.</translation>
    </message>
    <message>
        <source>Only the organizer can move this event.</source>
        <translation>Only the organizer can move this event.</translation>
    </message>
    <message>
        <source>Only the organizer can delete this event.</source>
        <translation>Only the organizer can delete this event.</translation>
    </message>
    <message>
        <source>You are not invited to this event.</source>
        <translation>You are not invited to this event.</translation>
    </message>
    <message>
        <source>Answer with accept, maybe or decline.</source>
        <translation>Answer with accept, maybe or decline.</translation>
    </message>
    <message>
        <source>There is nothing to send again.</source>
        <translation>There is nothing to send again.</translation>
    </message>
    <message>
        <source>There is nothing to discard.</source>
        <translation>There is nothing to discard.</translation>
    </message>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <extracomment>Date format of the day view's title (Qt date format)</extracomment>
        <translation>dddd, MMMM d, yyyy</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>Date format of the month view's title</extracomment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>MMM d, yyyy</translation>
    </message>
    <message>
        <source>%1 – %2, %3</source>
        <extracomment>A range of days: first, last, year</extracomment>
        <translation>%1 – %2, %3</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>MMM d</translation>
    </message>
    <message>
        <source>ddd d</source>
        <extracomment>Day column header of the week view (Qt date format): weekday and day</extracomment>
        <translation>ddd d</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <extracomment>Date format of an event's day in its details (Qt date format)</extracomment>
        <translation>dddd, MMMM d</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Nothing was imported. %1</translation>
    </message>
    <message>
        <source>Import stopped at “%1”: %2</source>
        <translation>Import stopped at “%1”: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n event(s).</source>
        <translation>
            <numerusform>Imported %n event.</numerusform>
            <numerusform>Imported %n events.</numerusform>
        </translation>
    </message>
    <message>
        <source>The calendar cannot be exported: %1</source>
        <translation>The calendar cannot be exported: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Exported %n event.</numerusform>
            <numerusform>Exported %n events.</numerusform>
        </translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
</context>
<context>
    <name>convene::calendar::EventDraft</name>
    <message>
        <source>Give the event a title.</source>
        <translation>Give the event a title.</translation>
    </message>
    <message>
        <source>Choose when the event starts and ends.</source>
        <translation>Choose when the event starts and ends.</translation>
    </message>
    <message>
        <source>The event must end after it starts.</source>
        <translation>The event must end after it starts.</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>The time zone “%1” is unknown.</translation>
    </message>
    <message>
        <source>Describe how the event repeats, or choose a preset.</source>
        <translation>Describe how the event repeats, or choose a preset.</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Every weekday (Monday to Friday)</translation>
    </message>
    <message>
        <source>Weekly on %1</source>
        <translation>Weekly on %1</translation>
    </message>
    <message>
        <source>Monthly on day %1</source>
        <translation>Monthly on day %1</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <translation>Every year on %1</translation>
    </message>
    <message>
        <source>MMMM d</source>
        <translation>MMMM d</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Custom…</translation>
    </message>
</context>
<context>
    <name>convene::calendar::Folder</name>
    <message>
        <source>An event in %1 from %2 cannot be read: %3</source>
        <translation>An event in %1 from %2 cannot be read: %3</translation>
    </message>
    <message>
        <source>%1 tried to change an event of %2; the change is ignored.</source>
        <translation>%1 tried to change an event of %2; the change is ignored.</translation>
    </message>
</context>
<context>
    <name>convene::calendar::Ics</name>
    <message>
        <source>it has a date or time that is not valid.</source>
        <translation>it has a date or time that is not valid.</translation>
    </message>
    <message>
        <source>its time zone “%1” is unknown.</source>
        <translation>its time zone “%1” is unknown.</translation>
    </message>
    <message>
        <source>its rule “%1” cannot be read.</source>
        <translation>its rule “%1” cannot be read.</translation>
    </message>
    <message>
        <source>calendar systems other than the Gregorian (RSCALE) are not supported.</source>
        <translation>calendar systems other than the Gregorian (RSCALE) are not supported.</translation>
    </message>
    <message>
        <source>%1 must be followed by a component name.</source>
        <translation>%1 must be followed by a component name.</translation>
    </message>
    <message>
        <source>expected BEGIN:%1, found BEGIN:%2.</source>
        <translation>expected BEGIN:%1, found BEGIN:%2.</translation>
    </message>
    <message>
        <source>The file has more than %1 components.</source>
        <translation>The file has more than %1 components.</translation>
    </message>
    <message>
        <source>components are nested more than %1 deep.</source>
        <translation>components are nested more than %1 deep.</translation>
    </message>
    <message>
        <source>END:%1 closes no component.</source>
        <translation>END:%1 closes no component.</translation>
    </message>
    <message>
        <source>END:%1 does not close BEGIN:%2 of line %3.</source>
        <translation>END:%1 does not close BEGIN:%2 of line %3.</translation>
    </message>
    <message>
        <source>%1 stands outside BEGIN:%2 … END:%2.</source>
        <translation>%1 stands outside BEGIN:%2 … END:%2.</translation>
    </message>
    <message>
        <source>%1 has more than %2 properties.</source>
        <translation>%1 has more than %2 properties.</translation>
    </message>
    <message>
        <source>BEGIN:%1 is never closed by END:%1.</source>
        <translation>BEGIN:%1 is never closed by END:%1.</translation>
    </message>
    <message>
        <source>The file holds no BEGIN:%1.</source>
        <translation>The file holds no BEGIN:%1.</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>the text is not valid UTF-8.</translation>
    </message>
    <message>
        <source>this is not a property line (NAME:value).</source>
        <translation>this is not a property line (NAME:value).</translation>
    </message>
    <message>
        <source>a parameter of %1 is malformed.</source>
        <translation>a parameter of %1 is malformed.</translation>
    </message>
    <message>
        <source>a quoted parameter value of %1 is not closed.</source>
        <translation>a quoted parameter value of %1 is not closed.</translation>
    </message>
    <message>
        <source>%1 has no ':' before its value.</source>
        <translation>%1 has no ':' before its value.</translation>
    </message>
    <message>
        <source>the line contains a control character (0x%1).</source>
        <translation>the line contains a control character (0x%1).</translation>
    </message>
    <message>
        <source>a folded continuation line follows no content line.</source>
        <translation>a folded continuation line follows no content line.</translation>
    </message>
    <message>
        <source>the line is longer than %1 bytes.</source>
        <translation>the line is longer than %1 bytes.</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” is not valid.</source>
        <translation>The recurrence rule “%1” is not valid.</translation>
    </message>
    <message>
        <source>%1 is not a valid date or time.</source>
        <translation>%1 is not a valid date or time.</translation>
    </message>
    <message>
        <source>the time zone “%1” is unknown: the file has no VTIMEZONE for it and it is not an IANA time zone name.</source>
        <translation>the time zone “%1” is unknown: the file has no VTIMEZONE for it and it is not an IANA time zone name.</translation>
    </message>
    <message>
        <source>the event has no UID.</source>
        <translation>the event has no UID.</translation>
    </message>
    <message>
        <source>the event “%1” has no DTSTART.</source>
        <translation>the event “%1” has no DTSTART.</translation>
    </message>
    <message>
        <source>an event cannot have both DTEND and DURATION.</source>
        <translation>an event cannot have both DTEND and DURATION.</translation>
    </message>
    <message>
        <source>DTEND must be a date when DTSTART is a date, and a date and time otherwise.</source>
        <translation>DTEND must be a date when DTSTART is a date, and a date and time otherwise.</translation>
    </message>
    <message>
        <source>DTEND is before DTSTART.</source>
        <translation>DTEND is before DTSTART.</translation>
    </message>
    <message>
        <source>DURATION cannot be negative.</source>
        <translation>DURATION cannot be negative.</translation>
    </message>
    <message>
        <source>the DURATION of an all-day event must be whole days.</source>
        <translation>the DURATION of an all-day event must be whole days.</translation>
    </message>
    <message>
        <source>RECURRENCE-ID must be a date exactly when DTSTART is one.</source>
        <translation>RECURRENCE-ID must be a date exactly when DTSTART is one.</translation>
    </message>
    <message>
        <source>the event has more than %1 RDATE and EXDATE values.</source>
        <translation>the event has more than %1 RDATE and EXDATE values.</translation>
    </message>
    <message>
        <source>the period of an RDATE is not valid.</source>
        <translation>the period of an RDATE is not valid.</translation>
    </message>
    <message>
        <source>the period of an RDATE ends before it starts.</source>
        <translation>the period of an RDATE ends before it starts.</translation>
    </message>
    <message>
        <source>an event with a RECURRENCE-ID cannot have an RRULE.</source>
        <translation>an event with a RECURRENCE-ID cannot have an RRULE.</translation>
    </message>
    <message>
        <source>UNTIL must be a date when DTSTART is a date.</source>
        <translation>UNTIL must be a date when DTSTART is a date.</translation>
    </message>
    <message>
        <source>An event needs a UID.</source>
        <translation>An event needs a UID.</translation>
    </message>
    <message>
        <source>The event “%1” has no valid start.</source>
        <translation>The event “%1” has no valid start.</translation>
    </message>
    <message>
        <source>The event “%1” has both an end and a duration.</source>
        <translation>The event “%1” has both an end and a duration.</translation>
    </message>
    <message>
        <source>The event “%1” has a date that is not valid.</source>
        <translation>The event “%1” has a date that is not valid.</translation>
    </message>
    <message>
        <source>The time zone “%1” of the event “%2” is unknown.</source>
        <translation>The time zone “%1” of the event “%2” is unknown.</translation>
    </message>
    <message>
        <source>The source text of the event “%1” cannot be read: %2</source>
        <translation>The source text of the event “%1” cannot be read: %2</translation>
    </message>
    <message>
        <source>it holds more than one VEVENT.</source>
        <translation>it holds more than one VEVENT.</translation>
    </message>
    <message>
        <source>only iCalendar version 2.0 is supported (this is “%1”).</source>
        <translation>only iCalendar version 2.0 is supported (this is “%1”).</translation>
    </message>
    <message>
        <source>only the Gregorian calendar scale is supported.</source>
        <translation>only the Gregorian calendar scale is supported.</translation>
    </message>
    <message>
        <source>The file has %1 bytes; the limit is %2.</source>
        <translation>The file has %1 bytes; the limit is %2.</translation>
    </message>
    <message>
        <source>a second override of the same occurrence of “%1” (the first is at line %2).</source>
        <translation>a second override of the same occurrence of “%1” (the first is at line %2).</translation>
    </message>
    <message>
        <source>a second event with the UID “%1” (the first is at line %2).</source>
        <translation>a second event with the UID “%1” (the first is at line %2).</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown.</source>
        <translation>The time zone “%1” is unknown.</translation>
    </message>
    <message>
        <source>the value of %1 is not valid (“%2”).</source>
        <translation>the value of %1 is not valid (“%2”).</translation>
    </message>
    <message>
        <source>a parameter of %1 is not valid (%2).</source>
        <translation>a parameter of %1 is not valid (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 cannot be read (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>the rule has no FREQ.</source>
        <translation>the rule has no FREQ.</translation>
    </message>
    <message>
        <source>rules that repeat every second (FREQ=SECONDLY) are not supported.</source>
        <translation>rules that repeat every second (FREQ=SECONDLY) are not supported.</translation>
    </message>
    <message>
        <source>INTERVAL must be at least 1.</source>
        <translation>INTERVAL must be at least 1.</translation>
    </message>
    <message>
        <source>COUNT=%1 is more than the limit of %2.</source>
        <translation>COUNT=%1 is more than the limit of %2.</translation>
    </message>
    <message>
        <source>recurring events must start before the year 2583.</source>
        <translation>recurring events must start before the year 2583.</translation>
    </message>
    <message>
        <source>BYWEEKNO can only be used with FREQ=YEARLY.</source>
        <translation>BYWEEKNO can only be used with FREQ=YEARLY.</translation>
    </message>
    <message>
        <source>BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY.</source>
        <translation>BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY.</translation>
    </message>
    <message>
        <source>BYMONTHDAY cannot be used with FREQ=WEEKLY.</source>
        <translation>BYMONTHDAY cannot be used with FREQ=WEEKLY.</translation>
    </message>
    <message>
        <source>BYYEARDAY combined with BYWEEKNO, BYMONTH or BYMONTHDAY is not supported.</source>
        <translation>BYYEARDAY combined with BYWEEKNO, BYMONTH or BYMONTHDAY is not supported.</translation>
    </message>
    <message>
        <source>BYWEEKNO is supported only with BYDAY, and not with BYMONTH, BYMONTHDAY or BYSETPOS.</source>
        <translation>BYWEEKNO is supported only with BYDAY, and not with BYMONTH, BYMONTHDAY or BYSETPOS.</translation>
    </message>
    <message>
        <source>numbered BYDAY values (such as 2MO) need FREQ=MONTHLY or YEARLY, without BYWEEKNO.</source>
        <translation>numbered BYDAY values (such as 2MO) need FREQ=MONTHLY or YEARLY, without BYWEEKNO.</translation>
    </message>
    <message>
        <source>The event “%1” repeats too often or too rarely to be listed after %2.</source>
        <translation>The event “%1” repeats too often or too rarely to be listed after %2.</translation>
    </message>
    <message>
        <source>The event “%1” has more than %2 occurrences in this period; only the first %2 are listed.</source>
        <translation>The event “%1” has more than %2 occurrences in this period; only the first %2 are listed.</translation>
    </message>
    <message>
        <source>%1 of a VTIMEZONE has no DTSTART.</source>
        <translation>%1 of a VTIMEZONE has no DTSTART.</translation>
    </message>
    <message>
        <source>the DTSTART of a time zone observance must be a date and time before 2583.</source>
        <translation>the DTSTART of a time zone observance must be a date and time before 2583.</translation>
    </message>
    <message>
        <source>%1 of a VTIMEZONE has no %2.</source>
        <translation>%1 of a VTIMEZONE has no %2.</translation>
    </message>
    <message>
        <source>a UTC offset must be less than 24 hours.</source>
        <translation>a UTC offset must be less than 24 hours.</translation>
    </message>
    <message>
        <source>time zone rules must repeat yearly (FREQ=YEARLY).</source>
        <translation>time zone rules must repeat yearly (FREQ=YEARLY).</translation>
    </message>
    <message>
        <source>this time zone rule never applies.</source>
        <translation>this time zone rule never applies.</translation>
    </message>
    <message>
        <source>the VTIMEZONE has no TZID.</source>
        <translation>the VTIMEZONE has no TZID.</translation>
    </message>
    <message>
        <source>the VTIMEZONE “%1” has no STANDARD or DAYLIGHT part.</source>
        <translation>the VTIMEZONE “%1” has no STANDARD or DAYLIGHT part.</translation>
    </message>
    <message>
        <source>the time zone “%1” is defined twice, differently.</source>
        <translation>the time zone “%1” is defined twice, differently.</translation>
    </message>
    <message>
        <source>the VTIMEZONE “%1” cannot be used.</source>
        <translation>the VTIMEZONE “%1” cannot be used.</translation>
    </message>
    <message>
        <source>time zone rules may only use BYMONTH (one month), BYDAY and BYMONTHDAY.</source>
        <translation>time zone rules may only use BYMONTH (one month), BYDAY and BYMONTHDAY.</translation>
    </message>
    <message>
        <source>the time zones of the file have more than %1 RDATE values.</source>
        <translation>the time zones of the file have more than %1 RDATE values.</translation>
    </message>
    <message>
        <source>The time zone “%1” is unknown; floating times are read as UTC.</source>
        <translation>The time zone “%1” is unknown; floating times are read as UTC.</translation>
    </message>
    <message>
        <source>The event “%1” cannot be shown: %2</source>
        <translation>The event “%1” cannot be shown: %2</translation>
    </message>
    <message>
        <source>A second event has the UID “%1”; only the first is shown.</source>
        <translation>A second event has the UID “%1”; only the first is shown.</translation>
    </message>
    <message>
        <source>the DTSTART of a time zone observance is not a date.</source>
        <translation>the DTSTART of a time zone observance is not a date.</translation>
    </message>
</context>
<context>
    <name>convene::calendar::OccurrenceModel</name>
    <message>
        <source>All day</source>
        <translation>All day</translation>
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
        <translation>The recurrence rule “%1” cannot follow the event to its new day or time; change the rule along with the time.</translation>
    </message>
    <message>
        <source>The event “%1” replaces one occurrence of a series; edit it within its series.</source>
        <translation>The event “%1” replaces one occurrence of a series; edit it within its series.</translation>
    </message>
    <message>
        <source>The time zone “%1” for floating times is unknown.</source>
        <translation>The time zone “%1” for floating times is unknown.</translation>
    </message>
    <message>
        <source>The event “%1” has no valid start, or its time zone is unknown.</source>
        <translation>The event “%1” has no valid start, or its time zone is unknown.</translation>
    </message>
    <message>
        <source>An event given as an occurrence of “%1” does not belong to that series.</source>
        <translation>An event given as an occurrence of “%1” does not belong to that series.</translation>
    </message>
    <message>
        <source>The time of the change is not valid.</source>
        <translation>The time of the change is not valid.</translation>
    </message>
    <message>
        <source>The event “%1” has no occurrence at %2.</source>
        <translation>The event “%1” has no occurrence at %2.</translation>
    </message>
    <message>
        <source>The event “%1” repeats: say which of its occurrences to change.</source>
        <translation>The event “%1” repeats: say which of its occurrences to change.</translation>
    </message>
    <message>
        <source>The edited event has no valid start, or its time zone is unknown.</source>
        <translation>The edited event has no valid start, or its time zone is unknown.</translation>
    </message>
    <message>
        <source>The edited event has both an end and a duration.</source>
        <translation>The edited event has both an end and a duration.</translation>
    </message>
    <message>
        <source>The edited event has no valid end, or its time zone is unknown.</source>
        <translation>The edited event has no valid end, or its time zone is unknown.</translation>
    </message>
    <message>
        <source>The edited event must start and end on dates, or at times, alike.</source>
        <translation>The edited event must start and end on dates, or at times, alike.</translation>
    </message>
    <message>
        <source>The edited event ends before it starts.</source>
        <translation>The edited event ends before it starts.</translation>
    </message>
    <message>
        <source>An all-day event lasts whole days.</source>
        <translation>An all-day event lasts whole days.</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” is not valid.</source>
        <translation>The recurrence rule “%1” is not valid.</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” cannot be used: %2</source>
        <translation>The recurrence rule “%1” cannot be used: %2</translation>
    </message>
    <message>
        <source>The recurrence rule “%1” of an all-day event must end on a date.</source>
        <translation>The recurrence rule “%1” of an all-day event must end on a date.</translation>
    </message>
    <message>
        <source>One occurrence cannot change between all-day and timed; change all of them, or this and the following ones.</source>
        <translation>One occurrence cannot change between all-day and timed; change all of them, or this and the following ones.</translation>
    </message>
    <message>
        <source>The series “%1” has dates before its start; it cannot be split at its start.</source>
        <translation>The series “%1” has dates before its start; it cannot be split at its start.</translation>
    </message>
    <message>
        <source>The following occurrences need a new UID.</source>
        <translation>The following occurrences need a new UID.</translation>
    </message>
    <message>
        <source>This occurrence was added to the series by date, so the following ones cannot be changed from it; change all of them instead.</source>
        <translation>This occurrence was added to the series by date, so the following ones cannot be changed from it; change all of them instead.</translation>
    </message>
</context>
<context>
    <name>convene::call::CallController</name>
    <message>
        <source>Calling %1…</source>
        <translation>Calling %1…</translation>
    </message>
    <message>
        <source>Waiting for others to join…</source>
        <translation>Waiting for others to join…</translation>
    </message>
    <message>
        <source>%1 declined the call.</source>
        <translation>%1 declined the call.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>No answer.</translation>
    </message>
    <message>
        <source>Missed call from %1.</source>
        <translation>Missed call from %1.</translation>
    </message>
    <message>
        <source>Answered on another device.</source>
        <translation>Answered on another device.</translation>
    </message>
    <message>
        <source>The call ended.</source>
        <translation>The call ended.</translation>
    </message>
    <message>
        <source>Your camera or microphone stopped working. Choose another one in the device menu.</source>
        <translation>Your camera or microphone stopped working. Choose another one in the device menu.</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>You are already in a call. Leave it first.</source>
        <translation>You are already in a call. Leave it first.</translation>
    </message>
    <message>
        <source>This call link does not lead to a conversation in this workspace.</source>
        <translation>This call link does not lead to a conversation in this workspace.</translation>
    </message>
    <message>
        <source>This call is in a direct conversation you are not part of. Only its members can join it.</source>
        <translation>This call is in a direct conversation you are not part of. Only its members can join it.</translation>
    </message>
    <message>
        <source>This call is in a conversation you are not a member of. Only its members can join it.</source>
        <translation>This call is in a conversation you are not a member of. Only its members can join it.</translation>
    </message>
    <message>
        <source>The call servers in your settings are not valid, so calls may not connect across networks: %1</source>
        <translation>The call servers in your settings are not valid, so calls may not connect across networks: %1</translation>
    </message>
</context>
<context>
    <name>convene::call::CallDevices</name>
    <message>
        <source>The camera was disconnected. Now using %1.</source>
        <translation>The camera was disconnected. Now using %1.</translation>
    </message>
    <message>
        <source>The microphone was disconnected. Now using %1.</source>
        <translation>The microphone was disconnected. Now using %1.</translation>
    </message>
    <message>
        <source>The speaker was disconnected. Now using %1.</source>
        <translation>The speaker was disconnected. Now using %1.</translation>
    </message>
</context>
<context>
    <name>convene::call::CallEngineLibrary</name>
    <message>
        <source>Calls are not available: a part of Convene they need is missing or damaged. Reinstalling Convene repairs it.</source>
        <translation>Calls are not available: a part of Convene they need is missing or damaged. Reinstalling Convene repairs it.</translation>
    </message>
</context>
<context>
    <name>convene::call::CallSession</name>
    <message>
        <source>You are already in a call. Leave it first.</source>
        <translation>You are already in a call. Leave it first.</translation>
    </message>
    <message>
        <source>Choose a conversation to call.</source>
        <translation>Choose a conversation to call.</translation>
    </message>
    <message>
        <source>This call has ended or was answered elsewhere.</source>
        <translation>This call has ended or was answered elsewhere.</translation>
    </message>
</context>
<context>
    <name>convene::call::DeviceListModel</name>
    <message>
        <source>Test pattern</source>
        <translation>Test pattern</translation>
    </message>
    <message>
        <source>Synthetic voice</source>
        <translation>Synthetic voice</translation>
    </message>
    <message>
        <source>No sound output</source>
        <translation>No sound output</translation>
    </message>
</context>
<context>
    <name>convene::chat::AttachmentUploads</name>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 is not a file on this computer.</translation>
    </message>
    <message>
        <source>%1 is too large (%2; the limit is %3).</source>
        <translation>%1 is too large (%2; the limit is %3).</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message numerus="yes">
        <source>One message can carry at most %1 files: %n more were not added.</source>
        <translation>
            <numerusform>One message can carry at most %1 files: %n more was not added.</numerusform>
            <numerusform>One message can carry at most %1 files: %n more were not added.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not added: one message can carry at most %2 files.</source>
        <translation>%1 was not added: one message can carry at most %2 files.</translation>
    </message>
</context>
<context>
    <name>convene::chat::BlobCache</name>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChannelAdmin</name>
    <message>
        <source>Give the channel a name.</source>
        <translation>Give the channel a name.</translation>
    </message>
    <message>
        <source>Channel names can have at most %1 characters.</source>
        <translation>Channel names can have at most %1 characters.</translation>
    </message>
    <message>
        <source>Channel names cannot contain #, @, &lt; or &gt;.</source>
        <translation>Channel names cannot contain #, @, &lt; or &gt;.</translation>
    </message>
    <message>
        <source>A channel called “%1” already exists.</source>
        <translation>A channel called “%1” already exists.</translation>
    </message>
    <message>
        <source>Topics can have at most %1 characters.</source>
        <translation>Topics can have at most %1 characters.</translation>
    </message>
    <message>
        <source>You cannot leave a direct message. Mute it instead.</source>
        <translation>You cannot leave a direct message. Mute it instead.</translation>
    </message>
    <message>
        <source>Start a new group message to talk with more people.</source>
        <translation>Start a new group message to talk with more people.</translation>
    </message>
    <message>
        <source>There is nobody with that name in this workspace.</source>
        <translation>There is nobody with that name in this workspace.</translation>
    </message>
    <message>
        <source>%1 is already a member.</source>
        <translation>%1 is already a member.</translation>
    </message>
    <message>
        <source>Direct messages are named after their members.</source>
        <translation>Direct messages are named after their members.</translation>
    </message>
    <message>
        <source>A group message can have at most %1 people. Create a private channel instead.</source>
        <translation>A group message can have at most %1 people. Create a private channel instead.</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChannelListModel</name>
    <message>
        <source>This message was deleted.</source>
        <translation>This message was deleted.</translation>
    </message>
    <message>
        <source>Sent an attachment</source>
        <translation>Sent an attachment</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>You: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChatClipboard</name>
    <message>
        <source>Pasted image.png</source>
        <translation>Pasted image.png</translation>
    </message>
</context>
<context>
    <name>convene::chat::ChatController</name>
    <message>
        <source>Open a conversation first.</source>
        <translation>Open a conversation first.</translation>
    </message>
</context>
<context>
    <name>convene::chat::MessageListModel</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>%1 started a video call</source>
        <translation>%1 started a video call</translation>
    </message>
    <message>
        <source>%1 started a call</source>
        <translation>%1 started a call</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>Call ended, duration %1</source>
        <extracomment>%1 is how long the call lasted, e.g. "4:07" or "1:02:03"</extracomment>
        <translation>Call ended, duration %1</translation>
    </message>
</context>
<context>
    <name>convene::chat::MessageWriter</name>
    <message>
        <source>This thread's first message has not been sent yet.</source>
        <translation>This thread's first message has not been sent yet.</translation>
    </message>
    <message>
        <source>Wait until the files have finished uploading.</source>
        <translation>Wait until the files have finished uploading.</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>Type a message first.</translation>
    </message>
    <message>
        <source>This message has not been sent yet, so it cannot be edited.</source>
        <translation>This message has not been sent yet, so it cannot be edited.</translation>
    </message>
    <message>
        <source>A message cannot be empty. Delete it instead.</source>
        <translation>A message cannot be empty. Delete it instead.</translation>
    </message>
    <message>
        <source>This message has not been sent yet; discard it instead.</source>
        <translation>This message has not been sent yet; discard it instead.</translation>
    </message>
    <message>
        <source>Wait until the message has been sent to react to it.</source>
        <translation>Wait until the message has been sent to react to it.</translation>
    </message>
    <message>
        <source>That is not an emoji.</source>
        <translation>That is not an emoji.</translation>
    </message>
    <message>
        <source>This message is too long (%1 characters; the limit is %2).</source>
        <translation>This message is too long (%1 characters; the limit is %2).</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 wrote:</translation>
    </message>
    <message>
        <source>Untitled event</source>
        <translation>Untitled event</translation>
    </message>
    <message>
        <source>📅 Invitation: %1</source>
        <translation>📅 Invitation: %1</translation>
    </message>
    <message>
        <source>📅 Invitation: %1 — %2</source>
        <extracomment>A calendar invitation in chat, for clients without invitation cards: %1 the event's title, %2 when it starts</extracomment>
        <translation>📅 Invitation: %1 — %2</translation>
    </message>
    <message>
        <source>Invitations in chat go only to other members of the workspace.</source>
        <translation>Invitations in chat go only to other members of the workspace.</translation>
    </message>
    <message>
        <source>This event cannot be named in a message.</source>
        <translation>This event cannot be named in a message.</translation>
    </message>
</context>
<context>
    <name>convene::chat::NotificationCenter</name>
    <message>
        <source>Sent an attachment</source>
        <translation>Sent an attachment</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>convene::chat::QuickSwitcherModel</name>
    <message>
        <source>Not joined · %1</source>
        <translation>Not joined · %1</translation>
    </message>
    <message>
        <source>Not joined</source>
        <translation>Not joined</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocLoader</name>
    <message>
        <source>The document's first text is unreadable.</source>
        <translation>The document's first text is unreadable.</translation>
    </message>
    <message>
        <source>A change by %1 could not be read and was left out.</source>
        <translation>A change by %1 could not be read and was left out.</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocsController</name>
    <message>
        <source>%1 mentioned you in “%2”</source>
        <translation>%1 mentioned you in “%2”</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Titles can have at most %1 characters.</source>
        <translation>Titles can have at most %1 characters.</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>A document needs a title.</translation>
    </message>
    <message>
        <source>There is no such document.</source>
        <translation>There is no such document.</translation>
    </message>
    <message>
        <source>Only the person who created this document can delete it.</source>
        <translation>Only the person who created this document can delete it.</translation>
    </message>
    <message>
        <source>Only the person who created this document can restore it.</source>
        <translation>Only the person who created this document can restore it.</translation>
    </message>
    <message>
        <source>This document link does not lead to a document in this workspace.</source>
        <translation>This document link does not lead to a document in this workspace.</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>“%1” was deleted.</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Open a document first.</translation>
    </message>
    <message>
        <source>A version needs a name.</source>
        <translation>A version needs a name.</translation>
    </message>
    <message>
        <source>This document is too large to keep as a named version (%1 KB; the limit is %2 KB).</source>
        <translation>This document is too large to keep as a named version (%1 KB; the limit is %2 KB).</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocumentExport</name>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>Could not write “%1”: %2</translation>
    </message>
    <message>
        <source>Could not convert the document to %1.</source>
        <translation>Could not convert the document to %1.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Could not read “%1”: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to import (%2 MB; at most %3 MB).</source>
        <translation>“%1” is too large to import (%2 MB; at most %3 MB).</translation>
    </message>
    <message>
        <source>“%1” is not UTF-8 text.</source>
        <translation>“%1” is not UTF-8 text.</translation>
    </message>
</context>
<context>
    <name>convene::docs::DocumentSession</name>
    <message>
        <source>Open a document first.</source>
        <translation>Open a document first.</translation>
    </message>
    <message>
        <source>Images can be at most %1 MB.</source>
        <translation>Images can be at most %1 MB.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Could not read “%1”: %2</translation>
    </message>
    <message>
        <source>“%1” is not an image Convene can show (PNG, JPEG, GIF or WebP).</source>
        <translation>“%1” is not an image Convene can show (PNG, JPEG, GIF or WebP).</translation>
    </message>
    <message>
        <source>The image could not be uploaded: %1</source>
        <translation>The image could not be uploaded: %1</translation>
    </message>
    <message>
        <source>Your edits cannot be kept on this computer (%1 is not writable); they are sent as usual.</source>
        <translation>Your edits cannot be kept on this computer (%1 is not writable); they are sent as usual.</translation>
    </message>
</context>
<context>
    <name>convene::media::DtlsSrtpSession</name>
    <message>
        <source>The secure connection could not be set up (%1).</source>
        <translation>The secure connection could not be set up (%1).</translation>
    </message>
    <message>
        <source>The secure connection was not set up within %1 seconds.</source>
        <translation>The secure connection was not set up within %1 seconds.</translation>
    </message>
    <message>
        <source>The secure connection has no certificate.</source>
        <translation>The secure connection has no certificate.</translation>
    </message>
    <message>
        <source>The other side's certificate does not match the one announced for this call.</source>
        <translation>The other side's certificate does not match the one announced for this call.</translation>
    </message>
    <message>
        <source>The other side offered no SRTP protection this app accepts.</source>
        <translation>The other side offered no SRTP protection this app accepts.</translation>
    </message>
    <message>
        <source>SRTP could not be set up.</source>
        <translation>SRTP could not be set up.</translation>
    </message>
</context>
<context>
    <name>convene::media::DtlsSrtpTransport</name>
    <message>
        <source>The call's certificate could not be made (%1).</source>
        <translation>The call's certificate could not be made (%1).</translation>
    </message>
    <message>
        <source>The other side did not offer an encrypted connection.</source>
        <translation>The other side did not offer an encrypted connection.</translation>
    </message>
    <message>
        <source>The other side changed its certificate during the call.</source>
        <translation>The other side changed its certificate during the call.</translation>
    </message>
    <message>
        <source>The connection to the other side closed.</source>
        <translation>The connection to the other side closed.</translation>
    </message>
</context>
<context>
    <name>convene::media::IceTransport</name>
    <message>
        <source>No connection to the other side could be made.</source>
        <translation>No connection to the other side could be made.</translation>
    </message>
    <message>
        <source>The connection to the other side was lost.</source>
        <translation>The connection to the other side was lost.</translation>
    </message>
    <message>
        <source>This computer has no network address a call can use.</source>
        <translation>This computer has no network address a call can use.</translation>
    </message>
    <message>
        <source>The other side's connection details are invalid (%1).</source>
        <translation>The other side's connection details are invalid (%1).</translation>
    </message>
    <message>
        <source>Calls need libnice, which could not be loaded (%1).</source>
        <translation>Calls need libnice, which could not be loaded (%1).</translation>
    </message>
</context>
<context>
    <name>convene::sync::CacheCheck</name>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>Cannot move %1 to %2.</translation>
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
<context>
    <name>convene::xmpp::HttpFileUpload</name>
    <message>
        <source>Sharing files is not ready yet: the server's upload service is still being looked for. Try again in a moment.</source>
        <translation>Sharing files is not ready yet: the server's upload service is still being looked for. Try again in a moment.</translation>
    </message>
    <message>
        <source>This server does not offer file sharing (HTTP File Upload).</source>
        <translation>This server does not offer file sharing (HTTP File Upload).</translation>
    </message>
    <message>
        <source>This file is too large to share: the server accepts files of up to %1.</source>
        <translation>This file is too large to share: the server accepts files of up to %1.</translation>
    </message>
    <message>
        <source>The server refused the file as too large.</source>
        <translation>The server refused the file as too large.</translation>
    </message>
    <message>
        <source>The server refused the upload: %1</source>
        <translation>The server refused the upload: %1</translation>
    </message>
    <message>
        <source>This file is not on your server (%1), so it is not downloaded.</source>
        <translation>This file is not on your server (%1), so it is not downloaded.</translation>
    </message>
    <message>
        <source>There is no shared file with this address.</source>
        <translation>There is no shared file with this address.</translation>
    </message>
    <message>
        <source>Files are only downloaded over a secure connection (HTTPS).</source>
        <translation>Files are only downloaded over a secure connection (HTTPS).</translation>
    </message>
    <message>
        <source>The server answered the upload request without a slot.</source>
        <translation>The server answered the upload request without a slot.</translation>
    </message>
    <message>
        <source>The server's upload slot has no HTTPS address to upload to.</source>
        <translation>The server's upload slot has no HTTPS address to upload to.</translation>
    </message>
    <message>
        <source>The server's upload slot has no HTTPS address to download from.</source>
        <translation>The server's upload slot has no HTTPS address to download from.</translation>
    </message>
    <message>
        <source>The server's upload slot has an invalid header.</source>
        <translation>The server's upload slot has an invalid header.</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::HttpsClient</name>
    <message>
        <source>The file is larger than %1, more than is accepted.</source>
        <translation>The file is larger than %1, more than is accepted.</translation>
    </message>
    <message>
        <source>The file is not on the server (any more).</source>
        <translation>The file is not on the server (any more).</translation>
    </message>
    <message>
        <source>The file server refused access.</source>
        <translation>The file server refused access.</translation>
    </message>
    <message>
        <source>The file server refused the file as too large.</source>
        <translation>The file server refused the file as too large.</translation>
    </message>
    <message>
        <source>The file server answered with the error %1.</source>
        <translation>The file server answered with the error %1.</translation>
    </message>
    <message>
        <source>The file server stopped responding.</source>
        <translation>The file server stopped responding.</translation>
    </message>
    <message>
        <source>The file server cannot be reached: %1</source>
        <translation>The file server cannot be reached: %1</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::XmppBackend</name>
    <message>
        <source>The server is not reachable.</source>
        <translation>The server is not reachable.</translation>
    </message>
    <message>
        <source>Sign in with an address such as name@example.org.</source>
        <translation>Sign in with an address such as name@example.org.</translation>
    </message>
    <message>
        <source>No password is stored for %1.</source>
        <translation>No password is stored for %1.</translation>
    </message>
    <message>
        <source>The server address %1 is not valid.</source>
        <translation>The server address %1 is not valid.</translation>
    </message>
    <message>
        <source>You are not a member of this conversation.</source>
        <translation>You are not a member of this conversation.</translation>
    </message>
    <message>
        <source>The conversation cannot be entered (%1).</source>
        <translation>The conversation cannot be entered (%1).</translation>
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
        <source>The entry this refers to does not exist in this conversation.</source>
        <translation>The entry this refers to does not exist in this conversation.</translation>
    </message>
    <message>
        <source>The server did not confirm the change in time.</source>
        <translation>The server did not confirm the change in time.</translation>
    </message>
    <message>
        <source>The server refused the change (%1).</source>
        <translation>The server refused the change (%1).</translation>
    </message>
</context>
<context>
    <name>convene::xmpp::XmppSession</name>
    <message>
        <source>The server presented no certificate.</source>
        <translation>The server presented no certificate.</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted: %1</source>
        <translation>The server's certificate is not trusted: %1</translation>
    </message>
    <message>
        <source>An iq with the id “%1” is already waiting for its answer.</source>
        <translation>An iq with the id “%1” is already waiting for its answer.</translation>
    </message>
    <message>
        <source>No answer came within %1 s.</source>
        <translation>No answer came within %1 s.</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that keeps the password secret (it offers: %1).</source>
        <translation>The server offers no sign-in method that keeps the password secret (it offers: %1).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>The server sent malformed sign-in data.</source>
        <translation>The server sent malformed sign-in data.</translation>
    </message>
    <message>
        <source>The server could not prove it knows the password.</source>
        <translation>The server could not prove it knows the password.</translation>
    </message>
    <message>
        <source>The server sent an unexpected sign-in step: %1.</source>
        <translation>The server sent an unexpected sign-in step: %1.</translation>
    </message>
    <message>
        <source>Another device signed in with the same device name and replaced this connection.</source>
        <translation>Another device signed in with the same device name and replaced this connection.</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>The server is shutting down.</translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation>The server refused the connection: %1.</translation>
    </message>
    <message>
        <source>The server ended the connection: %1.</source>
        <translation>The server ended the connection: %1.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>The account is disabled.</source>
        <translation>The account is disabled.</translation>
    </message>
    <message>
        <source>The password has expired.</source>
        <translation>The password has expired.</translation>
    </message>
    <message>
        <source>The server could not check the password just now.</source>
        <translation>The server could not check the password just now.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1.</source>
        <translation>The server refused the sign-in: %1.</translation>
    </message>
    <message>
        <source>The server acknowledged %1 stanzas, but only %2 were waiting for it.</source>
        <translation>The server acknowledged %1 stanzas, but only %2 were waiting for it.</translation>
    </message>
    <message>
        <source>Could not sign in to %1 within %2 s.</source>
        <translation>Could not sign in to %1 within %2 s.</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>The server stopped answering.</translation>
    </message>
    <message>
        <source>The server did not open a client stream.</source>
        <translation>The server did not open a client stream.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>The server closed the connection.</translation>
    </message>
    <message>
        <source>The server sent invalid XML: %1</source>
        <translation>The server sent invalid XML: %1</translation>
    </message>
    <message>
        <source>The connection closed before the answer came: %1</source>
        <translation>The connection closed before the answer came: %1</translation>
    </message>
    <message>
        <source>Disconnected on request.</source>
        <translation>Disconnected on request.</translation>
    </message>
    <message>
        <source>The connection was dropped.</source>
        <translation>The connection was dropped.</translation>
    </message>
    <message>
        <source>Only an iq of type get or set can be sent for an answer.</source>
        <translation>Only an iq of type get or set can be sent for an answer.</translation>
    </message>
    <message>
        <source>Signed in to another account before the answer came.</source>
        <translation>Signed in to another account before the answer came.</translation>
    </message>
    <message>
        <source>Could not set up encryption with the server (%1).</source>
        <translation>Could not set up encryption with the server (%1).</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (%1).</source>
        <translation>The proxy asks for a user name and password (%1).</translation>
    </message>
    <message>
        <source>Could not connect to the server (%1).</source>
        <translation>Could not connect to the server (%1).</translation>
    </message>
    <message>
        <source>The connection to the server was lost (%1).</source>
        <translation>The connection to the server was lost (%1).</translation>
    </message>
    <message>
        <source>The server does not offer encryption, so Convene will not sign in to it.</source>
        <translation>The server does not offer encryption, so Convene will not sign in to it.</translation>
    </message>
    <message>
        <source>The server could not start encryption.</source>
        <translation>The server could not start encryption.</translation>
    </message>
    <message>
        <source>The server refused to bind a resource: %1</source>
        <translation>The server refused to bind a resource: %1</translation>
    </message>
    <message>
        <source>The server bound an unexpected address: %1</source>
        <translation>The server bound an unexpected address: %1</translation>
    </message>
    <message>
        <source>The connection was lost before the answer came.</source>
        <translation>The connection was lost before the answer came.</translation>
    </message>
    <message>
        <source>The server sent an invalid count.</source>
        <translation>The server sent an invalid count.</translation>
    </message>
</context>
</TS>