#pragma once
// What the fuzz harnesses share.
#include <QCoreApplication>

#include <cstdlib>

namespace fuzz {

// Stops the run here: the fuzzer, or the replay, reports the input that broke the rule.
inline void check(bool condition)
{
    if (!condition)
        std::abort();
}

// The application object that timers, sockets and queued signals need, made once per process.
inline void ensureApplication(const char* name)
{
    static int argc = 1;
    static char* argv[] = {const_cast<char*>(name), nullptr};
    static QCoreApplication application(argc, argv);
}

} // namespace fuzz
