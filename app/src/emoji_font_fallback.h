#pragma once

namespace convene {

// Puts the platform's colour emoji font right after the application's font, so that every text
// (fields, tooltips and messages included) draws emoji in colour. Qt 6.4 falls back to the first
// font that has a glyph, and a monochrome one (DejaVu Sans has many emoji) often comes first.
// Needs a QGuiApplication; call before the QML engine makes its first text.
void preferColourEmoji();

} // namespace convene
