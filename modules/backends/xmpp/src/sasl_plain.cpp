#include "sasl_plain.h"

#include "saslprep.h"

namespace convene::xmpp {

Result<QByteArray> saslPlainMessage(const QString& username, const QString& password)
{
    const Result<QString> preparedName = saslPrep(username);
    if (!preparedName)
        return preparedName.error();
    const Result<QString> preparedPassword = saslPrep(password);
    if (!preparedPassword)
        return preparedPassword.error();
    if (preparedName->isEmpty() || preparedPassword->isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the user name and the password must not be empty"));
    QByteArray message;
    message.append('\0').append(preparedName->toUtf8()).append('\0').append(preparedPassword->toUtf8());
    return message;
}

} // namespace convene::xmpp
