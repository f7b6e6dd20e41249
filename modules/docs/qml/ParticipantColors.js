.pragma library

// The colours of the people editing a document with the user: their carets, selections, name
// flags and avatars. The controller gives each person a slot (the same everywhere); light mode
// uses deeper tones that read on white, dark mode lighter ones that read on the dark canvas.
const kLight = ["#D9485F", "#1C7ED6", "#2F9E44", "#9C36B5", "#E8590C", "#0C8599", "#C2255C", "#5F3DC4"]
const kDark = ["#FF8F9F", "#74C0FC", "#8CE99A", "#E599F7", "#FFA94D", "#66D9E8", "#F783AC", "#B197FC"]

function color(index, dark) {
    const colors = dark ? kDark : kLight
    const n = colors.length
    return colors[((index % n) + n) % n]
}
