#include "xml_element.h"

#include "xml_escape.h"
#include "xml_namespaces.h"

#include <algorithm>

namespace convene::xmpp {

using namespace Qt::StringLiterals;

namespace {

const XmlAttribute* findAttribute(const QList<XmlAttribute>& attributes, QStringView name, QStringView namespaceUri)
{
    for (const XmlAttribute& attribute : attributes)
        if (attribute.name == name && attribute.namespaceUri == namespaceUri)
            return &attribute;
    return nullptr;
}

bool sameAttributes(const QList<XmlAttribute>& a, const QList<XmlAttribute>& b)
{
    if (a.size() != b.size())
        return false;
    return std::all_of(a.begin(), a.end(), [&b](const XmlAttribute& attribute) {
        const XmlAttribute* other = findAttribute(b, attribute.name, attribute.namespaceUri);
        return other && other->value == attribute.value;
    });
}

} // namespace

XmlElement::XmlElement(QString name, QString namespaceUri)
    : m_name(std::move(name)), m_namespaceUri(std::move(namespaceUri))
{
    Q_ASSERT(!m_name.isEmpty());
}

XmlElement::XmlElement(QString name, QString namespaceUri, QList<XmlAttribute> attributes, QString text,
                       QList<XmlElement> children)
    : m_name(std::move(name)),
      m_namespaceUri(std::move(namespaceUri)),
      m_attributes(std::move(attributes)),
      m_text(std::move(text)),
      m_children(std::move(children))
{
    Q_ASSERT(!m_name.isEmpty());
}

QString XmlElement::attribute(QStringView name, QStringView namespaceUri) const
{
    const XmlAttribute* attribute = findAttribute(m_attributes, name, namespaceUri);
    return attribute ? attribute->value : QString();
}

bool XmlElement::hasAttribute(QStringView name, QStringView namespaceUri) const
{
    return findAttribute(m_attributes, name, namespaceUri) != nullptr;
}

XmlElement XmlElement::firstChild(QStringView name, QStringView namespaceUri) const
{
    for (const XmlElement& child : m_children)
        if (child.m_name == name && child.m_namespaceUri == namespaceUri)
            return child;
    return {};
}

QList<XmlElement> XmlElement::children(QStringView name, QStringView namespaceUri) const
{
    QList<XmlElement> matching;
    for (const XmlElement& child : m_children)
        if (child.m_name == name && child.m_namespaceUri == namespaceUri)
            matching.append(child);
    return matching;
}

void XmlElement::setAttribute(XmlAttribute attribute)
{
    // Namespace declarations are written by toXml() itself.
    Q_ASSERT(!attribute.name.isEmpty() && attribute.name != u"xmlns");
    for (XmlAttribute& existing : m_attributes) {
        if (existing.name == attribute.name && existing.namespaceUri == attribute.namespaceUri) {
            existing.value = std::move(attribute.value);
            return;
        }
    }
    m_attributes.append(std::move(attribute));
}

XmlElement XmlElement::withAttribute(QString name, QString value) const&
{
    return XmlElement(*this).withAttribute(XmlAttribute{std::move(name), std::move(value), {}});
}

XmlElement XmlElement::withAttribute(QString name, QString value) &&
{
    return std::move(*this).withAttribute(XmlAttribute{std::move(name), std::move(value), {}});
}

XmlElement XmlElement::withAttribute(XmlAttribute attribute) const&
{
    return XmlElement(*this).withAttribute(std::move(attribute));
}

XmlElement XmlElement::withAttribute(XmlAttribute attribute) &&
{
    setAttribute(std::move(attribute));
    return std::move(*this);
}

XmlElement XmlElement::withText(QString text) const&
{
    return XmlElement(*this).withText(std::move(text));
}

XmlElement XmlElement::withText(QString text) &&
{
    m_text = std::move(text);
    return std::move(*this);
}

XmlElement XmlElement::withChild(XmlElement child) const&
{
    return XmlElement(*this).withChild(std::move(child));
}

XmlElement XmlElement::withChild(XmlElement child) &&
{
    Q_ASSERT(!child.isNull());
    m_children.append(std::move(child));
    return std::move(*this);
}

QString XmlElement::toXml(QStringView inheritedNamespace) const
{
    QString out;
    if (!isNull())
        writeXml(out, inheritedNamespace);
    return out;
}

void XmlElement::writeXml(QString& out, QStringView inheritedNamespace) const
{
    // The xml namespace is bound to its prefix and may never be a default namespace.
    const bool xmlPrefixed = m_namespaceUri == ns::xml;
    const QStringView defaultNamespace = xmlPrefixed ? inheritedNamespace : QStringView(m_namespaceUri);
    const QString name = xmlPrefixed ? u"xml:"_s + m_name : m_name;
    out += u'<';
    out += name;
    if (!xmlPrefixed && m_namespaceUri != inheritedNamespace) {
        out += u" xmlns='";
        appendEscapedAttribute(out, m_namespaceUri);
        out += u'\'';
    }
    // Attributes in a namespace other than xml: get a prefix declared on this element.
    QList<QStringView> prefixed;
    for (const XmlAttribute& attribute : m_attributes) {
        out += u' ';
        if (attribute.namespaceUri == ns::xml) {
            out += u"xml:";
        } else if (!attribute.namespaceUri.isEmpty()) {
            qsizetype index = prefixed.indexOf(attribute.namespaceUri);
            if (index < 0) {
                index = prefixed.size();
                prefixed.append(attribute.namespaceUri);
                out += QStringLiteral("xmlns:a%1='").arg(index);
                appendEscapedAttribute(out, attribute.namespaceUri);
                out += u"' ";
            }
            out += QStringLiteral("a%1:").arg(index);
        }
        out += attribute.name;
        out += u"='";
        appendEscapedAttribute(out, attribute.value);
        out += u'\'';
    }
    if (m_text.isEmpty() && m_children.isEmpty()) {
        out += u"/>";
        return;
    }
    out += u'>';
    appendEscapedText(out, m_text);
    for (const XmlElement& child : m_children)
        child.writeXml(out, defaultNamespace);
    out += u"</";
    out += name;
    out += u'>';
}

bool operator==(const XmlElement& a, const XmlElement& b)
{
    return a.m_name == b.m_name && a.m_namespaceUri == b.m_namespaceUri && a.m_text == b.m_text &&
           sameAttributes(a.m_attributes, b.m_attributes) && a.m_children == b.m_children;
}

} // namespace convene::xmpp
