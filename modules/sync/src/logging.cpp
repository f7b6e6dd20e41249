#include "logging.h"

Q_LOGGING_CATEGORY(lcSync, "convene.sync", QtInfoMsg)
