#include "convene/media/codec_versions.h"

#include <opus.h>
#include <vpx/vpx_codec.h>

namespace convene::media {

QByteArray codecVersions()
{
    QByteArray opus(opus_get_version_string());
    opus.replace("libopus ", "");
    return "libvpx " + QByteArray(vpx_codec_version_str()) + "\nlibopus " + opus;
}

} // namespace convene::media
