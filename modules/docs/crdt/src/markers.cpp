// Search markers: cached (item, index) pairs that make position lookups cheap for local editing.
#include "crdt/doc.h"

#include <cstdlib>

namespace convene::crdt::detail {

namespace {

constexpr std::size_t kMaxSearchMarkers = 4;

void overwrite(Type* t, SearchMarker& m, Item* p, uint64_t index)
{
    if (m.p)
        m.p->setMarker(false);
    m.p = p;
    p->setMarker(true);
    m.index = index;
    m.timestamp = ++t->markerClock;
}

uint64_t absDiff(uint64_t a, uint64_t b)
{
    return a > b ? a - b : b - a;
}

} // namespace

SearchMarker* findMarker(Type* t, uint64_t index)
{
    if (t->start == nullptr || index == 0)
        return nullptr;
    SearchMarker* marker = nullptr;
    for (auto& m : t->markers)
        if (!marker || absDiff(index, m.index) < absDiff(index, marker->index))
            marker = &m;
    Item* p = t->start;
    uint64_t pindex = 0;
    if (marker) {
        p = marker->p;
        pindex = marker->index;
        marker->timestamp = ++t->markerClock;
    }
    while (p->right && pindex < index) {
        if (!p->deleted() && p->countable()) {
            if (index < pindex + p->length)
                break;
            pindex += p->length;
        }
        p = p->right;
    }
    while (p->left && pindex > index) {
        p = p->left;
        if (!p->deleted() && p->countable())
            pindex -= p->length;
    }
    // Markers on an item that merges into its left neighbour would be moved anyway.
    while (p->left && p->left->id.client == p->id.client && p->left->id.clock + p->left->length == p->id.clock) {
        p = p->left;
        if (!p->deleted() && p->countable())
            pindex -= p->length;
    }
    if (marker && absDiff(marker->index, pindex) < t->length / kMaxSearchMarkers) {
        overwrite(t, *marker, p, pindex);
        return marker;
    }
    if (t->markers.size() >= kMaxSearchMarkers) {
        SearchMarker* oldest = &t->markers.front();
        for (auto& m : t->markers)
            if (m.timestamp < oldest->timestamp)
                oldest = &m;
        overwrite(t, *oldest, p, pindex);
        return oldest;
    }
    t->markers.push_back({nullptr, 0, 0});
    overwrite(t, t->markers.back(), p, pindex);
    return &t->markers.back();
}

void updateMarkerChanges(Type* t, uint64_t index, int64_t len)
{
    auto& markers = t->markers;
    for (std::size_t i = markers.size(); i-- > 0;) {
        SearchMarker& m = markers[i];
        if (len > 0) {
            Item* p = m.p;
            p->setMarker(false);
            while (p && (p->deleted() || !p->countable())) {
                p = p->left;
                if (p && !p->deleted() && p->countable())
                    m.index -= p->length;
            }
            if (p == nullptr || p->marker()) {
                markers.erase(markers.begin() + std::ptrdiff_t(i));
                continue;
            }
            m.p = p;
            p->setMarker(true);
        }
        if (index < m.index || (len > 0 && index == m.index)) {
            const int64_t moved = int64_t(m.index) + len;
            m.index = std::max<uint64_t>(index, moved < 0 ? 0 : uint64_t(moved));
        }
    }
}

} // namespace convene::crdt::detail
