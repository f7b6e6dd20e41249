#pragma once

#include <QByteArray>

namespace convene::media {

// The codec libraries in use, one per line: "libvpx v1.12.0\nlibopus 1.3.1".
QByteArray codecVersions();

} // namespace convene::media
