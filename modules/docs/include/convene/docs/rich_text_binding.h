#pragma once
// Keeps a QTextDocument and a Y.Text in step, both ways.
//
// Local edits of the document (typing, commands, paste, Markdown shortcuts) become
// transactions on the Y.Text with origin(): only what changed, formatting changes as formats.
// What the user typed or pasted is first reduced to the supported formatting, so the document
// always shows what the Y.Text holds. Transactions of any other origin (remote updates, undo and
// redo) are written into the document from their event's delta, through QTextCursor edits, so
// the user's caret and selection stay on their text.
//
// Undo and redo are per user: only this binding's own changes are undone. The document's own
// undo stack is switched off.
//
// The Y.Text is what counts when the binding starts: the document is rendered from it. The
// crdt::Doc must outlive the binding. A long text (rendered whole, or arriving whole into an
// empty document) goes in by steps: its start at once, the rest in the next turns of the event
// loop, so the first frame lays out only about what it shows; any edit, either way, finishes it
// first.
#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_attributes.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/undo_manager.h"
#include "crdt/ytext.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTextDocument>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace convene::docs {

namespace detail {
class RenderSteps;
}

class RichTextBinding : public QObject {
    Q_OBJECT
public:
    RichTextBinding(QTextDocument* document, crdt::Doc& doc, crdt::Text text, RichTextStyle style,
                    QObject* parent = nullptr);
    ~RichTextBinding() override;

    QTextDocument* document() const { return document_; }
    crdt::Text text() const { return text_; }
    // The origin of the transactions this binding makes for local edits.
    const void* origin() const { return this; }

    const RichTextStyle& style() const { return renderer_.style(); }
    void setStyle(const RichTextStyle& style);

    bool undo();
    bool redo();
    bool canUndo() const;
    bool canRedo() const;
    // The next edit starts a new undo step, even when it follows the last one quickly.
    void stopCapturing();

    // The next character typed at `position` gets `format` switched on or off (a toolbar button
    // pressed with nothing selected); any other edit forgets it.
    void setTypingFormat(int position, InlineFormat format, bool on);

    // Pixels for a blob image (shown scaled down to the style's maximum width).
    void setImage(const QString& blobId, const QImage& image);

signals:
    void undoRedoChanged();
    // The document shows a blob image it has no pixels for yet; answer with setImage().
    void imageNeeded(const QString& blobId);

private:
    struct Change {
        int position = 0;
        int removed = 0;
        int added = 0;
        bool rebuilt = false; // normalising replaced what was put in
    };
    class Guard;

    void onContentsChange(int position, int removed, int added);
    void onContentsChanged();
    void onTextEvent(const crdt::Event& event);
    void applyLocalChange(Change change);
    std::optional<int> typedCharacter(const Change& change) const;
    Change normalise(Change change, std::optional<int> typed);
    void writeToText(const Change& change);
    bool writeInsideLine(const Change& change);
    bool typedLikeLeftNeighbour(const Change& change, const crdt::DeltaOp& insert) const;
    void insertLikeLeftNeighbour(uint64_t position, const crdt::DeltaOp& insert);
    void transactLocally(const std::function<void()>& edit);
    void remember();
    void resync();
    void renderInSteps(std::vector<crdt::DeltaOp> inserts);
    void appendInserts(std::vector<crdt::DeltaOp> inserts);
    void renderNextStep();
    void finishRendering();
    void protectImages(int from, int to);
    void showImageSizes(int from, int to, const QString& onlyUrl = {});
    QSizeF prepareImage(const QString& url);
    QSizeF displaySize(const QImage& image) const;
    void emitNeededImages();
    void notifyUndoState();
    bool consistent() const;

    QPointer<QTextDocument> document_;
    crdt::Doc& doc_;
    crdt::Text text_;
    DeltaRenderer renderer_;
    std::unique_ptr<crdt::UndoManager> undo_;
    std::unique_ptr<detail::RenderSteps> steps_; // what a text rendered in steps has left
    QTimer stepTimer_;
    int observer_ = 0;
    bool applying_ = false;
    bool inShortcut_ = false;
    // After an inline Markdown shortcut: where typing goes on without that format.
    struct TypingFormat {
        int position = 0;
        InlineFormat format = InlineFormat::Bold;
        bool on = false;
    };
    std::optional<TypingFormat> typingFormat_;
    std::optional<Change> pending_;
    int knownLength_ = 1; // the document's characterCount() as last seen
    int knownBlocks_ = 1; // and its blockCount()
    bool couldUndo_ = false;
    bool couldRedo_ = false;
    QHash<QString, QImage> images_;
    QSet<QString> requested_;
    QStringList needed_;
};

} // namespace convene::docs
