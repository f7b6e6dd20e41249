#pragma once

// A realistic chat cache for benchmarks: kUsers people in the directory stream, then channels'
// histories interleaved in time (mostly messages, with reactions, edits and thread replies to
// recent ones; mixed Chinese/English sentences from bench_sentences.h), written the way sync
// writes them: CacheWriter::applyEvents in batches of kCacheBatch. Shared by bench_chat and
// bench_ui_stall; deterministic (the same cache for the same channels).
#include <convene/store/database.h>
#include <convene/sync/envelopes.h>

#include <QString>

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

namespace convene::bench {

constexpr int kCacheBatch = 5000; // events per CacheWriter::applyEvents, as sync delivers them
constexpr int kUsers = 50; // user-0 … user-49, plus "me", the user of the app
constexpr int kRecent = 200; // reactions, edits and replies go to one of the last this many messages
constexpr int kOtherChannels = 19;

struct Channel {
    QString id;
    QString name;
    int64_t target = 0; // top-level messages to write
    int64_t messages = 0; // top-level messages written
    int64_t events = 0; // events generated, numbering their server ids
    struct Recent {
        QString serverId;
        QString author;
    };
    std::vector<Recent> recent; // ring of the newest top-level messages
    size_t next = 0;
};

struct Counts {
    int64_t events = 0;
    int64_t messages = 0; // top-level
    int64_t replies = 0;
    int64_t reactions = 0;
    int64_t edits = 0;
    double ingestSeconds = 0;
    double mergeSeconds = 0;
    int mergeSlices = 0;
};

// The id of the long channel ("#bench").
QString benchChannelId();

// The benchmarks' channels: #bench with `channelSize` top-level messages first, then
// kOtherChannels channels ("channel-0" …) sharing the rest of `total`.
std::vector<Channel> benchChannels(int64_t total, int64_t channelSize);

// Prints `what: message` to stderr and exits with 1.
[[noreturn]] void fail(const char* what, const QString& message);

// The cache at `path` (created if need be), migrated to the sync cache schema, read-write.
std::unique_ptr<store::Database> openCache(const QString& path);

// A new event of `stream` whose server id ("<stream>#<n>") and cursor ("<n>") are the next of
// `counter`. Its position in the cache is assigned by CacheWriter::applyEvents.
sync::RemoteEvent newEvent(const QString& stream, int64_t& counter);

// A random author: user-<n>, now and then "me".
QString author(std::mt19937_64& random);

// One event of `channel`: mostly new messages, with reactions (~3%), edits by the message's
// author (~1%) and thread replies (~2%) to recent messages interleaved after their targets.
// `index` spaces the server times (2 s apart).
sync::RemoteEvent makeEvent(Channel& channel, std::mt19937_64& random, Counts& counts, int64_t index);

// Writes the cache the way sync does: stream rows, the people directory, then every channel's
// history interleaved in time, in batches. Does not merge the full-text index.
Counts ingest(store::Database& db, std::vector<Channel>& channels);

// Merges the full-text index completely, a slice at a time, as the idle sync engine does.
void mergeIndex(store::Database& db, Counts& counts);

} // namespace convene::bench
