#pragma once

#include <convene/store/migrations.h>

namespace convene::backends::local {

// The workspace file: the authoritative state shared by every profile on this machine.
store::ModuleSchema workspaceSchema();

} // namespace convene::backends::local
