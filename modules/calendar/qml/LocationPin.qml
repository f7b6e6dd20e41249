import QtQuick
import Convene.Ui

// A map pin drawn in the icons' line style (the shared set has none).
Canvas {
    id: pin

    property color tint: Theme.textSecondary
    property int size: 16

    implicitWidth: size
    implicitHeight: size
    onTintChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        const s = width / 24
        ctx.reset()
        ctx.scale(s, s)
        ctx.strokeStyle = pin.tint
        ctx.lineWidth = 1.8
        ctx.lineJoin = "round"
        ctx.beginPath()
        ctx.moveTo(12, 21)
        ctx.bezierCurveTo(12, 21, 5, 14.5, 5, 9.5)
        ctx.arc(12, 9.5, 7, Math.PI, 0, false)
        ctx.bezierCurveTo(19, 14.5, 12, 21, 12, 21)
        ctx.closePath()
        ctx.stroke()
        ctx.beginPath()
        ctx.arc(12, 9.5, 2.5, 0, 2 * Math.PI, false)
        ctx.stroke()
    }
}
