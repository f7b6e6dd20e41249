#pragma once

#include <QColor>

#include <algorithm>
#include <cmath>

namespace convene::test {

// Relative luminance of an sRGB colour, 0 (black) to 1 (white).
inline double luminance(const QColor& c)
{
    const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// WCAG's contrast ratio, 1 (none) to 21 (black on white).
inline double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace convene::test
