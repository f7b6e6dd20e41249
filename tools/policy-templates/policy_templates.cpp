#include "policy_templates.h"

#include <convene/core/setting_keys.h>

#include <QStringList>
#include <QXmlStreamWriter>

namespace convene::policy {

namespace {

const QString kNamespace = QStringLiteral("Convene.Policies.Convene");
const QString kSupported = QStringLiteral("SUPPORTED_Convene_0_1");
const QString kCategory = QStringLiteral("Convene");
const QString kRecommendedCategory = QStringLiteral("Convene_Recommended");

QString recommendedKey()
{
    return QLatin1String(kRegistryKey) + QLatin1Char('\\') + QLatin1String(kRecommendedPolicyGroup);
}

bool isRecommendable(const SettingSpec& spec)
{
    return spec.levels == PolicyLevels::MandatoryOrRecommended;
}

QString policyName(const SettingSpec& spec, bool recommended)
{
    return QLatin1String(spec.key) + (recommended ? QStringLiteral("_Recommended") : QString());
}

// Texts of the templates that are not part of the key list.
struct Phrases {
    QString productName;
    QString category;
    QString recommendedCategory;
    QString supported;
    QString keyLine; // %1 = key, %2 = registry value type
    QString mandatoryNote;
    QString recommendedNote;
    QString lockedWhenNote; // %1 = the locking policy
    QString description;
};

Phrases phrases(AdmlLanguage language)
{
    if (language == AdmlLanguage::ZhCN)
        return {QStringLiteral("Convene"),
                QStringLiteral("Convene"),
                QStringLiteral("Convene - 推荐设置"),
                QStringLiteral("Convene 0.1 或更高版本"),
                QStringLiteral("注册表值：%1（%2）"),
                QStringLiteral("用户无法更改此处设置的值；设置中会显示“由您的组织管理”。"),
                QStringLiteral("这是推荐值：它取代内置默认值，但用户仍可以更改。"),
                QStringLiteral("启用策略“%1”时，用户也无法更改此设置。"),
                QStringLiteral("Convene 桌面客户端的组策略设置。")};
    return {QStringLiteral("Convene"),
            QStringLiteral("Convene"),
            QStringLiteral("Convene - Recommended"),
            QStringLiteral("Convene 0.1 or later"),
            QStringLiteral("Registry value: %1 (%2)"),
            QStringLiteral("Users cannot change a value set here; Settings shows it as managed by your "
                           "organization."),
            QStringLiteral("This is a recommended value: it replaces the built-in default, but users can still "
                           "change it."),
            QStringLiteral("While the policy \"%1\" is enabled, users cannot change this setting either."),
            QStringLiteral("Group Policy settings for the Convene desktop client.")};
}

QString registryType(const SettingSpec& spec)
{
    return spec.type == QMetaType::Bool ? QStringLiteral("REG_DWORD") : QStringLiteral("REG_SZ");
}

QString explainText(const SettingSpec& spec, AdmlLanguage language, bool recommended)
{
    const Phrases p = phrases(language);
    QString text = QString::fromUtf8(language == AdmlLanguage::ZhCN ? spec.descriptionZhCN : spec.description);
    if (!recommended)
        text += QStringLiteral("\n\n") + p.mandatoryNote;
    if (recommended)
        text += QStringLiteral("\n\n") + p.recommendedNote;
    if (recommended && spec.lockedWhen) {
        const SettingSpec* lock = findSettingSpec(QString::fromLatin1(spec.lockedWhen));
        text += QStringLiteral("\n\n") +
                p.lockedWhenNote.arg(QString::fromUtf8(language == AdmlLanguage::ZhCN ? lock->titleZhCN : lock->title));
    }
    text += QStringLiteral("\n\n") + p.keyLine.arg(QLatin1String(spec.key), registryType(spec));
    return text;
}

void writePolicy(QXmlStreamWriter& xml, const SettingSpec& spec, bool recommended)
{
    const QString name = policyName(spec, recommended);
    xml.writeStartElement(QStringLiteral("policy"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("Machine"));
    xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.%1)").arg(QLatin1String(spec.key)));
    xml.writeAttribute(QStringLiteral("explainText"), QStringLiteral("$(string.%1_Explain)").arg(name));
    if (spec.type != QMetaType::Bool)
        xml.writeAttribute(QStringLiteral("presentation"),
                           QStringLiteral("$(presentation.%1)").arg(QLatin1String(spec.key)));
    xml.writeAttribute(QStringLiteral("key"), recommended ? recommendedKey() : QLatin1String(kRegistryKey));
    if (spec.type == QMetaType::Bool)
        xml.writeAttribute(QStringLiteral("valueName"), QLatin1String(spec.key));

    xml.writeEmptyElement(QStringLiteral("parentCategory"));
    xml.writeAttribute(QStringLiteral("ref"), recommended ? kRecommendedCategory : kCategory);
    xml.writeEmptyElement(QStringLiteral("supportedOn"));
    xml.writeAttribute(QStringLiteral("ref"), kSupported);
    if (spec.type == QMetaType::Bool) {
        // Enabled writes 1, Disabled writes 0: both are a decision by the organisation.
        for (const auto& [element, value] : {std::pair{"enabledValue", "1"}, std::pair{"disabledValue", "0"}}) {
            xml.writeStartElement(QLatin1String(element));
            xml.writeEmptyElement(QStringLiteral("decimal"));
            xml.writeAttribute(QStringLiteral("value"), QLatin1String(value));
            xml.writeEndElement();
        }
    } else {
        xml.writeStartElement(QStringLiteral("elements"));
        xml.writeEmptyElement(QStringLiteral("text"));
        xml.writeAttribute(QStringLiteral("id"), QLatin1String(spec.key));
        xml.writeAttribute(QStringLiteral("valueName"), QLatin1String(spec.key));
        xml.writeAttribute(QStringLiteral("maxLength"), QStringLiteral("2048"));
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeString(QXmlStreamWriter& xml, const QString& id, const QString& text)
{
    xml.writeStartElement(QStringLiteral("string"));
    xml.writeAttribute(QStringLiteral("id"), id);
    xml.writeCharacters(text);
    xml.writeEndElement();
}

QString documentedValue(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("`true`") : QStringLiteral("`false`");
    const QString text =
        value.metaType().id() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
    return text.isEmpty() ? QStringLiteral("(empty)") : QStringLiteral("`%1`").arg(text);
}

QString documentedType(const SettingSpec& spec)
{
    switch (spec.type) {
    case QMetaType::Bool: return QStringLiteral("boolean");
    case QMetaType::QStringList: return QStringLiteral("list");
    default: return QStringLiteral("string");
    }
}

// QXmlStreamWriter leaves the encoding out when writing to a string; the files are UTF-8.
QString withEncoding(QString xml)
{
    xml.replace(QStringLiteral("<?xml version=\"1.0\"?>"),
                QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    return xml;
}

} // namespace

QString admlLanguageDir(AdmlLanguage language)
{
    return language == AdmlLanguage::ZhCN ? QStringLiteral("zh-CN") : QStringLiteral("en-US");
}

QString admx()
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeComment(
        QStringLiteral(" Generated from Convene's setting list by convene-policy-templates; do not edit. "));
    xml.writeStartElement(QStringLiteral("policyDefinitions"));
    xml.writeAttribute(QStringLiteral("xmlns:xsd"), QStringLiteral("http://www.w3.org/2001/XMLSchema"));
    xml.writeAttribute(QStringLiteral("xmlns:xsi"), QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    xml.writeAttribute(QStringLiteral("revision"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("schemaVersion"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("xmlns"),
                       QStringLiteral("http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"));

    xml.writeStartElement(QStringLiteral("policyNamespaces"));
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("prefix"), QStringLiteral("convene"));
    xml.writeAttribute(QStringLiteral("namespace"), kNamespace);
    xml.writeEmptyElement(QStringLiteral("using"));
    xml.writeAttribute(QStringLiteral("prefix"), QStringLiteral("windows"));
    xml.writeAttribute(QStringLiteral("namespace"), QStringLiteral("Microsoft.Policies.Windows"));
    xml.writeEndElement();

    xml.writeEmptyElement(QStringLiteral("resources"));
    xml.writeAttribute(QStringLiteral("minRequiredRevision"), QStringLiteral("1.0"));

    xml.writeStartElement(QStringLiteral("supportedOn"));
    xml.writeStartElement(QStringLiteral("definitions"));
    xml.writeEmptyElement(QStringLiteral("definition"));
    xml.writeAttribute(QStringLiteral("name"), kSupported);
    xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.%1)").arg(kSupported));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("categories"));
    for (const QString& category : {kCategory, kRecommendedCategory}) {
        xml.writeEmptyElement(QStringLiteral("category"));
        xml.writeAttribute(QStringLiteral("name"), category);
        xml.writeAttribute(QStringLiteral("displayName"), QStringLiteral("$(string.%1)").arg(category));
    }
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("policies"));
    for (const SettingSpec& spec : settingSpecs())
        writePolicy(xml, spec, false);
    for (const SettingSpec& spec : settingSpecs())
        if (isRecommendable(spec))
            writePolicy(xml, spec, true);
    xml.writeEndElement();

    xml.writeEndElement();
    xml.writeEndDocument();
    return withEncoding(out);
}

QString adml(AdmlLanguage language)
{
    const Phrases p = phrases(language);
    const bool zh = language == AdmlLanguage::ZhCN;
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeComment(
        QStringLiteral(" Generated from Convene's setting list by convene-policy-templates; do not edit. "));
    xml.writeStartElement(QStringLiteral("policyDefinitionResources"));
    xml.writeAttribute(QStringLiteral("xmlns:xsd"), QStringLiteral("http://www.w3.org/2001/XMLSchema"));
    xml.writeAttribute(QStringLiteral("xmlns:xsi"), QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    xml.writeAttribute(QStringLiteral("revision"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("schemaVersion"), QStringLiteral("1.0"));
    xml.writeAttribute(QStringLiteral("xmlns"),
                       QStringLiteral("http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"));
    xml.writeTextElement(QStringLiteral("displayName"), p.productName);
    xml.writeTextElement(QStringLiteral("description"), p.description);
    xml.writeStartElement(QStringLiteral("resources"));

    xml.writeStartElement(QStringLiteral("stringTable"));
    writeString(xml, kCategory, p.category);
    writeString(xml, kRecommendedCategory, p.recommendedCategory);
    writeString(xml, kSupported, p.supported);
    for (const SettingSpec& spec : settingSpecs()) {
        writeString(xml, QLatin1String(spec.key), QString::fromUtf8(zh ? spec.titleZhCN : spec.title));
        writeString(xml, policyName(spec, false) + QStringLiteral("_Explain"), explainText(spec, language, false));
        if (isRecommendable(spec))
            writeString(xml, policyName(spec, true) + QStringLiteral("_Explain"), explainText(spec, language, true));
    }
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("presentationTable"));
    for (const SettingSpec& spec : settingSpecs()) {
        if (spec.type == QMetaType::Bool)
            continue;
        xml.writeStartElement(QStringLiteral("presentation"));
        xml.writeAttribute(QStringLiteral("id"), QLatin1String(spec.key));
        xml.writeStartElement(QStringLiteral("textBox"));
        xml.writeAttribute(QStringLiteral("refId"), QLatin1String(spec.key));
        xml.writeTextElement(QStringLiteral("label"), QString::fromUtf8(zh ? spec.titleZhCN : spec.title));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();

    xml.writeEndElement(); // resources
    xml.writeEndElement();
    xml.writeEndDocument();
    return withEncoding(out);
}

QString markdownTable()
{
    QStringList lines{
        QStringLiteral("| key | type | default | may be | MSI property | what it does |"),
        QStringLiteral("| --- | --- | --- | --- | --- | --- |"),
    };
    for (const SettingSpec& spec : settingSpecs()) {
        const QString levels =
            isRecommendable(spec) ? QStringLiteral("mandatory, recommended") : QStringLiteral("mandatory");
        const QString property =
            spec.msiProperty ? QStringLiteral("`%1`").arg(QLatin1String(spec.msiProperty)) : QString();
        lines << QStringLiteral("| `%1` | %2 | %3 | %4 | %5 | %6 |")
                     .arg(QLatin1String(spec.key), documentedType(spec), documentedValue(spec.defaultValue), levels,
                          property, QString::fromUtf8(spec.description));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace convene::policy
