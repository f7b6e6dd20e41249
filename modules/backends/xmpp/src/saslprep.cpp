#include "saslprep.h"

#include <QList>

namespace convene::xmpp {
namespace {

// RFC 3454 B.1
bool isMappedToNothing(char32_t c)
{
    return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D) ||
           c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

// RFC 3454 C.1.2
bool isNonAsciiSpace(char32_t c)
{
    return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

// RFC 3454 C.2 to C.9, as RFC 4013 §2.3 lists them
bool isProhibited(char32_t c)
{
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x06DD || c == 0x070F || c == 0x180E ||
                         c == 0x200C || c == 0x200D || c == 0x2028 || c == 0x2029 || (c >= 0x2060 && c <= 0x2063) ||
                         (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC) ||
                         (c >= 0x1D173 && c <= 0x1D17A);
    const bool privateUse =
        (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
    const bool nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    const bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    const bool inappropriate = c == 0xFFFD || (c >= 0x2FF0 && c <= 0x2FFB) || c == 0x0340 || c == 0x0341 ||
                               c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E);
    const bool tagging = c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F);
    return control || privateUse || nonCharacter || surrogate || inappropriate || tagging || c > 0x10FFFF;
}

bool isRandAL(char32_t c)
{
    const QChar::Direction direction = QChar::direction(c);
    return direction == QChar::DirR || direction == QChar::DirAL;
}

Error prepError(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

Result<QString> saslPrep(const QString& input)
{
    QList<uint> mapped;
    mapped.reserve(input.size());
    for (const uint c : input.toUcs4()) {
        if (isMappedToNothing(c))
            continue;
        mapped.append(isNonAsciiSpace(c) ? uint(' ') : c);
    }
    const QString normalized = QString::fromUcs4(reinterpret_cast<const char32_t*>(mapped.constData()), mapped.size())
                                   .normalized(QString::NormalizationForm_KC);

    const QList<uint> codePoints = normalized.toUcs4();
    bool hasRandAL = false;
    bool hasL = false;
    for (const uint c : codePoints) {
        if (isProhibited(c))
            return prepError(QStringLiteral("character U+%1 is not allowed in a user name or password")
                                 .arg(QString::number(c, 16).toUpper().rightJustified(4, u'0')));
        hasRandAL = hasRandAL || isRandAL(c);
        hasL = hasL || QChar::direction(c) == QChar::DirL;
    }
    // RFC 3454 §6: right-to-left text must not mix in left-to-right letters and must start and
    // end with a right-to-left character.
    if (hasRandAL && (hasL || !isRandAL(codePoints.first()) || !isRandAL(codePoints.last())))
        return prepError(QStringLiteral("mixed right-to-left and left-to-right text in a user name or password"));
    return normalized;
}

} // namespace convene::xmpp
