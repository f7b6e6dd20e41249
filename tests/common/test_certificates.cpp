#include "test_certificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace convene::test {

namespace {

constexpr int toolTimeoutMs = 30000;

bool issueCertificate(const QDir& dir, const QString& name, const QString& subject, const QString& extensions,
                      QString* error)
{
    const QString key = dir.filePath(name + QStringLiteral(".key"));
    const QString request = dir.filePath(name + QStringLiteral(".csr"));
    const QString serial = QStringLiteral("0x%1").arg(QRandomGenerator::global()->generate64() >> 1, 0, 16);
    const QString openssl = QStringLiteral("openssl");
    return runTestTool(openssl,
                       {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"),
                        key},
                       dir.path(), error) &&
           runTestTool(openssl,
                       {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"),
                        dir.filePath(QStringLiteral("openssl.cnf")), QStringLiteral("-key"), key,
                        QStringLiteral("-subj"), subject, QStringLiteral("-out"), request},
                       dir.path(), error) &&
           runTestTool(openssl,
                       {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                        QStringLiteral("-CA"), dir.filePath(QStringLiteral("ca.crt")), QStringLiteral("-CAkey"),
                        dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-set_serial"), serial,
                        QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"),
                        dir.filePath(QStringLiteral("openssl.cnf")), QStringLiteral("-extensions"), extensions,
                        QStringLiteral("-out"), dir.filePath(name + QStringLiteral(".crt"))},
                       dir.path(), error);
}

} // namespace

bool runTestTool(const QString& program, const QStringList& arguments, const QString& workingDirectory, QString* error)
{
    const QString executable = QStandardPaths::findExecutable(program);
    if (executable.isEmpty()) {
        *error = program + QStringLiteral(" is not installed (run tools/install-deps.sh)");
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable, arguments);
    const bool finished = process.waitForFinished(toolTimeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (!finished)
        process.kill();
    *error = QStringLiteral("%1 %2 failed (exit code %3): %4")
                 .arg(program, arguments.join(QLatin1Char(' ')))
                 .arg(process.exitCode())
                 .arg(QString::fromLocal8Bit(process.readAll()));
    return false;
}

bool createTestCertificates(const QString& dirPath, const QStringList& dnsNames, const QString& ipAddress,
                            QString* error)
{
    const QDir dir(dirPath);
    QStringList names;
    for (const QString& name : dnsNames)
        names << QStringLiteral("DNS:") + name;
    const QString config = QStringLiteral("[req]\n"
                                          "distinguished_name = dn\n"
                                          "prompt = no\n"
                                          "[dn]\n"
                                          "CN = unused\n"
                                          "[ca_cert]\n"
                                          "basicConstraints = critical, CA:TRUE\n"
                                          "keyUsage = critical, keyCertSign, cRLSign\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "[server_cert]\n"
                                          "basicConstraints = critical, CA:FALSE\n"
                                          "keyUsage = critical, digitalSignature\n"
                                          "extendedKeyUsage = serverAuth\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "authorityKeyIdentifier = keyid\n"
                                          "subjectAltName = %1, IP:%2\n"
                                          "[mismatching_cert]\n"
                                          "basicConstraints = critical, CA:FALSE\n"
                                          "keyUsage = critical, digitalSignature\n"
                                          "extendedKeyUsage = serverAuth\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "authorityKeyIdentifier = keyid\n"
                                          "subjectAltName = DNS:%3\n")
                               .arg(names.join(QStringLiteral(", ")), ipAddress, TestCertificateNames::otherDomain());
    QFile file(dir.filePath(QStringLiteral("openssl.cnf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write ") + file.fileName();
        return false;
    }
    file.close();

    const QString openssl = QStringLiteral("openssl");
    return runTestTool(openssl,
                       {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"),
                        dir.filePath(QStringLiteral("ca.key"))},
                       dir.path(), error) &&
           runTestTool(openssl,
                       {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"),
                        QStringLiteral("-config"), file.fileName(), QStringLiteral("-extensions"),
                        QStringLiteral("ca_cert"), QStringLiteral("-key"), dir.filePath(QStringLiteral("ca.key")),
                        QStringLiteral("-subj"), QStringLiteral("/CN=Convene Test CA"), QStringLiteral("-days"),
                        QStringLiteral("30"), QStringLiteral("-out"), dir.filePath(QStringLiteral("ca.crt"))},
                       dir.path(), error) &&
           issueCertificate(dir, TestCertificateNames::server(), QStringLiteral("/CN=") + dnsNames.value(0),
                            QStringLiteral("server_cert"), error) &&
           issueCertificate(dir, TestCertificateNames::mismatching(),
                            QStringLiteral("/CN=") + TestCertificateNames::otherDomain(),
                            QStringLiteral("mismatching_cert"), error);
}

} // namespace convene::test
