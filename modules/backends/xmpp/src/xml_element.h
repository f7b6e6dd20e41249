#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace convene::xmpp {

struct XmlAttribute {
    QString name; // local name
    QString value;
    QString namespaceUri; // empty for ordinary attributes; ns::xml for xml:lang

    friend bool operator==(const XmlAttribute&, const XmlAttribute&) = default;
};

// One XML element of a stanza, with its namespace resolved: a value (cheap to copy, implicitly
// shared) that only changes through the builder-style with…() calls. Character data directly
// inside the element is kept as one string; where it stood between children is not kept,
// which XMPP payloads never depend on.
class XmlElement {
public:
    XmlElement() = default; // the null element: what firstChild() finds when nothing matches
    XmlElement(QString name, QString namespaceUri);
    XmlElement(QString name, QString namespaceUri, QList<XmlAttribute> attributes, QString text,
               QList<XmlElement> children);

    bool isNull() const { return m_name.isEmpty(); }
    const QString& name() const { return m_name; }
    const QString& namespaceUri() const { return m_namespaceUri; }
    const QString& text() const { return m_text; }
    const QList<XmlAttribute>& attributes() const { return m_attributes; }
    const QList<XmlElement>& children() const { return m_children; }

    // A null QString when absent, an empty one when present but empty.
    QString attribute(QStringView name, QStringView namespaceUri = {}) const;
    bool hasAttribute(QStringView name, QStringView namespaceUri = {}) const;
    XmlElement firstChild(QStringView name, QStringView namespaceUri) const;
    QList<XmlElement> children(QStringView name, QStringView namespaceUri) const;

    // Builders: a copy with one thing set; an attribute of the same name is replaced.
    XmlElement withAttribute(QString name, QString value) const&;
    XmlElement withAttribute(QString name, QString value) &&;
    XmlElement withAttribute(XmlAttribute attribute) const&;
    XmlElement withAttribute(XmlAttribute attribute) &&;
    XmlElement withText(QString text) const&;
    XmlElement withText(QString text) &&;
    XmlElement withChild(XmlElement child) const&;
    XmlElement withChild(XmlElement child) &&;

    // Compact XML; xmlns is written only where the namespace differs from the enclosing one,
    // `inheritedNamespace` (the stream's content namespace for a stanza).
    QString toXml(QStringView inheritedNamespace = {}) const;

    // Attribute order does not matter; child order does.
    friend bool operator==(const XmlElement& a, const XmlElement& b);

private:
    void setAttribute(XmlAttribute attribute);
    void writeXml(QString& out, QStringView inheritedNamespace) const;

    QString m_name;
    QString m_namespaceUri;
    QList<XmlAttribute> m_attributes;
    QString m_text;
    QList<XmlElement> m_children;
};

} // namespace convene::xmpp
