pragma Singleton
import QtQuick

// The call stage is dark in light and dark mode alike, so video reads well: its own palette.
QtObject {
    readonly property color stage: "#111216"
    readonly property color tile: "#24252D"
    readonly property color control: "#33353F"
    readonly property color controlHover: "#41434F"
    readonly property color controlPressed: "#4C4F5C"
    readonly property color scrim: "#99000000"
    readonly property color label: "#B3111216"
    readonly property color text: "#F2F3F6"
    readonly property color textSecondary: "#A9ACBA"
    readonly property color accent: "#7B8CFF"
    readonly property color speaking: "#3FC283"
    readonly property color danger: "#E5484D"
    readonly property color dangerHover: "#EE6367"
    readonly property color success: "#2FA66A"
    readonly property color successHover: "#38B978"
    readonly property color focusRing: "#FFFFFF"

    readonly property int tileGap: 10
    readonly property int tileRadius: 10
    readonly property int controlSize: 48
}
