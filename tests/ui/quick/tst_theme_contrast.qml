import QtQuick
import QtTest
import Convene.Ui

// Every text colour of the theme on every background it is drawn on keeps WCAG AA contrast in
// both themes: 4.5:1 for text (the small sizes too), 3:1 for what tells where a control is.
TestCase {
    id: testCase
    name: "ThemeContrast"

    readonly property var surfaces: ["window", "surface", "surfaceRaised", "hover", "selected"]
    readonly property var textColours: ["text", "textSecondary", "textMuted", "accent", "success", "warning",
        "danger"]
    // Text drawn on a coloured fill: buttons, badges, today in the calendar, selected rows.
    readonly property var fills: ["accent", "accentPressed", "danger", "success", "warning"]
    readonly property var railSurfaces: ["rail", "railHover", "railSelected"]
    readonly property var boundaries: ["controlBorder", "accent", "focusRing"]

    function cleanup() {
        Theme.dark = false
    }

    function channel(value) {
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4)
    }
    function luminance(c) {
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    function ratio(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    // "name on background: ratio" for each pair below `minimum`.
    function failures(foregrounds, backgrounds, minimum) {
        let failed = []
        for (const fg of foregrounds) {
            for (const bg of backgrounds) {
                verify(Theme[fg] !== undefined && Theme[bg] !== undefined, fg + " on " + bg)
                const r = ratio(Theme[fg], Theme[bg])
                if (r < minimum)
                    failed.push(fg + " on " + bg + ": " + r.toFixed(2))
            }
        }
        return failed
    }

    function test_contrast_data() {
        return [{tag: "light", dark: false}, {tag: "dark", dark: true}]
    }

    function test_contrast(data) {
        Theme.dark = data.dark
        const failed = failures(textColours, surfaces, 4.5)
            .concat(failures(["railText"], railSurfaces, 4.5))
            .concat(failures(["textOnAccent"], fills, 4.5))
            .concat(failures(boundaries, surfaces.filter(s => s !== "selected"), 3))
        compare(failed, [])
    }

    // The themes differ where they should: a check that reads both, not one twice.
    function test_themes_differ() {
        Theme.dark = false
        const light = Theme.window.toString()
        Theme.dark = true
        verify(Theme.window.toString() !== light)
    }
}
