pragma Singleton
import QtQuick

// Colours, type scale, spacing and radii shared by every pane. `dark` is bound by the shell.
QtObject {
    id: theme

    property bool dark: false

    // Palette
    // Text colours keep 4.5:1 (WCAG AA) on every surface below, and text on accent- or
    // status-coloured fills 4.5:1 on them: dark text on the light fills of the dark theme.
    readonly property color accent: dark ? "#8C9AFF" : "#4F5BD5"
    readonly property color accentPressed: dark ? "#6374F0" : "#3F49B8"
    readonly property color textOnAccent: dark ? "#0E1020" : "#FFFFFF"
    readonly property color window: dark ? "#17181C" : "#FFFFFF"
    readonly property color surface: dark ? "#1F2026" : "#F6F7F9"
    readonly property color surfaceRaised: dark ? "#272830" : "#FFFFFF"
    readonly property color rail: dark ? "#111216" : "#2B2F5C"
    readonly property color railText: dark ? "#A9ACBA" : "#C9CCEA"
    readonly property color railSelected: dark ? "#2C2E3A" : "#444A8A"
    readonly property color railHover: dark ? "#1F2029" : "#373C74"
    readonly property color text: dark ? "#E8E9ED" : "#1D1F24"
    readonly property color textSecondary: dark ? "#A3A6B1" : "#5E6370"
    readonly property color textMuted: dark ? "#9EA1AA" : "#636874"
    readonly property color border: dark ? "#30323C" : "#E3E5EA" // dividers
    // The outline that tells where a control is (fields, unchecked switches): 3:1 on surfaces.
    readonly property color controlBorder: dark ? "#747886" : "#858A96"
    readonly property color hover: dark ? "#2A2C35" : "#EEF0F4"
    readonly property color selected: dark ? "#30345A" : "#E5E8FF"
    // The keyboard focus ring: on the window's surfaces, and on the navigation rail (dark in
    // both themes, where the accent is too faint).
    readonly property color focusRing: accent
    readonly property color focusRingOnRail: dark ? "#D6DBFF" : "#FFFFFF"
    readonly property color success: dark ? "#4CC38A" : "#16764A"
    readonly property color warning: dark ? "#F0B849" : "#8E5E18"
    readonly property color danger: dark ? "#F37F82" : "#C42B2B"
    readonly property color scrim: dark ? "#A0000000" : "#66000000"

    // Typography (pixel sizes; Qt scales them for high-DPI screens)
    readonly property int fontSizeSmall: 12
    readonly property int fontSizeBody: 14
    readonly property int fontSizeSubtitle: 16
    readonly property int fontSizeTitle: 20
    readonly property int fontSizeDisplay: 24

    // Spacing on a 4 px grid
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32

    readonly property int radiusS: 4
    readonly property int radiusM: 8
    readonly property int radiusL: 12

    readonly property int railWidth: 72
    readonly property int headerHeight: 52
    readonly property int controlHeight: 34

    readonly property int animationFast: 120

    // Qt picks fallback fonts without regard to emoji presentation: name the colour emoji font.
    readonly property string emojiFont: Qt.platform.os === "windows" ? "Segoe UI Emoji"
                                        : Qt.platform.os === "osx" ? "Apple Color Emoji" : "Noto Color Emoji"

    // Emoji as emojiFont shows them. U+FE0F only asks for the emoji presentation that font gives
    // anyway, and Noto Color Emoji lacks it, so Qt would load another font just for it.
    function emojiText(text: string): string {
        return text.replace(/\uFE0F/g, "")
    }

    function icon(name) {
        return Qt.resolvedUrl("icons/" + name + ".svg")
    }

    // A stable colour per person, so avatars are recognisable at a glance.
    function avatarColor(seed) {
        const colors = ["#E0637B", "#E3894B", "#C9A227", "#4BA36F", "#3B9AB2", "#5B7BE0", "#8E63D6", "#C25BB0"]
        let hash = 0
        for (let i = 0; i < seed.length; ++i)
            hash = (hash * 31 + seed.charCodeAt(i)) >>> 0
        return colors[hash % colors.length]
    }
}
