// Runs the real `convene` binary the way users, IT and CI do.
#include "catch_qt_strings.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run convene(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CONVENE_BINARY), arguments);
    REQUIRE(process.waitForFinished(30000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

TEST_CASE("--version and --help answer without a display")
{
    const Run version = convene({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("Convene ")));
    const Run help = convene({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    for (const char* option : {"--profile", "--backend", "--workspace", "--lang", "--theme", "--view", "--screenshot"})
        CHECK(help.out.contains(QLatin1String(option)));
}

TEST_CASE("Bad command lines fail with exit code 2 and say why")
{
    const Run bad = convene({QStringLiteral("--view"), QStringLiteral("inbox")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("inbox")));
    CHECK(convene({QStringLiteral("--nonsense")}).exitCode == 2);
}

TEST_CASE("--screenshot renders every view in both languages and themes")
{
    QTemporaryDir dir;
    const QStringList views{QStringLiteral("chat"), QStringLiteral("calendar"), QStringLiteral("docs"),
                            QStringLiteral("calls")};
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            const QString view = views.at((lang.size() + theme.size()) % views.size());
            const QString file = dir.filePath(QStringLiteral("%1-%2-%3.png").arg(lang, theme, view));
            INFO(file.toStdString());
            // A profile with the name given on first run, so that its views open.
            QSettings(dir.filePath(lang + theme + QStringLiteral("/settings.ini")), QSettings::IniFormat)
                .setValue(QStringLiteral("settings/displayName"), QStringLiteral("Tess"));
            const Run run = convene({QStringLiteral("--profile"), dir.filePath(lang + theme), QStringLiteral("--lang"),
                                     lang, QStringLiteral("--theme"), theme, QStringLiteral("--view"), view,
                                     QStringLiteral("--screenshot"), file});
            INFO(run.err.toStdString());
            REQUIRE(run.exitCode == 0);
            const QImage image(file);
            REQUIRE_FALSE(image.isNull());
            CHECK(image.width() >= 760);
            CHECK(image.height() >= 500);
            CHECK(distinctColours(image) > 20); // text and icons were drawn, not a blank window
            // Dark windows are dark: sample the pane background near the bottom right corner.
            const int lightness = QColor(image.pixel(image.width() - 10, image.height() - 10)).lightness();
            CHECK((theme == u"dark" ? lightness < 80 : lightness > 200));
        }
    }
}

TEST_CASE("A screenshot that cannot be written fails the run")
{
    QTemporaryDir dir;
    const Run run = convene({QStringLiteral("--profile"), dir.path(), QStringLiteral("--screenshot"),
                             QStringLiteral("/proc/no/such/dir/shot.png")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(QStringLiteral("screenshot failed")));
}
