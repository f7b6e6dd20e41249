#pragma once

#include <QLoggingCategory>

// Categories of the core module; every module declares its own `convene.<module>` categories.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
