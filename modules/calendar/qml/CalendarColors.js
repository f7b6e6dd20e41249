.pragma library

// Event colours by the calendar's colour slot: a tinted fill, a strong stripe and a text colour
// that reads on the fill, for light and for dark mode.
const kSlots = [
    // stripe,  light fill, light text, dark fill,  dark text
    ["#4F6BED", "#E4E9FD", "#1E3391", "#28325E", "#D0DAFF"], // blue
    ["#2E9D68", "#DDF2E6", "#155C3A", "#1E3A2D", "#BDEBD2"], // green
    ["#E07B2E", "#FCEADB", "#853F0C", "#46301F", "#FFD5B0"], // orange
    ["#8A5CD6", "#EEE6FB", "#4F2A8F", "#35294F", "#E0D0FF"], // purple
    ["#D9506A", "#FBE3E8", "#8C1F35", "#4A2630", "#FFC8D3"], // rose
    ["#2596A8", "#DAF0F3", "#0F5560", "#1C3940", "#B2E6EE"], // teal
    ["#B8921A", "#F7EFD2", "#684F06", "#403820", "#F2E1A4"], // ochre
    ["#687894", "#E7EAF0", "#36425C", "#2C313D", "#D3D9E6"], // slate
]

function slot(index) {
    const n = kSlots.length
    return kSlots[((index % n) + n) % n]
}

function stripe(index) {
    return slot(index)[0]
}

function fill(index, dark) {
    return slot(index)[dark ? 3 : 1]
}

function text(index, dark) {
    return slot(index)[dark ? 4 : 2]
}
