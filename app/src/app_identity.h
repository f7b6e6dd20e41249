#pragma once

namespace convene {

// Application name, organisation and version: decides where settings and data live.
void setApplicationIdentity();

} // namespace convene
