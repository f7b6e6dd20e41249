#include "diff_units.h"

#include <QChar>

#include <algorithm>

namespace convene::docs::detail {

using crdt::DeltaOp;
using crdt::Value;

namespace {

uint32_t intern(std::unordered_map<std::string, uint32_t>& ids, std::vector<Value>& values, Value value)
{
    const auto [it, added] = ids.try_emplace(value.toJson(), uint32_t(values.size()));
    if (added)
        values.push_back(std::move(value));
    return it->second;
}

} // namespace

void appendCodePoint(std::u16string& text, uint32_t key)
{
    if (key < 0x10000) {
        text += char16_t(key);
    } else {
        key -= 0x10000;
        text += char16_t(0xD800 + (key >> 10));
        text += char16_t(0xDC00 + (key & 0x3FF));
    }
}

bool isWordPart(uint32_t key)
{
    if (key >= kEmbedBase || !QChar::isLetterOrNumber(char32_t(key)))
        return false;
    // Scripts written without spaces: every character is a word of its own.
    switch (QChar::script(char32_t(key))) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar: return false;
    default: return true;
    }
}

uint32_t Vocabulary::attributes(const Value& attributes)
{
    if (attributes.kind() != Value::Kind::Object || attributes.asObject().empty())
        return 0;
    Value::Object entries;
    for (const auto& [key, value] : attributes.asObject())
        if (!value.isUndefined() && !value.isNull())
            entries.emplace_back(key, value);
    if (entries.empty())
        return 0;
    std::sort(entries.begin(), entries.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
    Value canonical = Value::object(std::move(entries));
    return intern(attributeIds_, attributeValues_, std::move(canonical));
}

uint32_t Vocabulary::embed(const Value& embed)
{
    return intern(embedIds_, embedValues_, embed);
}

Units toUnits(const std::vector<DeltaOp>& delta, Vocabulary& vocabulary)
{
    Units units;
    for (const DeltaOp& op : delta) {
        if (op.kind != DeltaOp::Kind::Insert)
            continue;
        const uint32_t attributes = vocabulary.attributes(op.attributes);
        if (op.embed) {
            units.keys.push_back(kEmbedBase + vocabulary.embed(*op.embed));
            units.attributes.push_back(attributes);
            continue;
        }
        const std::u16string& text = op.text;
        for (std::size_t i = 0; i < text.size(); ++i) {
            uint32_t key = text[i];
            if (key >= 0xD800 && key < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
                key = 0x10000 + ((key - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                ++i;
            }
            units.keys.push_back(key);
            units.attributes.push_back(attributes);
        }
    }
    return units;
}

} // namespace convene::docs::detail
