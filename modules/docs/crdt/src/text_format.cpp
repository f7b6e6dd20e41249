#include "text_format.h"

namespace convene::crdt::detail {

void Attrs::IndexDeleter::operator()(Index* index) const noexcept
{
    delete index;
}

std::unique_ptr<Attrs::Index, Attrs::IndexDeleter> Attrs::copyIndex(const Index& index)
{
    return std::unique_ptr<Index, IndexDeleter>(new Index(index));
}

void Attrs::buildIndex()
{
    index_ = std::unique_ptr<Index, IndexDeleter>(new Index);
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].live)
            index_->emplace(entries_[i].key, i);
}

} // namespace convene::crdt::detail
