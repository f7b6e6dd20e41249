import QtQuick
import QtQuick.Controls
import QtTest
import Convene.Ui

// The keyboard focus ring is drawn by every focusable control and keeps at least 3:1 contrast
// (WCAG 2.1, 1.4.11) against each background it is drawn on, in both themes.
Item {
    id: root
    width: 400
    height: 300

    Component {
        id: railButton
        NavRailButton {
            text: "Chat"
            iconName: "chat"
        }
    }
    Component {
        id: railIconButton
        IconButton {
            text: "Settings"
            iconName: "settings"
            inRail: true
        }
    }
    Component {
        id: iconButton
        IconButton {
            text: "Close"
            iconName: "close"
        }
    }
    Component {
        id: accentButton
        AccentButton {
            text: "Join"
        }
    }
    Component {
        id: menuItem
        ThemedMenuItem {
            text: "Star"
        }
    }

    TestCase {
        name: "FocusRing"
        when: windowShown

        function cleanup() {
            Theme.dark = false
        }

        // Relative luminance and contrast ratio as WCAG defines them.
        function luminance(c) {
            const linear = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
        }
        function ratio(a, b) {
            const la = luminance(a)
            const lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }
        function ringOf(item) {
            if (item.objectName === "focusRing")
                return item
            const children = Array.from(item.children).concat(item.background ? [item.background] : [])
            for (const child of children) {
                const ring = ringOf(child)
                if (ring)
                    return ring
            }
            return null
        }

        function themes() {
            return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
        }

        function test_theme_colours_data() {
            return themes()
        }
        function test_theme_colours(data) {
            Theme.dark = data.dark
            const surfaces = { window: Theme.window, surface: Theme.surface, surfaceRaised: Theme.surfaceRaised,
                               hover: Theme.hover, selected: Theme.selected }
            for (const name in surfaces) {
                const r = ratio(Theme.focusRing, surfaces[name])
                verify(r >= 3, "focus ring on " + name + ": " + r.toFixed(2) + ":1")
            }
            const rail = { rail: Theme.rail, railSelected: Theme.railSelected, railHover: Theme.railHover }
            verify(Theme.focusRingOnRail !== undefined, "a focus ring colour for the rail")
            for (const name in rail) {
                const r = ratio(Theme.focusRingOnRail, rail[name])
                verify(r >= 3, "focus ring on " + name + ": " + r.toFixed(2) + ":1")
            }
        }

        function test_controls_data() {
            return themes()
        }
        function test_controls(data) {
            Theme.dark = data.dark
            const cases = [
                { name: "rail button, shown view", component: railButton, props: { selected: true }, around: [Theme.rail] },
                { name: "rail button", component: railButton, props: {}, around: [Theme.rail] },
                { name: "rail icon button", component: railIconButton, props: {}, around: [Theme.rail] },
                { name: "icon button", component: iconButton, props: {}, around: [Theme.window, Theme.surface, Theme.surfaceRaised] },
                { name: "accent button", component: accentButton, props: {}, around: [Theme.window, Theme.surfaceRaised] },
                { name: "menu item", component: menuItem, props: {}, around: [Theme.surfaceRaised] }
            ]
            for (const c of cases) {
                const control = createTemporaryObject(c.component, root, c.props)
                verify(control, c.name)
                control.forceActiveFocus(Qt.TabFocusReason)
                verify(control.visualFocus, c.name + " has the visual focus")
                const ring = ringOf(control)
                verify(ring !== null, c.name + " draws a focus ring")
                verify(ring.visible, c.name + ": its ring shows")
                // Drawn on the control's own fill unless it is outside it; and on what is around.
                const under = c.around.slice()
                if (!ring.outside && ring.parent.color.a > 0)
                    under.push(ring.parent.color)
                for (const background of under) {
                    const r = ratio(ring.border.color, background)
                    verify(r >= 3, c.name + ": ring " + ring.border.color + " on " + background + " is " + r.toFixed(2) + ":1")
                }
                control.focus = false
                verify(!ring.visible, c.name + ": no ring without the focus")
            }
        }
    }
}
