// Writes the hostile seeds of the corpus (hostile-*.bin): the shapes of input that once made the
// decoder quadratic or made it reserve memory for counts the input could never fill, small
// enough for the replay. Run: convene-crdt-hostile-seeds tests/fuzz/crdt/corpus
#include "hostile_inputs.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace hostile = crdt_test::hostile;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus directory>\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    const std::pair<const char*, hostile::Bytes> seeds[] = {
        {"hostile-any-object-keys.bin", hostile::anyObjectUpdate(2000)},
        {"hostile-json-object-keys.bin", hostile::jsonObjectUpdate(2000)},
        {"hostile-awareness-keys.bin", hostile::awarenessWithManyKeys(2000)},
        {"hostile-state-vector-clients.bin", hostile::stateVectorWithManyClients(10000)},
        {"hostile-format-keys.bin", hostile::formatKeysUpdate(1000)},
        {"hostile-dependency-chain.bin", hostile::dependencyChainUpdate(3000)},
        {"hostile-colliding-clients.bin", hostile::collidingClientsUpdate(3000)},
        {"hostile-nested-counts.bin", hostile::nestedCountsUpdate(60, 10000)},
        {"hostile-nested-object-counts.bin", hostile::nestedObjectCountsUpdate(60, 10000)},
        {"hostile-deep-any.bin", hostile::deepAnyUpdate(1000)},
        {"hostile-deep-json.bin", hostile::deepJsonUpdate(1000)},
        {"hostile-deep-types.bin", hostile::deepTypesUpdate(1000)},
    };
    for (const auto& [name, bytes] : seeds) {
        std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "cannot write %s\n", (dir / name).string().c_str());
            return 1;
        }
    }
    return 0;
}
