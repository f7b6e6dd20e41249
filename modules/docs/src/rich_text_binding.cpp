#include "convene/docs/rich_text_binding.h"

#include "convene/docs/markdown_shortcuts.h"
#include "render_steps.h"
#include "rich_text_formats.h"
#include "text_change_diff.h"
#include "ytext_slice.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace convene::docs {

using namespace detail;

// Marks the document edits the binding makes itself, so they are not taken as local edits.
class RichTextBinding::Guard {
public:
    explicit Guard(bool& flag) : flag_(flag), was_(flag) { flag_ = true; }
    ~Guard() { flag_ = was_; }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

private:
    bool& flag_;
    bool was_;
};

RichTextBinding::RichTextBinding(QTextDocument* document, crdt::Doc& doc, crdt::Text text, RichTextStyle style,
                                 QObject* parent)
    : QObject(parent),
      document_(document),
      doc_(doc),
      text_(text),
      renderer_(*document, std::move(style)),
      steps_(std::make_unique<RenderSteps>())
{
    // A timer, not a posted event: a frame or input that fell due meanwhile goes first.
    stepTimer_.setSingleShot(true);
    stepTimer_.setInterval(0);
    stepTimer_.setTimerType(Qt::PreciseTimer);
    connect(&stepTimer_, &QTimer::timeout, this, &RichTextBinding::renderNextStep);
    Q_ASSERT(document);
    document_->setUndoRedoEnabled(false);
    document_->documentLayout(); // the document reports changes only once it has a layout
    renderer_.setImagePreparer([this](const QString& url) { return prepareImage(url); });

    crdt::UndoManager::Options options;
    options.trackedOrigins = {origin()};
    undo_ = std::make_unique<crdt::UndoManager>(doc_, std::vector<crdt::Type*>{text_.type()}, options);
    observer_ = text_.observe([this](const crdt::Event& event) { onTextEvent(event); });

    resync();
    // Whoever shows the document connects after construction: ask for the first images later.
    const QStringList firstImages = std::exchange(needed_, {});
    QMetaObject::invokeMethod(
        this,
        [this, firstImages] {
            for (const QString& id : firstImages)
                emit imageNeeded(id);
        },
        Qt::QueuedConnection);
    connect(document_, &QTextDocument::contentsChange, this, &RichTextBinding::onContentsChange);
    connect(document_, &QTextDocument::contentsChanged, this, &RichTextBinding::onContentsChanged);
}

RichTextBinding::~RichTextBinding()
{
    std::erase_if(text_.type()->observers, [this](const auto& o) { return o.first == observer_; });
}

void RichTextBinding::setStyle(const RichTextStyle& style)
{
    renderer_.setStyle(style);
    if (!document_)
        return;
    finishRendering();
    Guard guard(applying_);
    renderer_.restyle(0, document_->characterCount());
    remember();
}

void RichTextBinding::setTypingFormat(int position, InlineFormat format, bool on)
{
    typingFormat_ = TypingFormat{position, format, on};
}

bool RichTextBinding::undo()
{
    finishRendering();
    const bool done = undo_->undo();
    notifyUndoState();
    return done;
}

bool RichTextBinding::redo()
{
    finishRendering();
    const bool done = undo_->redo();
    notifyUndoState();
    return done;
}

bool RichTextBinding::canUndo() const
{
    return undo_->canUndo();
}

bool RichTextBinding::canRedo() const
{
    return undo_->canRedo();
}

void RichTextBinding::stopCapturing()
{
    undo_->stopCapturing();
}

void RichTextBinding::setImage(const QString& blobId, const QImage& image)
{
    if (!document_ || image.isNull())
        return;
    images_.insert(blobId, image);
    const QString url = blobImageUrl(blobId);
    document_->addResource(QTextDocument::ImageResource, QUrl(url), image);
    Guard guard(applying_);
    showImageSizes(0, document_->characterCount(), url);
}

void RichTextBinding::onContentsChange(int position, int removed, int added)
{
    if (applying_)
        return;
    if (!pending_) {
        pending_ = Change{position, removed, added};
    } else {
        // Both changes as one, in the coordinates of the document before the first.
        Change& p = *pending_;
        const int start = std::min(p.position, position);
        const int end = std::max(p.position + p.added, position + removed);
        const int removedTotal = end - p.added + p.removed - start;
        const int addedTotal = end - removed + added - start;
        p = Change{start, removedTotal, addedTotal};
    }
    // Before the layout sees new images: none of them may be loaded from its URL.
    protectImages(position, position + added);
}

void RichTextBinding::onContentsChanged()
{
    if (applying_ || !pending_ || !document_)
        return;
    const Change change = *pending_;
    pending_.reset();
    finishRendering(); // after the user's change: what it appends goes after everything
    applyLocalChange(change);
}

void RichTextBinding::applyLocalChange(Change change)
{
    const int count = document_->characterCount();
    if (change.position < 0 || change.removed < 0 || change.added < 0 || change.position + change.added > count ||
        change.position + change.removed > knownLength_ || knownLength_ - change.removed + change.added != count)
        change = Change{0, knownLength_, count}; // a change Qt reported oddly: compare everything
    std::optional<int> typed = typedCharacter(change);
    const auto typingFormat = std::exchange(typingFormat_, std::nullopt);

    change = normalise(change, typed);
    if (change.rebuilt)
        typed.reset();
    if (typed && typingFormat && typingFormat->position == *typed) {
        // E.g. text typed right after a Markdown-formatted run is plain again.
        Guard guard(applying_);
        const TypingFormat wanted = *typingFormat;
        restyleCharacters(*document_, document_->findBlock(*typed), *typed, *typed + 1, renderer_.style(),
                          [wanted](InlineAttributes& a) { setInlineAttribute(a, wanted.format, wanted.on); });
    }
    std::optional<MarkdownShortcut> shortcut;
    if (typed)
        shortcut = findMarkdownShortcut(*document_, *typed);
    if (shortcut)
        undo_->stopCapturing(); // the typed character and the conversion: one undo step
    writeToText(change);
    notifyUndoState();
    emitNeededImages();
    if (shortcut && document_) {
        {
            Guard guard(inShortcut_);
            applyMarkdownShortcut(*document_, *shortcut, renderer_.style());
        }
        undo_->stopCapturing();
        notifyUndoState();
        if (shortcut->kind == MarkdownShortcut::Kind::Inline)
            typingFormat_ = TypingFormat{shortcut->contentEnd(), shortcut->format, false};
    }
}

// Where the one character is that was just typed, if the change is that (Qt may report a larger
// range, e.g. a whole list item when a line break joins the list).
std::optional<int> RichTextBinding::typedCharacter(const Change& change) const
{
    const int count = document_->characterCount();
    if (document_->property(kPastingProperty).toBool() || inShortcut_ || count != knownLength_ + 1 ||
        change.added != change.removed + 1 || change.position + change.added > count)
        return std::nullopt;
    if (change.removed == 0)
        return change.position + 1 < count ? std::optional<int>(change.position) : std::nullopt;
    // The end of the last line is in the text only when the text ends with "\n".
    const int end = change.position + change.added == count && !renderer_.hasFinalNewline()
                        ? count - 1
                        : change.position + change.added;
    const std::vector<crdt::DeltaOp> was = ytextSlice(text_, uint64_t(change.position), uint64_t(end - 1));
    std::u16string before;
    for (const crdt::DeltaOp& op : was)
        before += op.embed ? std::u16string(1, QChar::ObjectReplacementCharacter) : op.text;
    std::u16string now;
    for (int i = change.position; i < end; ++i) {
        const QChar c = document_->characterAt(i);
        now += c == QChar::ParagraphSeparator ? u'\n' : char16_t(c.unicode());
    }
    if (before.size() + 1 != now.size())
        return std::nullopt;
    // Where the same character repeats, the new one is taken to be the first of them.
    std::size_t same = 0;
    while (same < before.size() && before[before.size() - 1 - same] == now[now.size() - 1 - same])
        ++same;
    const std::size_t at = before.size() - same;
    if (std::u16string_view(before).substr(0, at) != std::u16string_view(now).substr(0, at))
        return std::nullopt;
    const int position = change.position + int(at);
    return position + 1 < count ? std::optional<int>(position) : std::nullopt;
}

RichTextBinding::Change RichTextBinding::normalise(Change change, std::optional<int> typed)
{
    Guard guard(applying_);
    QTextDocument& doc = *document_;
    const int after = doc.characterCount() - (change.position + change.added); // untouched tail
    int to = change.position + change.added;
    if (to > change.position && needsRebuild(doc, change.position, to)) {
        std::vector<crdt::DeltaOp> rebuilt;
        crdt::DeltaOp keep;
        keep.kind = crdt::DeltaOp::Kind::Retain;
        keep.count = uint64_t(change.position);
        crdt::DeltaOp drop;
        drop.kind = crdt::DeltaOp::Kind::Delete;
        drop.count = uint64_t(to - change.position);
        rebuilt.push_back(keep);
        rebuilt.push_back(drop);
        for (crdt::DeltaOp& op : deltaFromDocument(doc, change.position, to))
            rebuilt.push_back(std::move(op));
        const bool finalNewline = renderer_.hasFinalNewline();
        renderer_.apply(rebuilt);
        renderer_.setHasFinalNewline(finalNewline);
        change.added = doc.characterCount() - after - change.position;
        change.rebuilt = true;
        to = change.position + change.added;
    }
    const QTextBlock first = doc.findBlock(change.position);
    const QTextBlock last = to < doc.characterCount() ? doc.findBlock(to) : doc.lastBlock();
    renderer_.restyle(first.position(), last.position() + last.length() - 1);
    if (typed && !change.rebuilt && doc.characterAt(*typed) != QChar::ParagraphSeparator) {
        // A character typed after a mention continues the text, not the mention.
        QTextCursor c(&doc);
        c.setPosition(*typed + 1);
        const QTextBlock block = c.block();
        if (!readInline(c.charFormat(), readLine(block)).mention.isEmpty())
            restyleCharacters(doc, block, *typed, *typed + 1, renderer_.style(),
                              [](InlineAttributes& a) { a.mention.clear(); });
    }
    showImageSizes(change.position, to);
    return change;
}

void RichTextBinding::writeToText(const Change& change)
{
    if (!writeInsideLine(change)) {
        QTextDocument& doc = *document_;
        const int count = doc.characterCount();
        const uint64_t textLength = text_.length();
        // Up to the end of the last line touched: joining or splitting lines moves line formats.
        const int changedEnd = change.position + change.added;
        const QTextBlock lastBlock = changedEnd < count ? doc.findBlock(changedEnd) : doc.lastBlock();
        const int readTo = std::max(changedEnd, lastBlock.position() + lastBlock.length());
        std::vector<crdt::DeltaOp> now = deltaFromDocument(doc, change.position, readTo);
        if (readTo == count && !renderer_.hasFinalNewline() && !now.empty() && !now.back().embed &&
            !now.back().text.empty() && now.back().text.back() == u'\n' &&
            lineAttributesFrom(now.back().attributes).isPlain()) {
            // The last line's end has no "\n" in the text, and needs none while it has no format.
            now.back().text.pop_back();
            if (now.back().text.empty())
                now.pop_back();
        }
        const uint64_t from = uint64_t(change.position);
        const uint64_t before = std::min<uint64_t>(uint64_t(readTo - change.added + change.removed), textLength);
        const std::vector<crdt::DeltaOp> was = ytextSlice(text_, std::min(from, textLength), before);
        const std::vector<crdt::DeltaOp> delta =
            diffRange(from, was, uint64_t(change.removed), now, uint64_t(change.added));
        if (!delta.empty())
            transactLocally([&] { text_.applyDelta(delta); });
    }
    renderer_.setHasFinalNewline(text_.length() == uint64_t(document_->characterCount()));
    remember();
    if (!consistent()) {
        qWarning("RichTextBinding: document and text differ after a local edit; re-rendering");
        resync();
    }
}

// Text put in or taken out inside one line (typing, backspace): no line format moves, and the
// text is changed in place without reading it first.
bool RichTextBinding::writeInsideLine(const Change& change)
{
    const QTextDocument& doc = *document_;
    const bool oneWay = (change.removed == 0) != (change.added == 0);
    if (!oneWay || change.rebuilt || doc.blockCount() != knownBlocks_ ||
        change.position + change.added >= doc.characterCount() ||
        uint64_t(change.position + change.removed) > text_.length())
        return false;
    const std::vector<crdt::DeltaOp> inserts =
        change.added ? deltaFromDocument(doc, change.position, change.position + change.added)
                     : std::vector<crdt::DeltaOp>{};
    const bool likeLeft = inserts.size() == 1 && !inserts[0].embed && typedLikeLeftNeighbour(change, inserts[0]);
    transactLocally([&] {
        if (change.removed) {
            // Not Text::remove: starting from a search marker it tidies formats up knowing only
            // the attributes set after the marker, and can drop the end of a format.
            crdt::DeltaOp skip, cut;
            skip.kind = crdt::DeltaOp::Kind::Retain;
            skip.count = uint64_t(change.position);
            cut.kind = crdt::DeltaOp::Kind::Delete;
            cut.count = uint64_t(change.removed);
            text_.applyDelta({skip, cut});
        }
        if (likeLeft) {
            insertLikeLeftNeighbour(uint64_t(change.position), inserts[0]);
            return;
        }
        uint64_t at = uint64_t(change.position);
        for (const crdt::DeltaOp& op : inserts) {
            // Explicit attributes, even none: text typed next to a format does not inherit others'.
            const crdt::Value attributes = op.attributes.isUndefined() ? crdt::Value::object() : op.attributes;
            if (op.embed) {
                text_.insertEmbed(at, *op.embed, &attributes);
                at += 1;
            } else {
                text_.insert(at, std::u16string_view(op.text), &attributes);
                at += op.text.size();
            }
        }
    });
    return true;
}

// Typing inside a run: the new text looks like the character before it.
bool RichTextBinding::typedLikeLeftNeighbour(const Change& change, const crdt::DeltaOp& insert) const
{
    const QTextBlock block = document_->findBlock(change.position);
    if (change.removed != 0 || change.position <= block.position())
        return false;
    QTextCursor left(document_);
    left.setPosition(change.position);
    return readInline(left.charFormat(), readLine(block)) == inlineAttributesFrom(insert.attributes);
}

// Inserts where Y.Text finds the place quickly (from a search marker, taking the formats in
// force there) instead of walking the whole text to learn all attributes. That gives the new
// text the formats of the character before it, unless a format boundary of ours sits between
// them; then the formats are set explicitly.
void RichTextBinding::insertLikeLeftNeighbour(uint64_t position, const crdt::DeltaOp& insert)
{
    if (insert.text.empty())
        return;
    crdt::StructStore& store = doc_.store();
    const crdt::ID id{doc_.clientId(), store.getState(doc_.clientId())};
    text_.insert(position, std::u16string_view(insert.text), nullptr);
    const crdt::Item* item = store.find(id);
    bool clean = item && item->parent == text_.type();
    for (const crdt::Item* l = clean ? item->left : nullptr; l && (l->deleted() || !l->countable()); l = l->left)
        if (!l->deleted() && l->kind == crdt::ContentKind::Format && isInlineAttribute(l->formatKey()))
            clean = false;
    if (clean)
        return;
    crdt::Value::Object all;
    const crdt::Value wanted = insert.attributes;
    for (std::string_view key : {attribute::bold, attribute::italic, attribute::underline, attribute::strike,
                                 attribute::code, attribute::link, attribute::mention}) {
        const crdt::Value* v = wanted.kind() == crdt::Value::Kind::Object ? wanted.get(key) : nullptr;
        all.emplace_back(std::string(key), v ? *v : crdt::Value::null());
    }
    text_.format(position, insert.text.size(), crdt::Value::object(std::move(all)));
}

// Runs a local edit of the text; its event is ignored (the document already shows the edit).
void RichTextBinding::transactLocally(const std::function<void()>& edit)
{
    doc_.transact([&](crdt::Transaction&) { edit(); }, origin());
}

void RichTextBinding::remember()
{
    knownLength_ = document_->characterCount();
    knownBlocks_ = document_->blockCount();
}

void RichTextBinding::onTextEvent(const crdt::Event& event)
{
    if (!document_ || (event.transaction->local && event.transaction->origin == origin()))
        return;
    finishRendering(); // the event's delta counts in the whole text
    if (RenderSteps::worthSteps(event.delta(), text_.length())) {
        // All of the text is new (a document arriving whole): it goes in by steps.
        renderInSteps(event.delta());
        emitNeededImages();
        return;
    }
    {
        Guard guard(applying_);
        renderer_.apply(event.delta());
        remember();
    }
    if (!consistent())
        resync();
    emitNeededImages();
}

void RichTextBinding::resync()
{
    if (!document_)
        return;
    renderInSteps(ytextSlice(text_, 0, text_.length()));
}

void RichTextBinding::renderInSteps(std::vector<crdt::DeltaOp> inserts)
{
    stepTimer_.stop();
    const bool stepped = RenderSteps::worthSteps(inserts, text_.length());
    steps_->start(std::move(inserts));
    Guard guard(applying_);
    renderer_.render(steps_->take(stepped ? RenderSteps::kFirstUnits : UINT64_MAX));
    remember();
    pending_.reset();
    if (steps_->pending())
        stepTimer_.start();
}

void RichTextBinding::renderNextStep()
{
    appendInserts(steps_->take(RenderSteps::kStepUnits));
    if (steps_->pending())
        stepTimer_.start();
    emitNeededImages();
}

void RichTextBinding::finishRendering()
{
    if (!steps_->pending())
        return;
    stepTimer_.stop();
    appendInserts(steps_->takeAll());
}

void RichTextBinding::appendInserts(std::vector<crdt::DeltaOp> inserts)
{
    if (!document_ || inserts.empty())
        return;
    Guard guard(applying_);
    const int length = document_->characterCount();
    const int blocks = document_->blockCount();
    // After everything the document holds (a user's change not yet in the Y.Text included).
    const int end = length - (renderer_.hasFinalNewline() ? 0 : 1);
    std::vector<crdt::DeltaOp> change;
    change.reserve(inserts.size() + 1);
    if (end > 0)
        change.push_back({crdt::DeltaOp::Kind::Retain, {}, {}, {}, uint64_t(end), {}});
    std::move(inserts.begin(), inserts.end(), std::back_inserter(change));
    renderer_.apply(change);
    // Counted on, not re-read: a user's change may be waiting to be compared against them.
    knownLength_ += document_->characterCount() - length;
    knownBlocks_ += document_->blockCount() - blocks;
}

bool RichTextBinding::consistent() const
{
    return text_.length() + (renderer_.hasFinalNewline() ? 0 : 1) == uint64_t(document_->characterCount());
}

void RichTextBinding::protectImages(int from, int to)
{
    QTextDocument& doc = *document_;
    for (QTextBlock block = doc.findBlock(from); block.isValid() && block.position() < to; block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.position() >= to || fragment.position() + fragment.length() <= from)
                continue;
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            const QString name = format.toImageFormat().name();
            if (blobIdFromImageUrl(name))
                prepareImage(name);
            else if (QUrl(name) != embedPlaceholderUrl() && !format.hasProperty(RawTextProperty))
                addPlaceholderImage(doc, name, renderer_.style());
        }
    }
}

void RichTextBinding::showImageSizes(int from, int to, const QString& onlyUrl)
{
    QTextDocument& doc = *document_;
    struct Image {
        int position;
        int length;
        QTextImageFormat format;
        bool resize;
    };
    std::vector<Image> found;
    for (QTextBlock block = doc.findBlock(from); block.isValid() && block.position() < to; block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat() || fragment.position() >= to || fragment.position() + fragment.length() <= from)
                continue;
            QTextImageFormat image = format.toImageFormat();
            const auto id = blobIdFromImageUrl(image.name());
            if ((!onlyUrl.isEmpty() && image.name() != onlyUrl) || !id || !images_.contains(*id))
                continue;
            const QSizeF size = displaySize(images_.value(*id));
            const bool sized = image.hasProperty(QTextFormat::ImageWidth);
            const bool resize = size.isValid() ? !sized || size != QSizeF(image.width(), image.height()) : sized;
            if (size.isValid()) {
                image.setWidth(size.width());
                image.setHeight(size.height());
            } else {
                image.clearProperty(QTextFormat::ImageWidth);
                image.clearProperty(QTextFormat::ImageHeight);
            }
            found.push_back({fragment.position(), fragment.length(), image, resize});
        }
    }
    QTextCursor cursor(&doc);
    for (const Image& i : found) {
        if (i.resize) {
            cursor.setPosition(i.position);
            cursor.setPosition(i.position + i.length, QTextCursor::KeepAnchor);
            cursor.setCharFormat(i.format);
        } else if (!onlyUrl.isEmpty()) {
            doc.markContentsDirty(i.position, i.length); // same size, new pixels
        }
    }
}

QSizeF RichTextBinding::prepareImage(const QString& url)
{
    const auto id = blobIdFromImageUrl(url);
    if (!id)
        return {};
    if (const auto it = images_.constFind(*id); it != images_.constEnd()) {
        document_->addResource(QTextDocument::ImageResource, QUrl(url), *it);
        return displaySize(*it);
    }
    if (!requested_.contains(*id)) {
        requested_.insert(*id);
        addPlaceholderImage(*document_, url, renderer_.style());
        needed_.append(*id);
    }
    return {};
}

QSizeF RichTextBinding::displaySize(const QImage& image) const
{
    const int maxWidth = renderer_.style().maxImageWidth;
    if (maxWidth <= 0 || image.width() <= maxWidth)
        return {};
    return QSizeF(maxWidth, qreal(image.height()) * maxWidth / image.width());
}

void RichTextBinding::emitNeededImages()
{
    const QStringList needed = std::exchange(needed_, {});
    for (const QString& id : needed)
        emit imageNeeded(id);
}

void RichTextBinding::notifyUndoState()
{
    if (couldUndo_ == canUndo() && couldRedo_ == canRedo())
        return;
    couldUndo_ = canUndo();
    couldRedo_ = canRedo();
    emit undoRedoChanged();
}

} // namespace convene::docs
