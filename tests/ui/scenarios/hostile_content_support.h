#pragma once
// What the hostile-content scenarios share: a loopback HTTP server that records every request a
// client makes to it (text from others must never make the app fetch anything), and a look at
// what the window's text items actually show.
#include <QHostAddress>
#include <QQuickItem>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextDocument>

namespace hostile {

// Every connection to it is one fetch the app should not have made; the paths say which text made it.
class FetchTrap {
public:
    FetchTrap()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QList<QByteArray> request = socket->readLine().split(' ');
                    m_paths << QString::fromLatin1(request.value(1));
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    QStringList paths() const { return m_paths; }

    // An image tag that makes a client fetch /<what> from this server.
    QString image(const QString& what) const
    {
        return QStringLiteral("<img src=\"http://127.0.0.1:%1/%2\">").arg(port()).arg(what);
    }

private:
    QTcpServer m_server;
    int m_connections = 0;
    QStringList m_paths;
};

inline bool inheritsClass(const QObject* object, const char* className)
{
    for (const QMetaObject* meta = object->metaObject(); meta; meta = meta->superClass())
        if (qstrcmp(meta->className(), className) == 0)
            return true;
    return false;
}

// What a Text or Label shows a person: its text as such when plain, or what remains of it once
// read as markup (AutoText decides the way Qt does).
inline QString displayedText(const QQuickItem* item)
{
    const QString text = item->property("text").toString();
    const int format = item->property("textFormat").toInt();
    const bool markup =
        format == Qt::RichText || format == 4 /* StyledText */ || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (!markup && format != Qt::MarkdownText)
        return text;
    QTextDocument document;
    if (format == Qt::MarkdownText)
        document.setMarkdown(text);
    else
        document.setHtml(text);
    return document.toPlainText();
}

inline void collectShownTexts(const QQuickItem* item, QStringList& texts)
{
    if (!item || !item->isVisible() || item->opacity() <= 0)
        return;
    if (inheritsClass(item, "QQuickText"))
        texts << displayedText(item);
    const auto children = item->childItems();
    for (const QQuickItem* child : children)
        collectShownTexts(child, texts);
}

// Every text a visible Text or Label in the window shows now, popups and tooltips included.
inline QStringList shownTexts(const QQuickItem* root)
{
    QStringList texts;
    collectShownTexts(root, texts);
    return texts;
}

// Whether some visible label shows `literal` as written (markup characters and all).
inline bool showsLiterally(const QQuickItem* root, const QString& literal)
{
    const QStringList texts = shownTexts(root);
    return std::any_of(texts.cbegin(), texts.cend(), [&](const QString& t) { return t.contains(literal); });
}

} // namespace hostile
