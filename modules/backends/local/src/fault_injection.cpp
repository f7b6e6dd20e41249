#include "fault_injection.h"

#include <algorithm>

namespace convene::backends::local {

void FaultInjection::merge(const QVariantMap& values)
{
    if (values.contains(QStringLiteral("latency")))
        latencyMs = std::max(0, values.value(QStringLiteral("latency")).toInt());
    if (values.contains(QStringLiteral("drop")))
        dropRate = std::clamp(values.value(QStringLiteral("drop")).toDouble(), 0.0, 1.0);
    if (values.contains(QStringLiteral("headBeyond")))
        headBeyond = std::clamp(values.value(QStringLiteral("headBeyond")).toInt(), 0, 1'000'000);
    if (values.contains(QStringLiteral("offline"))) {
        const QVariant v = values.value(QStringLiteral("offline"));
        offline = v.typeId() == QMetaType::QString ? (v.toString() == u"1" || v.toString() == u"true") : v.toBool();
    }
}

QVariantMap FaultInjection::parse(const QString& text)
{
    QVariantMap values;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0)
            values.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    return values;
}

} // namespace convene::backends::local
