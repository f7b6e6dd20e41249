// Replays a real editing trace as one user (each transaction producing an update), then encodes
// the final state and loads it back. Prints medians for the C++ CRDT and for Node yjs.
//   bench_crdt_trace <trace.json.gz> [repetitions]
#include "trace.h"

#include "crdt/doc.h"
#include "crdt/ytext.h"

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <malloc.h>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace convene::crdt;
using SteadyClock = std::chrono::steady_clock;

namespace {

double ms(SteadyClock::time_point a, SteadyClock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

template<typename T>
T median(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::size_t heapInUse()
{
    return mallinfo2().uordblks;
}

struct Result {
    double replayMs = 0;
    double loadMs = 0;
    std::size_t encodedBytes = 0;
    std::size_t updateBytes = 0;
    std::size_t docHeapBytes = 0;
    bool textMatches = false;
};

constexpr ClientId kClientId = 1234567890; // same id on both sides, so sizes compare fairly

Result runOnce(const Trace& trace, std::vector<uint8_t>* encodedOut)
{
    Result r;
    const std::size_t heapBefore = heapInUse();
    auto doc = std::make_unique<Doc>(kClientId);
    Text text = doc->getText("text");
    std::size_t updateBytes = 0;
    doc->onUpdate([&](const std::vector<uint8_t>& u, const void*) { updateBytes += u.size(); });
    if (!trace.startContent.empty())
        text.insert(0, std::u16string_view(trace.startContent));
    const auto t0 = SteadyClock::now();
    for (const auto& txn : trace.txns) {
        doc->transact([&](Transaction&) {
            for (const TracePatch& p : txn) {
                if (p.del > 0)
                    text.remove(p.pos, p.del);
                if (!p.insert.empty())
                    text.insert(p.pos, std::u16string_view(p.insert));
            }
        });
    }
    const auto t1 = SteadyClock::now();
    r.replayMs = ms(t0, t1);
    r.updateBytes = updateBytes;
    r.docHeapBytes = heapInUse() - heapBefore;
    const std::vector<uint8_t> encoded = doc->encodeStateAsUpdate();
    r.encodedBytes = encoded.size();
    if (encodedOut)
        *encodedOut = encoded;
    r.textMatches = text.toU16String() == trace.endContent;
    doc.reset();

    const auto l0 = SteadyClock::now();
    Doc loaded(2);
    Text loadedText = loaded.getText("text");
    const Status s = loaded.applyUpdate(encoded);
    const auto l1 = SteadyClock::now();
    r.loadMs = ms(l0, l1);
    if (!s || loadedText.length() != trace.endContent.size())
        throw std::runtime_error("loading the encoded state failed: " + s.error);
    return r;
}

struct NodeResult {
    bool ok = false;
    double replayMs = 0, loadMs = 0, encodedBytes = 0, rssMB = 0;
};

double field(const std::string& json, const std::string& key)
{
    const auto at = json.find("\"" + key + "\":");
    if (at == std::string::npos)
        return -1;
    return std::stod(json.substr(at + key.size() + 3));
}

NodeResult runNode(const std::string& tracePath, int reps, const std::string& stateFile)
{
    NodeResult nr;
    const std::string script = std::string(CONVENE_SOURCE_DIR) + "/tests/interop/bench-yjs.mjs";
    const std::string cmd = "node --expose-gc \"" + script + "\" \"" + tracePath + "\" " + std::to_string(reps) + " " +
                            std::to_string(kClientId) + " \"" + stateFile + "\" 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return nr;
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    const int rc = pclose(p);
    const auto line = out.find("{\"yjs\"");
    if (rc != 0 || line == std::string::npos) {
        std::fprintf(stderr, "node yjs benchmark failed:\n%s\n", out.c_str());
        return nr;
    }
    const std::string json = out.substr(line);
    nr.ok = true;
    nr.replayMs = field(json, "replayMs");
    nr.loadMs = field(json, "loadMs");
    nr.encodedBytes = field(json, "encodedBytes");
    nr.rssMB = field(json, "maxRssMB");
    return nr;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_crdt_trace <trace.json.gz> [repetitions]\n");
        return 2;
    }
    const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    Trace trace;
    try {
        trace = loadTrace(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_crdt_trace: %s\n", e.what());
        return 2;
    }
    std::printf("trace: %zu transactions, %zu edits, final text %zu UTF-16 units\n", trace.txns.size(),
                trace.patchCount, trace.endContent.size());

    std::vector<double> replay, load;
    std::vector<std::size_t> heap;
    Result last;
    std::vector<uint8_t> ourState;
    for (int i = 0; i < reps; ++i) {
        last = runOnce(trace, i == 0 ? &ourState : nullptr);
        if (!last.textMatches) {
            std::fprintf(stderr, "bench_crdt_trace: replayed text differs from endContent\n");
            return 1;
        }
        replay.push_back(last.replayMs);
        load.push_back(last.loadMs);
        heap.push_back(last.docHeapBytes);
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const std::string stateFile = "bench_crdt_trace.yjs-state.bin";
    std::remove(stateFile.c_str());
    const NodeResult node = runNode(argv[1], std::min(reps, 5), stateFile);
    std::vector<uint8_t> yjsState;
    if (FILE* f = std::fopen(stateFile.c_str(), "rb")) {
        int c;
        while ((c = std::fgetc(f)) != EOF)
            yjsState.push_back(uint8_t(c));
        std::fclose(f);
    }

    const double ourReplay = median(replay);
    std::printf("\n%-28s %14s %14s\n", "median of runs", "convene crdt", "yjs 13.6 (node)");
    std::printf("%-28s %14.2f %14.2f\n", "replay (ms)", ourReplay, node.replayMs);
    std::printf("%-28s %14zu %14.0f\n", "encoded state (bytes)", last.encodedBytes, node.encodedBytes);
    std::printf("%-28s %14.3f %14.3f\n", "load encoded state (ms)", median(load), node.loadMs);
    // V8's heap statistics are too noisy for a 2 MB document, so only ours is shown.
    std::printf("%-28s %14.1f %14s\n", "document heap (MB)", double(median(heap)) / 1e6, "n/a");
    std::printf("%-28s %14.1f %14.1f\n", "process peak RSS (MB)", double(ru.ru_maxrss) / 1024.0, node.rssMB);
    std::printf("%-28s %14zu\n", "sum of update sizes (bytes)", last.updateBytes);
    if (!node.ok) {
        std::printf("\nyjs figures unavailable (node or tests/interop/node_modules missing)\n");
        return 1;
    }
    std::printf("encoded state byte-identical to yjs: %s\n", yjsState == ourState ? "yes" : "NO");
    std::printf("\nspeed-up over yjs: replay %.1fx, load %.1fx\n", node.replayMs / ourReplay,
                node.loadMs / median(load));
    const bool ok = ourReplay < 100 && median(load) < 5 && double(last.encodedBytes) <= node.encodedBytes &&
                    node.replayMs / ourReplay >= 30;
    std::printf("targets (replay < 100 ms, load < 5 ms, size <= yjs, >= 30x yjs): %s\n", ok ? "met" : "NOT met");
    return 0;
}
