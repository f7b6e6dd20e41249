// The allowedBackends policy: which installed backends a profile may start, and what it starts
// instead of one the policy does not allow.
#include "map_policy_source.h"

#include <convene/core/allowed_backends.h>
#include <convene/core/policy_source.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QTemporaryDir>

using namespace convene;

namespace {

using FixedPolicy = test::MapPolicySource;

struct Fixture {
    explicit Fixture(QVariantMap policy = {})
        : settings(dir.filePath(QStringLiteral("settings.ini")), std::make_unique<FixedPolicy>(std::move(policy)))
    { }
    QTemporaryDir dir;
    Settings settings;
};

const QStringList kInstalled{QStringLiteral("xmpp"), QStringLiteral("local")};

QVariantMap allowing(const QString& list)
{
    return {{QStringLiteral("allowedBackends"), list}};
}

} // namespace

TEST_CASE("Without a policy every installed backend is allowed, sorted, and any asked for is kept")
{
    Fixture f;
    CHECK(allowedBackends(f.settings, kInstalled) == QStringList{QStringLiteral("local"), QStringLiteral("xmpp")});
    CHECK(isBackendAllowed(f.settings, QStringLiteral("xmpp")));
    // A backend nobody installed is not the policy's business: the header reports it.
    const BackendChoice unknown = chooseBackend(f.settings, QStringLiteral("carrier-pigeon"), kInstalled);
    CHECK(unknown.backend == QStringLiteral("carrier-pigeon"));
    CHECK(unknown.notice.isEmpty());
}

TEST_CASE("The policy's list is taken in its order, without backends that are not installed")
{
    Fixture f(allowing(QStringLiteral("matrix, xmpp, local")));
    CHECK(allowedBackends(f.settings, kInstalled) == QStringList{QStringLiteral("xmpp"), QStringLiteral("local")});
    CHECK(isBackendAllowed(f.settings, QStringLiteral("matrix")));
    CHECK_FALSE(isBackendAllowed(f.settings, QStringLiteral("carrier-pigeon")));
}

TEST_CASE("A backend the policy does not allow is replaced by the first allowed one, with a notice")
{
    SECTION("asked for on the command line or in the settings")
    {
        Fixture f(allowing(QStringLiteral("local")));
        const BackendChoice choice = chooseBackend(f.settings, QStringLiteral("xmpp"), kInstalled);
        CHECK(choice.backend == QStringLiteral("local"));
        CHECK(choice.notice.contains(QStringLiteral("does not allow")));
        CHECK(choice.notice.contains(QStringLiteral("xmpp")));
        CHECK(choice.notice.contains(QStringLiteral("local")));

        const BackendChoice allowed = chooseBackend(f.settings, QStringLiteral("local"), kInstalled);
        CHECK(allowed.backend == QStringLiteral("local"));
        CHECK(allowed.notice.isEmpty());
    }
    SECTION("the built-in default, when the policy allows only network backends")
    {
        Fixture f(allowing(QStringLiteral("matrix,xmpp")));
        const BackendChoice choice =
            chooseBackend(f.settings, f.settings.value(QStringLiteral("backend")).toString(), kInstalled);
        CHECK(choice.backend == QStringLiteral("xmpp"));
        CHECK_FALSE(choice.notice.isEmpty());
    }
    SECTION("a mandatory backend the same policy does not allow")
    {
        Fixture f({{QStringLiteral("allowedBackends"), QStringLiteral("local")},
                   {QStringLiteral("backend"), QStringLiteral("xmpp")}});
        CHECK(chooseBackend(f.settings, f.settings.value(QStringLiteral("backend")).toString(), kInstalled).backend ==
              QStringLiteral("local"));
    }
}

TEST_CASE("When no allowed backend is installed, nothing is started and the notice says why")
{
    Fixture f(allowing(QStringLiteral("matrix")));
    CHECK(allowedBackends(f.settings, kInstalled).isEmpty());
    const BackendChoice choice = chooseBackend(f.settings, QStringLiteral("local"), kInstalled);
    CHECK(choice.backend.isEmpty());
    CHECK(choice.notice.contains(QStringLiteral("matrix")));
}
