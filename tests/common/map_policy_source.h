#pragma once

#include <convene/core/policy_source.h>

namespace convene::test {

// A policy given directly by a test, as an organisation would set it.
class MapPolicySource final : public PolicySource {
public:
    explicit MapPolicySource(QVariantMap values = {}) : m_values(std::move(values)) { }
    QVariantMap values() const override { return m_values; }
    QString location() const override { return QStringLiteral("test policy"); }

private:
    QVariantMap m_values;
};

} // namespace convene::test
