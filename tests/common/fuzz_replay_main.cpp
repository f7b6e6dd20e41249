// Runs a libFuzzer entry point without libFuzzer: every file of the corpus directories given on
// the command line, then deterministic mutations of each (bit flips, truncations, splices), so
// the default test run keeps every fuzz target honest on every compiler.
//
// A hang or a memory blow-up is a failure like a crash: each input has a time limit, so has the
// whole run, and the process a memory limit (RLIMIT_AS; with AddressSanitizer, which reserves
// terabytes of address space, a resident-memory watch and ASan's largest allocation instead).
// Whatever fails is named — seed file and mutation — and its bytes are saved to
// <binary>.failing-input in the working directory, to be replayed alone with
// `<binary> --mutations=0 <that file>`.
//
// Options, before the corpus paths: --input-timeout=SECONDS (10), --total-timeout=SECONDS (300),
// --memory-limit-mb=MB (4096), --mutations=N (200 per seed).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#define REPLAY_POSIX 1
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define REPLAY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPLAY_ASAN 1
#endif
#endif
#ifdef REPLAY_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

struct Limits {
    int inputSeconds = 10;
    int totalSeconds = 300;
    std::size_t memoryMb = 4096;
    int mutations = 200;
};

// What runs now, readable from the watchdog thread and from signal handlers (no allocation
// there): the label is written into the spare buffer, then published by swapping the pointer.
char gLabels[2][1024];
std::atomic<const char*> gLabel{gLabels[0]};
std::atomic<const uint8_t*> gData{nullptr};
std::atomic<std::size_t> gSize{0};
std::atomic<int64_t> gInputStartMs{0};
std::atomic<uint64_t> gRun{0};
char gDumpPath[4096] = "fuzz-replay.failing-input";
char gBinary[4096] = "fuzz-replay";

int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void writeAll(int fd, const void* data, std::size_t size)
{
#ifdef REPLAY_POSIX
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n <= 0)
            return;
        p += n;
        size -= std::size_t(n);
    }
#else
    std::fwrite(data, 1, size, fd == 2 ? stderr : stdout);
#endif
}

void writeText(std::string_view text)
{
    writeAll(2, text.data(), text.size());
}

// Saves the running input; safe in a signal handler.
void dumpInput()
{
    const uint8_t* data = gData.load();
    const std::size_t size = gSize.load();
#ifdef REPLAY_POSIX
    const int fd = ::open(gDumpPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    writeAll(fd, data, size);
    ::close(fd);
#else
    if (FILE* f = std::fopen(gDumpPath, "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
#endif
}

// Names the running input and why it failed; safe in a signal handler.
void reportFailure(std::string_view why)
{
    writeText("fuzz replay: FAILED: input ");
    writeText(gLabel.load());
    writeText(" ");
    writeText(why);
    writeText("\nfuzz replay: its bytes are in ");
    writeText(gDumpPath);
    writeText("; replay it alone with: ");
    writeText(gBinary);
    writeText(" --mutations=0 ");
    writeText(gDumpPath);
    writeText("\n");
    dumpInput();
}

[[noreturn]] void failNow(std::string_view why)
{
    reportFailure(why);
    std::_Exit(1);
}

#ifdef REPLAY_POSIX
void onFatalSignal(int sig)
{
    const char* what = sig == SIGSEGV  ? "crashed (SIGSEGV)"
                       : sig == SIGBUS ? "crashed (SIGBUS)"
                       : sig == SIGFPE ? "crashed (SIGFPE)"
                       : sig == SIGILL ? "crashed (SIGILL)"
                                       : "aborted (SIGABRT)";
    reportFailure(what);
    // The handler was installed with SA_RESETHAND: the signal now does what it would have done.
    std::raise(sig);
}

void installSignalHandlers()
{
    struct sigaction sa { };
    sa.sa_handler = onFatalSignal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
#ifdef REPLAY_ASAN
    // ASan reports memory errors, crashes and stack overflows itself, then calls the death callback.
    const int signals[] = {SIGABRT};
#else
    // Its own stack, so that a stack overflow is reported too.
    static char altStack[1 << 16];
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    sigaltstack(&ss, nullptr);
    sa.sa_flags |= SA_ONSTACK;
    const int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#endif
    for (int sig : signals)
        sigaction(sig, &sa, nullptr);
}

#ifdef REPLAY_ASAN
std::size_t residentMb()
{
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long long pages = 0, resident = 0;
    const int read = std::fscanf(f, "%llu %llu", &pages, &resident);
    std::fclose(f);
    return read == 2 ? std::size_t(resident * uint64_t(sysconf(_SC_PAGESIZE)) / (1024 * 1024)) : 0;
}
#endif
#endif

void limitMemory(const Limits& limits)
{
#if defined(REPLAY_POSIX) && !defined(REPLAY_ASAN)
    // Address space, not resident memory: a huge reservation fails at once, as std::bad_alloc.
    const rlim_t bytes = rlim_t(limits.memoryMb) * 1024 * 1024;
    rlimit rl{};
    if (getrlimit(RLIMIT_AS, &rl) == 0 && (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > bytes)) {
        rl.rlim_cur = bytes;
        setrlimit(RLIMIT_AS, &rl);
    }
#else
    (void)limits;
#endif
}

// Fails the run when an input hangs, the run overruns, or (with ASan) resident memory outgrows
// the limit.
class Watchdog {
public:
    explicit Watchdog(const Limits& limits) : limits_(limits), runStartMs_(nowMs()), thread_([this] { watch(); }) { }
    ~Watchdog()
    {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }

private:
    void watch()
    {
        char why[160];
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; })) {
            const int64_t now = nowMs();
            if (now - gInputStartMs.load() > int64_t(limits_.inputSeconds) * 1000) {
                std::snprintf(why, sizeof why,
                              "ran longer than %d s (the per-input limit: a hang, or work that grows too fast)",
                              limits_.inputSeconds);
                failNow(why);
            }
            if (now - runStartMs_ > int64_t(limits_.totalSeconds) * 1000) {
                std::snprintf(why, sizeof why,
                              "was running when the whole replay passed its limit of %d s (after %llu inputs)",
                              limits_.totalSeconds, static_cast<unsigned long long>(gRun.load()));
                failNow(why);
            }
#if defined(REPLAY_POSIX) && defined(REPLAY_ASAN)
            if (const std::size_t mb = residentMb(); mb > limits_.memoryMb) {
                std::snprintf(why, sizeof why, "made the process use %zu MB, over the memory limit of %zu MB", mb,
                              limits_.memoryMb);
                failNow(why);
            }
#endif
        }
    }

    const Limits limits_;
    const int64_t runStartMs_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

std::vector<uint8_t> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void setLabel(const std::string& seed, int mutation)
{
    char* spare = gLabel.load() == gLabels[0] ? gLabels[1] : gLabels[0];
    if (mutation < 0)
        std::snprintf(spare, sizeof gLabels[0], "%s", seed.c_str());
    else
        std::snprintf(spare, sizeof gLabels[0], "%s, mutation %d", seed.c_str(), mutation);
    gLabel.store(spare);
}

void run(const std::vector<uint8_t>& bytes, const Limits& limits)
{
    gData.store(bytes.data());
    gSize.store(bytes.size());
    gInputStartMs.store(nowMs());
    try {
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    } catch (const std::bad_alloc&) {
        char why[128];
        std::snprintf(why, sizeof why, "ran out of memory (std::bad_alloc; the limit is %zu MB)", limits.memoryMb);
        failNow(why);
    } catch (const std::exception& e) {
        failNow(std::string("let an exception escape: ") + e.what());
    } catch (...) {
        failNow("let an unknown exception escape");
    }
    gRun.fetch_add(1);
}

bool parseOption(std::string_view arg, Limits& limits)
{
    auto value = [&](std::string_view name, auto& out) {
        if (arg.substr(0, name.size()) != name)
            return false;
        out = static_cast<std::remove_reference_t<decltype(out)>>(std::strtoull(arg.data() + name.size(), nullptr, 10));
        return true;
    };
    return value("--input-timeout=", limits.inputSeconds) || value("--total-timeout=", limits.totalSeconds) ||
           value("--memory-limit-mb=", limits.memoryMb) || value("--mutations=", limits.mutations);
}

} // namespace

#ifdef REPLAY_ASAN
// Read by ASan before main, so it holds the default limit: one allocation above it is an error
// (reported, then the death callback names the input) rather than a reservation that succeeds.
extern "C" const char* __asan_default_options()
{
    return "max_allocation_size_mb=4096";
}
#endif

int main(int argc, char** argv)
{
    Limits limits;
    struct Seed {
        std::string name;
        std::vector<uint8_t> bytes;
    };
    std::vector<Seed> corpus;
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]).substr(0, 2) == "--") {
            if (!parseOption(argv[i], limits)) {
                std::fprintf(stderr, "fuzz replay: unknown option %s\n", argv[i]);
                return 2;
            }
            continue;
        }
        const std::filesystem::path dir(argv[i]);
        if (std::filesystem::is_regular_file(dir)) {
            corpus.push_back({dir.string(), readFile(dir)});
            continue;
        }
        if (!std::filesystem::is_directory(dir)) {
            std::fprintf(stderr, "fuzz replay: no such corpus: %s\n", argv[i]);
            return 2;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // the same order, and so the same mutations, everywhere
        for (const auto& file : files)
            corpus.push_back({file.string(), readFile(file)});
    }
    corpus.push_back({"<empty input>", {}});

    std::snprintf(gDumpPath, sizeof gDumpPath, "%s.failing-input",
                  std::filesystem::path(argv[0]).filename().string().c_str());
    std::snprintf(gBinary, sizeof gBinary, "%s", argv[0]);
#ifdef REPLAY_ASAN
    // A limit given on the command line comes too late for ASan's options; the watchdog's
    // resident-memory check applies it.
    __sanitizer_set_death_callback([] { reportFailure("made the sanitizer stop the process (see its report above)"); });
#endif
#ifdef REPLAY_POSIX
    installSignalHandlers();
#endif
    limitMemory(limits);
    setLabel(corpus.front().name, -1);
    gInputStartMs.store(nowMs());
    const int64_t started = nowMs();
    Watchdog watchdog(limits);

    std::mt19937 rng(0xC0FFEE);
    for (const auto& seed : corpus) {
        setLabel(seed.name, -1);
        run(seed.bytes, limits);
        for (int round = 0; round < limits.mutations; ++round) {
            std::vector<uint8_t> bytes = seed.bytes;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                switch (rng() % 4) {
                case 0: // flip a bit
                    if (!bytes.empty())
                        bytes[rng() % bytes.size()] ^= uint8_t(1u << (rng() % 8));
                    break;
                case 1: // truncate
                    if (!bytes.empty())
                        bytes.resize(rng() % bytes.size());
                    break;
                case 2: // insert a random byte
                    bytes.insert(bytes.begin() + std::ptrdiff_t(bytes.empty() ? 0 : rng() % bytes.size()),
                                 uint8_t(rng()));
                    break;
                default: // splice in part of another seed
                    if (const auto& other = corpus[rng() % corpus.size()].bytes; !other.empty()) {
                        const std::size_t from = rng() % other.size();
                        const std::size_t len = std::min<std::size_t>(other.size() - from, 1 + rng() % 32);
                        bytes.insert(bytes.begin() + std::ptrdiff_t(bytes.empty() ? 0 : rng() % bytes.size()),
                                     other.begin() + std::ptrdiff_t(from), other.begin() + std::ptrdiff_t(from + len));
                    }
                    break;
                }
            }
            setLabel(seed.name, round + 1);
            run(bytes, limits);
        }
    }
    std::printf("fuzz replay: %llu inputs from %zu seeds in %.1f s, no crash, hang or memory blow-up "
                "(limits: %d s per input, %d s in all, %zu MB)\n",
                static_cast<unsigned long long>(gRun.load()), corpus.size(), double(nowMs() - started) / 1000.0,
                limits.inputSeconds, limits.totalSeconds, limits.memoryMb);
    return 0;
}
