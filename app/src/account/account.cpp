#include "account.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>

namespace convene {

QString accountDataDir(const QString& profileDir, const QString& address)
{
    // A readable folder name where the address allows one, a hash where it does not.
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9._@-]{1,100}$"));
    const QString lower = address.toLower();
    const QString name =
        plain.match(lower).hasMatch()
            ? lower
            : QString::fromLatin1(QCryptographicHash::hash(lower.toUtf8(), QCryptographicHash::Sha256).toHex());
    return QDir(profileDir).filePath(QStringLiteral("accounts/") + name);
}

QStringList normalizedFingerprints(const QString& commaSeparated)
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    QStringList out;
    for (QString pin : commaSeparated.split(u',', Qt::SkipEmptyParts)) {
        pin = pin.toLower().remove(u':').remove(u' ').trimmed();
        if (hex64.match(pin).hasMatch() && !out.contains(pin))
            out << pin;
    }
    return out;
}

sync::BackendConfig networkBackendConfig(const Account& account, const QString& password,
                                         const QStringList& trustedFingerprints, const QString& dataDir)
{
    sync::BackendConfig config;
    config.profileDir = dataDir;
    config.serverUrl = account.server;
    config.userId = account.address.trimmed().toLower();
    config.options.insert(QStringLiteral("password"), password);
    config.options.insert(QStringLiteral("pinnedCertificatesSha256"), trustedFingerprints.join(u','));
    return config;
}

QString completeAddress(const QString& typed, const QString& presetDomain)
{
    QString address = typed.trimmed().toLower();
    if (address.isEmpty() || address.contains(u' ') || address.contains(u'/'))
        return {};
    if (!address.contains(u'@'))
        return presetDomain.isEmpty() ? QString() : address + u'@' + presetDomain;
    const qsizetype at = address.indexOf(u'@');
    if (at == 0 || at == address.size() - 1 || address.count(u'@') != 1)
        return {};
    return address;
}

} // namespace convene
