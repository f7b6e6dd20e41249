// The tip a HoverToolTip makes: its text and delay, shown while it is.
PlainToolTip {
    required property HoverToolTip host

    visible: host.shown
    delay: host.delay
    text: host.text
}
