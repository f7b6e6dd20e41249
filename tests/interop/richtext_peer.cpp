// One Convene editor for richtext-interop.mjs: a QTextDocument bound to the Y.Text "content" of
// a crdt::Doc through RichTextBinding, edited only through the document (QTextCursor and the
// rich_text_commands.h functions), as a user would.
//   docs-richtext-peer [clientId]
// Reads one JSON command per line on stdin and answers each with one JSON line on stdout:
//   {"cmd":"edit","op":{"kind":...}}     an edit (see edit() for the kinds); its place is "at", a
//                                        fraction of the document (the driver needs no view of
//                                        it), or "pos", a position; "len" selects from there
//   {"cmd":"apply","updates":["<b64>"]}  the other peer's updates, applied in this order
//   {"cmd":"state"}                      nothing, only the answer
//   {"cmd":"quit"}
// Every answer holds the updates this side made meanwhile (base64, in order, the ones made while
// applying remote updates included), the warnings Qt printed, an error (empty when none), whether
// the Y.Doc has pending structs, and the state: "crdt" is the Y.Text's delta (crdt::deltaToJson
// of toDelta()) and "document" the delta read back from the QTextDocument (deltaFromDocument), so
// the driver can check that the document shows exactly what the Y.Text holds. A transcript of the
// commands is a replay: docs-richtext-peer <clientId> < transcript.jsonl.
#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/doc.h"
#include "crdt/ytext.h"

#include <QByteArray>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace convene;
using namespace convene::docs;

namespace {

std::vector<std::string> g_warnings;

void collectMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings.push_back(message.toStdString());
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

void appendString(std::string& out, const std::string& utf8)
{
    crdt::appendJsonString(out, utf8);
}

class Peer {
public:
    explicit Peer(crdt::ClientId clientId) : doc_(clientId), text_(doc_.getText("content"))
    {
        open();
        doc_.onUpdate([this](const std::vector<uint8_t>& update, const void* origin) {
            if (origin != &kRemote)
                outbox_.push_back(update);
        });
    }

    std::string handle(const QJsonObject& command)
    {
        const QString cmd = command.value(QStringLiteral("cmd")).toString();
        std::string error;
        if (cmd == QLatin1String("edit")) {
            error = edit(command.value(QStringLiteral("op")).toObject());
        } else if (cmd == QLatin1String("apply")) {
            for (const QJsonValue v : command.value(QStringLiteral("updates")).toArray()) {
                const QByteArray bytes = QByteArray::fromBase64(v.toString().toLatin1());
                const std::vector<uint8_t> update(bytes.begin(), bytes.end());
                const crdt::Status status = doc_.applyUpdate(update, &kRemote);
                if (!status.ok)
                    error = "applyUpdate: " + status.error;
            }
        } else if (cmd != QLatin1String("state")) {
            error = "unknown command " + cmd.toStdString();
        }
        answerImages();
        return answer(error);
    }

private:
    // A new editor on the text, as when the document is opened again: rendered from the Y.Text.
    void open()
    {
        binding_.reset();
        document_ = std::make_unique<QTextDocument>();
        binding_ = std::make_unique<RichTextBinding>(document_.get(), doc_, text_, RichTextStyle{});
        QObject::connect(binding_.get(), &RichTextBinding::imageNeeded,
                         [this](const QString& blobId) { neededImages_.append(blobId); });
    }

    int end() const { return document_->characterCount() - 1; }

    // A position for a fraction of the document, never inside a surrogate pair.
    int position(double fraction) const
    {
        int p = std::clamp(int(fraction * (end() + 1)), 0, end());
        if (p > 0 && document_->characterAt(p).isLowSurrogate() && document_->characterAt(p - 1).isHighSurrogate())
            --p;
        return p;
    }

    // The op's place: "pos" (a position) or "at" (a fraction of the document), and "len".
    QTextCursor cursorFor(const QJsonObject& op) const
    {
        QTextCursor c(document_.get());
        const int from = op.contains(QStringLiteral("pos"))
                             ? std::clamp(op.value(QStringLiteral("pos")).toInt(), 0, end())
                             : position(op.value(QStringLiteral("at")).toDouble());
        c.setPosition(from);
        const int length = op.value(QStringLiteral("len")).toInt();
        if (length > 0) {
            int to = std::min(end(), from + length);
            if (to > from && document_->characterAt(to).isLowSurrogate() &&
                document_->characterAt(to - 1).isHighSurrogate())
                --to;
            c.setPosition(to, QTextCursor::KeepAnchor);
        }
        return c;
    }

    // Typing: one character (or surrogate pair) per edit, as keys arrive.
    static void type(QTextCursor& c, const QString& s)
    {
        for (qsizetype i = 0; i < s.size(); ++i) {
            const qsizetype n = s.at(i).isHighSurrogate() && i + 1 < s.size() ? 2 : 1;
            c.insertText(s.mid(i, n));
            i += n - 1;
        }
    }

    std::string edit(const QJsonObject& op)
    {
        const QString kind = op.value(QStringLiteral("kind")).toString();
        const QString text = op.value(QStringLiteral("text")).toString();
        if (kind == QLatin1String("undo") || kind == QLatin1String("redo")) {
            if (kind == QLatin1String("undo"))
                binding_->undo();
            else
                binding_->redo();
            binding_->stopCapturing();
            return {};
        }
        if (kind == QLatin1String("reopen")) {
            open();
            return {};
        }
        QTextCursor c = cursorFor(op);
        if (kind == QLatin1String("type")) {
            c.clearSelection();
            type(c, text);
        } else if (kind == QLatin1String("insert")) {
            c.insertText(text);
        } else if (kind == QLatin1String("enter")) {
            c.clearSelection();
            c.insertBlock();
        } else if (kind == QLatin1String("delete")) {
            c.removeSelectedText();
        } else if (kind == QLatin1String("backspace")) {
            c.clearSelection();
            c.deletePreviousChar();
        } else if (kind == QLatin1String("inline")) {
            const auto format = InlineFormat(std::clamp(op.value(QStringLiteral("format")).toInt(), 0, 4));
            const QString mode = op.value(QStringLiteral("mode")).toString();
            if (mode == QLatin1String("toggle"))
                toggleInlineFormat(c, format);
            else
                setInlineFormat(c, format, mode == QLatin1String("on"));
            if (!text.isEmpty()) // at a caret: typing with the format just set
                type(c, text);
        } else if (kind == QLatin1String("link")) {
            setLink(c, op.value(QStringLiteral("url")).toString());
        } else if (kind == QLatin1String("heading")) {
            setHeading(c, op.value(QStringLiteral("level")).toInt());
        } else if (kind == QLatin1String("list")) {
            setList(c, ListType(std::clamp(op.value(QStringLiteral("type")).toInt(), 0, 4)));
        } else if (kind == QLatin1String("checked")) {
            toggleChecked(c);
        } else if (kind == QLatin1String("quote")) {
            toggleQuote(c);
        } else if (kind == QLatin1String("codeBlock")) {
            toggleCodeBlock(c);
        } else if (kind == QLatin1String("indent")) {
            changeIndent(c, op.value(QStringLiteral("steps")).toInt());
        } else if (kind == QLatin1String("mention")) {
            c.clearSelection();
            insertMention(c, op.value(QStringLiteral("user")).toString(), op.value(QStringLiteral("name")).toString());
        } else if (kind == QLatin1String("image")) {
            c.clearSelection();
            insertImage(c, op.value(QStringLiteral("blob")).toString());
        } else if (kind == QLatin1String("paste")) {
            QMimeData mime;
            mime.setHtml(op.value(QStringLiteral("html")).toString());
            insertFromMimeData(c, &mime);
        } else {
            return "unknown edit " + kind.toStdString();
        }
        binding_->stopCapturing();
        return {};
    }

    // The blob store answers later, as it would: with a picture wider than the style allows.
    void answerImages()
    {
        for (const QString& id : std::exchange(neededImages_, {})) {
            QImage image(800 + int(qHash(id) % 200), 120, QImage::Format_RGB32);
            image.fill(Qt::darkCyan);
            binding_->setImage(id, image);
        }
    }

    std::string answer(const std::string& error)
    {
        std::string out = "{\"updates\":[";
        for (std::size_t i = 0; i < outbox_.size(); ++i) {
            const QByteArray b64 =
                QByteArray(reinterpret_cast<const char*>(outbox_[i].data()), qsizetype(outbox_[i].size())).toBase64();
            out += (i ? ",\"" : "\"") + b64.toStdString() + "\"";
        }
        outbox_.clear();
        out += "],\"warnings\":[";
        for (std::size_t i = 0; i < g_warnings.size(); ++i) {
            if (i)
                out += ',';
            appendString(out, g_warnings[i]);
        }
        g_warnings.clear();
        out += "],\"error\":";
        appendString(out, error);
        // The document's last line end stands for no "\n" when the text does not end with one.
        const bool lastLineEndInText = text_.length() == uint64_t(document_->characterCount());
        out += ",\"finalNewline\":";
        out += lastLineEndInText ? "true" : "false";
        out += ",\"pending\":";
        out += doc_.hasPending() ? "true" : "false";
        out += ",\"crdt\":" + crdt::deltaToJson(text_.toDelta());
        out += ",\"document\":" + crdt::deltaToJson(deltaFromDocument(
                                      *document_, 0, document_->characterCount() - (lastLineEndInText ? 0 : 1)));
        out += "}";
        return out;
    }

    static inline const int kRemote = 0;
    crdt::Doc doc_;
    crdt::Text text_;
    std::unique_ptr<QTextDocument> document_;
    std::unique_ptr<RichTextBinding> binding_;
    std::vector<std::vector<uint8_t>> outbox_;
    QStringList neededImages_;
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    qInstallMessageHandler(collectMessages);
    const crdt::ClientId clientId = argc > 1 ? crdt::ClientId(std::stoul(argv[1])) : crdt::ClientId(1);
    Peer peer(clientId);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(line), &parseError);
        if (!json.isObject()) {
            std::fprintf(stderr, "docs-richtext-peer: not a JSON object: %s\n", qPrintable(parseError.errorString()));
            return 2;
        }
        const QJsonObject command = json.object();
        if (command.value(QStringLiteral("cmd")).toString() == QLatin1String("quit"))
            break;
        const std::string reply = peer.handle(command);
        std::fwrite(reply.data(), 1, reply.size(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        QCoreApplication::processEvents();
    }
    return 0;
}
