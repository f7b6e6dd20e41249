.pragma library

// "m:ss" under an hour ("05:07"), "h:mm:ss" from then on ("1:02:03").
function duration(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds))
    const h = Math.floor(seconds / 3600)
    const m = Math.floor(seconds / 60) % 60
    const s = seconds % 60
    const two = n => (n < 10 ? "0" : "") + n
    return h > 0 ? h + ":" + two(m) + ":" + two(s) : two(m) + ":" + two(s)
}
