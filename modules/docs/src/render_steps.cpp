#include "render_steps.h"

#include <string>

namespace convene::docs::detail {

namespace {

uint64_t unitsOf(const crdt::DeltaOp& op)
{
    return op.embed ? 1 : uint64_t(op.text.size());
}

bool endsLine(const crdt::DeltaOp& op)
{
    return !op.embed && !op.text.empty() && op.text.back() == u'\n';
}

} // namespace

bool RenderSteps::worthSteps(const std::vector<crdt::DeltaOp>& delta, uint64_t length)
{
    if (length <= kSteppedAbove)
        return false;
    uint64_t units = 0;
    for (const crdt::DeltaOp& op : delta) {
        if (op.kind != crdt::DeltaOp::Kind::Insert)
            return false;
        units += unitsOf(op);
    }
    return units == length;
}

void RenderSteps::start(std::vector<crdt::DeltaOp> inserts)
{
    ops_ = std::move(inserts);
    next_ = 0;
}

void RenderSteps::clear()
{
    ops_.clear();
    next_ = 0;
}

std::vector<crdt::DeltaOp> RenderSteps::take(uint64_t units)
{
    std::vector<crdt::DeltaOp> step;
    uint64_t taken = 0;
    bool atLineEnd = true;
    while (next_ < ops_.size() && (taken < units || !atLineEnd)) {
        crdt::DeltaOp& op = ops_[next_];
        const uint64_t size = unitsOf(op);
        if (!op.embed && taken + size > units) {
            // A long run of text: cut it after the first line end past what is wanted.
            const std::size_t wanted = taken < units ? std::size_t(units - taken) : 0;
            const std::size_t end = op.text.find(u'\n', wanted > 0 ? wanted - 1 : 0);
            if (end != std::u16string::npos && end + 1 < op.text.size()) {
                crdt::DeltaOp head = op;
                head.text.resize(end + 1);
                op.text.erase(0, end + 1);
                taken += end + 1;
                step.push_back(std::move(head));
                atLineEnd = true;
                break;
            }
        }
        atLineEnd = endsLine(op);
        taken += size;
        step.push_back(std::move(op));
        ++next_;
    }
    if (!pending())
        clear();
    return step;
}

} // namespace convene::docs::detail
