// The Group Policy templates and the README policy table are generated from settingSpecs();
// the committed copies must equal fresh output, so the documented keys cannot drift from the app.
#include "policy_templates.h"

#include <convene/core/setting_keys.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

using namespace convene;
using namespace convene::policy;

namespace {

QString sourceFile(const QString& relative)
{
    const QString root = QStringLiteral(CONVENE_SOURCE_DIR);
    REQUIRE_FALSE(root.isEmpty());
    QFile file(root + QLatin1Char('/') + relative);
    INFO(file.fileName().toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

const char* const kRegenerate = "stale: run `cmake --build <builddir> --target update_policy_templates`";

// Names of elements' attribute `attribute`, for elements named `element`.
QSet<QString> attributeValues(const QString& xml, const QString& element, const QString& attribute)
{
    QSet<QString> values;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == element)
            values.insert(reader.attributes().value(attribute).toString());
    }
    INFO(reader.errorString().toStdString());
    REQUIRE_FALSE(reader.hasError());
    return values;
}

QSet<QString> references(const QString& xml, const QString& kind)
{
    QSet<QString> ids;
    const QRegularExpression ref(QStringLiteral("\\$\\(%1\\.([A-Za-z0-9_]+)\\)").arg(kind));
    for (const auto& match : ref.globalMatch(xml))
        ids.insert(match.captured(1));
    return ids;
}

} // namespace

TEST_CASE("The committed ADMX and ADML files equal the generated ones")
{
    INFO(kRegenerate);
    CHECK(sourceFile(QStringLiteral("packaging/windows/admx/Convene.admx")) == admx());
    CHECK(sourceFile(QStringLiteral("packaging/windows/admx/en-US/Convene.adml")) == adml(AdmlLanguage::EnUS));
    CHECK(sourceFile(QStringLiteral("packaging/windows/admx/zh-CN/Convene.adml")) == adml(AdmlLanguage::ZhCN));
}

TEST_CASE("packaging/README.md documents exactly the generated policy table")
{
    INFO("regenerate the table with `convene-policy-templates --markdown`");
    CHECK(sourceFile(QStringLiteral("packaging/README.md")).contains(markdownTable()));
}

TEST_CASE("Every key is a policy; recommendable keys also a recommended one")
{
    const QSet<QString> policies = attributeValues(admx(), QStringLiteral("policy"), QStringLiteral("name"));
    qsizetype expected = 0;
    for (const SettingSpec& spec : settingSpecs()) {
        const QString key = QString::fromLatin1(spec.key);
        INFO(spec.key);
        CHECK(policies.contains(key));
        const bool recommendable = spec.levels == PolicyLevels::MandatoryOrRecommended;
        CHECK(policies.contains(key + QStringLiteral("_Recommended")) == recommendable);
        expected += recommendable ? 2 : 1;
    }
    CHECK(policies.size() == expected);
    const QSet<QString> keys = attributeValues(admx(), QStringLiteral("policy"), QStringLiteral("key"));
    CHECK(keys == QSet<QString>{QStringLiteral("Software\\Policies\\Convene\\Convene"),
                                QStringLiteral("Software\\Policies\\Convene\\Convene\\Recommended")});
}

TEST_CASE("Both ADML files define every string and presentation the ADMX uses")
{
    const QString definitions = admx();
    for (const AdmlLanguage language : {AdmlLanguage::EnUS, AdmlLanguage::ZhCN}) {
        const QString resources = adml(language);
        INFO(admlLanguageDir(language).toStdString());
        const QSet<QString> strings = attributeValues(resources, QStringLiteral("string"), QStringLiteral("id"));
        for (const QString& id : references(definitions, QStringLiteral("string"))) {
            INFO(id.toStdString());
            CHECK(strings.contains(id));
        }
        const QSet<QString> presentations =
            attributeValues(resources, QStringLiteral("presentation"), QStringLiteral("id"));
        CHECK(presentations == references(definitions, QStringLiteral("presentation")));
        // Each text box of a presentation belongs to an element of the same id in the ADMX.
        CHECK(attributeValues(resources, QStringLiteral("textBox"), QStringLiteral("refId")) ==
              attributeValues(definitions, QStringLiteral("text"), QStringLiteral("id")));
    }
}

TEST_CASE("The zh-CN ADML is written in Chinese")
{
    const QString zh = adml(AdmlLanguage::ZhCN);
    for (const SettingSpec& spec : settingSpecs()) {
        INFO(spec.key);
        CHECK(zh.contains(QString::fromUtf8(spec.titleZhCN)));
        CHECK(zh.contains(QString::fromUtf8(spec.descriptionZhCN)));
        CHECK_FALSE(zh.contains(QString::fromUtf8(spec.description)));
    }
    CHECK(zh.contains(QStringLiteral("推荐")));
}

TEST_CASE("Boolean policies write 1 when enabled and 0 when disabled")
{
    QXmlStreamReader reader(admx());
    QString policy;
    QMap<QString, QStringList> values;
    QString state;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == u"policy")
            policy = reader.attributes().value(QStringLiteral("name")).toString();
        else if (reader.name() == u"enabledValue" || reader.name() == u"disabledValue")
            state = reader.name().toString();
        else if (reader.name() == u"decimal")
            values[policy] << state + QLatin1Char('=') + reader.attributes().value(QStringLiteral("value")).toString();
    }
    for (const SettingSpec& spec : settingSpecs()) {
        INFO(spec.key);
        const QStringList expected = spec.type == QMetaType::Bool ? QStringList{QStringLiteral("enabledValue=1"),
                                                                                QStringLiteral("disabledValue=0")}
                                                                  : QStringList();
        CHECK(values.value(QString::fromLatin1(spec.key)) == expected);
    }
}
