#include "convene/core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "convene.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "convene.settings", QtInfoMsg)
