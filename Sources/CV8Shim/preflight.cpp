// Heap maintenance the snapshot build's pre-flight checks need before CreateBlob, kept in its
// own file apart from the op and event-loop code.
#include "shim_internal.h"

extern "C" int sg_preflight_collect_garbage(sg_runtime *runtime) {
  if (runtime == nullptr || runtime->blob_created) return -1;
  v8::Isolate *isolate = runtime->isolate;
  v8::Isolate::Scope isolate_scope(isolate);
  isolate->PerformMicrotaskCheckpoint();
  // WeakRef targets touched in the current job are kept alive until the job ends; end it, so
  // that only objects the program itself still reaches survive the collection.
  isolate->ClearKeptObjects();
  isolate->LowMemoryNotification();
  return 0;
}
