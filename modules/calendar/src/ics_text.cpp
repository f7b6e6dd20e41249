#include "ics_text.h"

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

Error lineError(int line, const QString& problem)
{
    return makeError(ErrorCode::Corrupt, Text::tr("Line %1: %2").arg(line).arg(problem));
}

} // namespace convene::calendar
