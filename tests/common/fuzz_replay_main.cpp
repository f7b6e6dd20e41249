// Runs a libFuzzer entry point without libFuzzer: every file of the corpus directories given on
// the command line, then deterministic mutations of each (bit flips, truncations, splices), so
// the default test run keeps every fuzz target honest on every compiler.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<uint8_t> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run(const std::vector<uint8_t>& bytes)
{
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::vector<uint8_t>> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path dir(argv[i]);
        if (std::filesystem::is_regular_file(dir)) {
            corpus.push_back(readFile(dir));
            continue;
        }
        if (!std::filesystem::is_directory(dir)) {
            std::fprintf(stderr, "fuzz replay: no such corpus: %s\n", argv[i]);
            return 2;
        }
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.is_regular_file())
                corpus.push_back(readFile(entry.path()));
    }
    corpus.push_back({});

    std::mt19937 rng(0xC0FFEE);
    std::size_t runs = 0;
    for (const auto& seed : corpus) {
        run(seed);
        ++runs;
        for (int round = 0; round < 200; ++round) {
            std::vector<uint8_t> bytes = seed;
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
                    if (const auto& other = corpus[rng() % corpus.size()]; !other.empty()) {
                        const std::size_t from = rng() % other.size();
                        const std::size_t len = std::min<std::size_t>(other.size() - from, 1 + rng() % 32);
                        bytes.insert(bytes.begin() + std::ptrdiff_t(bytes.empty() ? 0 : rng() % bytes.size()),
                                     other.begin() + std::ptrdiff_t(from), other.begin() + std::ptrdiff_t(from + len));
                    }
                    break;
                }
            }
            run(bytes);
            ++runs;
        }
    }
    std::printf("fuzz replay: %zu inputs from %zu seeds, no crash\n", runs, corpus.size());
    return 0;
}
