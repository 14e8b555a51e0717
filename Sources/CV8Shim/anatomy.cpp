// What `snapgen anatomy` reads from a build isolate before it is serialised: a heap snapshot
// (V8's .heapsnapshot JSON) and the per-space heap statistics. Interpretation is Swift's.
#include "shim_internal.h"

#include <v8-profiler.h>

#include <cstring>

namespace {

/// Collects V8's serialised heap snapshot in memory.
class StringOutputStream final : public v8::OutputStream {
 public:
  explicit StringOutputStream(std::string *text) : text_(text) {}
  void EndOfStream() override {}
  int GetChunkSize() override { return 1 << 16; }
  WriteResult WriteAsciiChunk(char *data, int size) override {
    text_->append(data, static_cast<size_t>(size));
    return kContinue;
  }

 private:
  std::string *text_;
};

}  // namespace

extern "C" int sg_anatomy_heap_snapshot(sg_runtime *runtime, char **json, size_t *length,
                                        sg_error *error) {
  if (runtime == nullptr || runtime->blob_created) {
    sg::SetError(error, SG_SERIALIZED);
    return -1;
  }
  v8::Isolate *isolate = runtime->isolate;
  std::string text;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    isolate->PerformMicrotaskCheckpoint();
    v8::HeapProfiler *profiler = isolate->GetHeapProfiler();
    const v8::HeapSnapshot *snapshot = profiler->TakeHeapSnapshot();
    if (snapshot == nullptr) {
      sg::SetError(error, SG_UNKNOWN_EXCEPTION);
      return -1;
    }
    StringOutputStream stream(&text);
    snapshot->Serialize(&stream, v8::HeapSnapshot::kJSON);
    // The profiler keeps its snapshots (and their handles) until told otherwise; nothing of it
    // may be left when the heap is serialised.
    profiler->DeleteAllHeapSnapshots();
  }
  *length = text.size();
  *json = sg::Duplicate(text);
  if (*json == nullptr) {
    sg::SetError(error, SG_OUT_OF_MEMORY);
    return -1;
  }
  return 0;
}

extern "C" size_t sg_anatomy_heap_spaces(sg_runtime *runtime, sg_heap_space *spaces,
                                         size_t capacity) {
  if (runtime == nullptr || runtime->blob_created) return 0;
  v8::Isolate *isolate = runtime->isolate;
  v8::Isolate::Scope isolate_scope(isolate);
  size_t count = isolate->NumberOfHeapSpaces();
  size_t filled = 0;
  for (size_t index = 0; index < count && filled < capacity; ++index) {
    v8::HeapSpaceStatistics statistics;
    if (!isolate->GetHeapSpaceStatistics(&statistics, index)) continue;
    sg_heap_space &space = spaces[filled++];
    std::memset(space.name, 0, sizeof(space.name));
    std::strncpy(space.name, statistics.space_name(), sizeof(space.name) - 1);
    space.size = statistics.space_size();
    space.used = statistics.space_used_size();
    space.available = statistics.space_available_size();
    space.physical = statistics.physical_space_size();
  }
  return filled;
}
