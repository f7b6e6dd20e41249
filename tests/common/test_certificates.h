#pragma once
// A throwaway CA and the certificates it signs, made with openssl for the test XMPP servers
// (ProsodyServer, EjabberdServer).

#include <QString>
#include <QStringList>

namespace convene::test {

struct TestCertificateNames {
    static QString server() { return QStringLiteral("server"); } // names the server's domains
    static QString mismatching() { return QStringLiteral("mismatching"); } // names only otherDomain()
    static QString otherDomain() { return QStringLiteral("other.test"); }
};

// Writes into `dir` (which exists): openssl.cnf, ca.key and ca.crt (EC P-256, 30 days), and two
// certificates the CA signs, each as <name>.key, <name>.csr and <name>.crt:
// - "server": subject CN=<first DNS name>, SANs every DNS name and the IP address (so HTTPS URLs
//   may use the address: tests have no DNS for the names);
// - "mismatching": CN and SAN "other.test" only.
// Returns false with the failing openssl command and its output in `error`.
bool createTestCertificates(const QString& dir, const QStringList& dnsNames, const QString& ipAddress, QString* error);

// Runs a program in `workingDirectory` (at most 30 s). False, with the command and its output
// in `error`, unless it exits with 0.
bool runTestTool(const QString& program, const QStringList& arguments, const QString& workingDirectory, QString* error);

} // namespace convene::test
