// Writes the Group Policy templates generated from Convene's setting list:
//   convene-policy-templates DIR         DIR/Convene.admx, DIR/en-US/Convene.adml, DIR/zh-CN/Convene.adml
//   convene-policy-templates --markdown  prints the policy table of packaging/README.md
//   convene-policy-templates --keys      prints "key mandatory|recommended MSIPROPERTY|-" lines, for scripts
#include "policy_templates.h"

#include <convene/core/setting_keys.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace {

bool writeFile(const QString& path, const QString& text)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() != 1) {
        std::fputs("usage: convene-policy-templates DIR | --markdown | --keys\n", stderr);
        return 2;
    }
    using namespace convene::policy;
    if (args.constFirst() == u"--markdown") {
        std::fputs(markdownTable().toUtf8().constData(), stdout);
        return 0;
    }
    if (args.constFirst() == u"--keys") {
        for (const convene::SettingSpec& spec : convene::settingSpecs())
            std::printf("%s %s %s\n", spec.key,
                        spec.levels == convene::PolicyLevels::MandatoryOnly ? "mandatory" : "recommended",
                        spec.msiProperty ? spec.msiProperty : "-");
        return 0;
    }
    const QDir dir(args.constFirst());
    bool ok = writeFile(dir.filePath(QStringLiteral("Convene.admx")), admx());
    for (const AdmlLanguage language : {AdmlLanguage::EnUS, AdmlLanguage::ZhCN})
        ok = writeFile(dir.filePath(admlLanguageDir(language) + QStringLiteral("/Convene.adml")), adml(language)) && ok;
    if (!ok) {
        std::fprintf(stderr, "convene-policy-templates: cannot write to %s\n", qPrintable(dir.absolutePath()));
        return 1;
    }
    return 0;
}
