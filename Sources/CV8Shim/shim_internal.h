// Internal declarations shared by the shim's C++ files.
#pragma once

#include <v8-version.h>

static_assert(V8_MAJOR_VERSION == 10 && V8_MINOR_VERSION == 2,
              "snapgen needs the V8 10.2 headers of Debian's libnode-dev; run scripts/install-deps.sh");

#include <libplatform/libplatform.h>
#include <v8.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "CV8Shim.h"

namespace sg {

/// The embedder data slot that holds the sg_runtime of an isolate.
constexpr uint32_t kRuntimeSlot = 0;

/// Copies a std::string into malloc'd memory.
char *Duplicate(const std::string &text);
std::string ToUtf8(v8::Isolate *isolate, v8::Local<v8::Value> value);
/// Fills error with a status and the message writer's text for it.
void SetError(sg_error *error, sg_status status, const std::string &subject = std::string(),
              const std::string &detail = std::string());
/// The message writer's text for a status.
std::string Message(sg_status status, const std::string &subject = std::string(),
                    const std::string &detail = std::string());
/// A new JavaScript error object of `kind` with `message`.
v8::Local<v8::Value> NewError(v8::Isolate *isolate, sg_error_kind kind, v8::Local<v8::String> message);
/// A new JavaScript error object of `kind` with the message writer's text for `status`.
v8::Local<v8::Value> NewError(v8::Isolate *isolate, sg_error_kind kind, sg_status status,
                              const std::string &subject = std::string(),
                              const std::string &detail = std::string());
/// Fills error from a caught exception.
void CaptureException(v8::Isolate *isolate, v8::Local<v8::Context> context,
                      v8::TryCatch &try_catch, sg_error *error);
/// Fills error from an exception value (e.g. a rejected promise's reason).
void CaptureExceptionValue(v8::Isolate *isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> exception, sg_error *error);

/// Creating isolates on several threads at once, from different snapshots (V8's built-in one and
/// a custom blob), or beside a SnapshotCreator, crashes V8 10.2: isolates share the read-only
/// heap, and its string-table deserialiser races (measured: SIGSEGV). Isolate and context
/// creation, serialisation and disposal therefore hold this lock; they take milliseconds.
std::mutex &IsolateLifecycleLock();

/// Whether sg_v8_initialize has run.
bool IsInitialized();

/// The process-wide external-reference table (null terminated).
const intptr_t *ExternalReferences();
void OpDispatch(const v8::FunctionCallbackInfo<v8::Value> &info);
/// Installs core.ops.<name> functions on a new context's global.
bool InstallOps(v8::Isolate *isolate, v8::Local<v8::Context> context,
                const std::vector<std::string> &names);

}  // namespace sg

namespace sg {
struct ThrowSites;
}  // namespace sg

struct sg_runtime {
  v8::Isolate *isolate = nullptr;
  std::unique_ptr<v8::SnapshotCreator> creator;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator;
  v8::StartupData startup{nullptr, 0};
  uint8_t *owned_snapshot = nullptr;
  v8::Global<v8::Context> context;
  std::vector<v8::Global<v8::Module>> modules;
  std::unordered_multimap<int, int32_t> modules_by_hash;
  std::vector<std::string> op_names;
  sg_op_handler op_handler = nullptr;
  void *op_handler_context = nullptr;
  bool building = false;
  bool blob_created = false;
  // The next data slot of the context (layers.cpp): exposed modules, then the main function.
  size_t next_data_slot = 0;
  // Set by the near-heap-limit callback, which stops JavaScript instead of letting V8 abort.
  bool heap_limit_reached = false;
  int64_t isolate_ns = 0;
  int64_t context_ns = 0;
  // V8 captures no stacks while a snapshot is built unless Error.stackTraceLimit is set; with
  // build_stack_trace_limit the shim sets it for the build and removes it before serialising.
  bool added_stack_trace_limit = false;
  // Set while sg_module_instantiate runs.
  sg_resolve_callback resolve = nullptr;
  void *resolve_context = nullptr;

  // Promises handed to Swift (op results, pending module evaluations), by id.
  std::unordered_map<int64_t, v8::Global<v8::Promise::Resolver>> resolvers;
  std::unordered_map<int64_t, v8::Global<v8::Promise>> tracked;
  int64_t next_promise_id = 1;
  // Set by sg_throw_sites_start (throwsites.cpp); destroyed by ReleaseHandles.
  sg::ThrowSites *throw_sites = nullptr;
  // Rejections with no handler yet, oldest first.
  std::vector<std::pair<v8::Global<v8::Promise>, v8::Global<v8::Value>>> rejections;

  int32_t ModuleId(v8::Local<v8::Module> module) const;
  /// Drops every handle the shim holds (before serialising or disposing).
  void ReleaseHandles();
};

namespace sg {
void OnPromiseReject(v8::PromiseRejectMessage message);
/// Ends throw-site recording (throwsites.cpp); before the isolate goes away.
void DestroyThrowSites(sg_runtime *runtime);
/// Replaces the error's location with the place `exception` was last thrown, when recorded.
void ApplyThrowSite(v8::Isolate *isolate, v8::Local<v8::Value> exception, sg_error *error);
}  // namespace sg

struct sg_value {
  v8::Local<v8::Value> handle;
};

struct sg_call {
  const v8::FunctionCallbackInfo<v8::Value> *info;  // null for a scope opened by sg_scope_open
  v8::Isolate *isolate;
  v8::Local<v8::Context> context;
  std::deque<sg_value> values;  // stable addresses for the handles given out
  bool threw = false;
  sg_runtime *runtime = nullptr;
  void *owner = nullptr;  // the OpenScope of a scope opened by sg_scope_open

  sg_value *Keep(v8::Local<v8::Value> handle) {
    values.push_back(sg_value{handle});
    return &values.back();
  }
};


namespace sg {

/// The scopes every entry point that runs JS needs: the runtime's isolate entered, a handle
/// scope, and its context entered.
struct EnteredContext {
  v8::Isolate::Scope isolate_scope;
  v8::HandleScope handle_scope;
  v8::Local<v8::Context> context;
  v8::Context::Scope context_scope;

  explicit EnteredContext(sg_runtime *runtime)
      : isolate_scope(runtime->isolate),
        handle_scope(runtime->isolate),
        context(runtime->context.Get(runtime->isolate)),
        context_scope(context) {}
};

}  // namespace sg

namespace sg {

/// Whether `module_id` names a compiled module of `runtime`; fills `error` when not.
inline bool IsKnownModule(sg_runtime *runtime, int32_t module_id, sg_error *error) {
  if (module_id >= 0 && static_cast<size_t>(module_id) < runtime->modules.size()) return true;
  SetError(error, SG_UNKNOWN_MODULE, std::to_string(module_id));
  return false;
}

}  // namespace sg
