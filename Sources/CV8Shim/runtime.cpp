// Runtimes: an isolate with one context, booted from a blob or made for snapshotting.
#include "shim_internal.h"

#include <algorithm>

#include <chrono>
#include <cstdlib>
#include <cstring>

namespace {

v8::MaybeLocal<v8::Promise> RejectDynamicImport(v8::Local<v8::Context> context,
                                                v8::Local<v8::Data> host_defined_options,
                                                v8::Local<v8::Value> resource_name,
                                                v8::Local<v8::String> specifier,
                                                v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate *isolate = context->GetIsolate();
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(sg::kRuntimeSlot));
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  sg_status status = runtime != nullptr && runtime->building ? SG_DYNAMIC_IMPORT_DURING_BUILD
                                                             : SG_DYNAMIC_IMPORT_UNSUPPORTED;
  (void)resolver->Reject(context, sg::NewError(isolate, SG_KIND_TYPE_ERROR, status,
                                               sg::ToUtf8(isolate, specifier),
                                               sg::ToUtf8(isolate, resource_name)));
  return resolver->GetPromise();
}

/// Adds Error.stackTraceLimit = limit when absent (add), or deletes it (!add). Returns whether
/// it changed anything.
bool SetStackTraceLimit(v8::Isolate *isolate, v8::Local<v8::Context> context, bool add,
                        int32_t limit = 0) {
  v8::TryCatch guard(isolate);
  v8::Local<v8::Value> error_constructor;
  if (!context->Global()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate, "Error"))
           .ToLocal(&error_constructor) ||
      !error_constructor->IsObject()) {
    return false;
  }
  auto error = error_constructor.As<v8::Object>();
  auto key = v8::String::NewFromUtf8Literal(isolate, "stackTraceLimit");
  if (add) {
    if (error->HasOwnProperty(context, key).FromMaybe(true)) return false;
    return error->Set(context, key, v8::Integer::New(isolate, limit)).FromMaybe(false);
  }
  return error->Delete(context, key).FromMaybe(false);
}

}  // namespace

int32_t sg_runtime::ModuleId(v8::Local<v8::Module> module) const {
  auto range = modules_by_hash.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (modules[it->second] == module) return it->second;
  }
  return -1;
}

extern "C" sg_runtime *sg_runtime_new(const sg_runtime_options *options, sg_error *error) {
  if (!sg::IsInitialized()) {
    std::free(options->snapshot);
    sg::SetError(error, SG_NOT_INITIALIZED);
    return nullptr;
  }
  auto runtime = std::make_unique<sg_runtime>();
  runtime->op_handler = options->op_handler;
  runtime->op_handler_context = options->op_handler_context;
  for (int32_t index = 0; index < options->op_count; ++index) {
    runtime->op_names.emplace_back(options->op_names[index]);
  }
  bool from_snapshot = options->snapshot != nullptr;
  auto started = std::chrono::steady_clock::now();
  if (options->for_snapshot) {
    // From a blob: a layered build (layers.cpp) on top of a base snapshot.
    if (from_snapshot) {
      runtime->owned_snapshot = options->snapshot;
      runtime->startup.data = reinterpret_cast<const char *>(options->snapshot);
      runtime->startup.raw_size = static_cast<int>(options->snapshot_length);
    }
    std::lock_guard<std::mutex> lifecycle(sg::IsolateLifecycleLock());
    runtime->creator.reset(new v8::SnapshotCreator(sg::ExternalReferences(),
                                                   from_snapshot ? &runtime->startup : nullptr));
    runtime->isolate = runtime->creator->GetIsolate();
    runtime->building = true;
  } else {
    runtime->allocator.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = runtime->allocator.get();
    params.external_references = sg::ExternalReferences();
    if (from_snapshot) {
      runtime->owned_snapshot = options->snapshot;
      runtime->startup.data = reinterpret_cast<const char *>(options->snapshot);
      runtime->startup.raw_size = static_cast<int>(options->snapshot_length);
      params.snapshot_blob = &runtime->startup;
    }
    std::lock_guard<std::mutex> lifecycle(sg::IsolateLifecycleLock());
    runtime->isolate = v8::Isolate::New(params);
  }
  auto isolate_made = std::chrono::steady_clock::now();
  runtime->isolate_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(isolate_made - started).count();
  v8::Isolate *isolate = runtime->isolate;
  isolate->SetData(sg::kRuntimeSlot, runtime.get());
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetHostImportModuleDynamicallyCallback(RejectDynamicImport);
  isolate->SetPromiseRejectCallback(sg::OnPromiseReject);
  // Heap exhaustion ends in a FATAL abort unless execution is stopped before: near the limit,
  // terminate JavaScript and grant room to unwind.
  isolate->AddNearHeapLimitCallback(
      [](void *data, size_t current_limit, size_t) -> size_t {
        auto *owner = static_cast<sg_runtime *>(data);
        if (!owner->heap_limit_reached) {
          owner->heap_limit_reached = true;
          owner->isolate->TerminateExecution();
        }
        return current_limit + std::max<size_t>(current_limit / 2, size_t{64} << 20);
      },
      runtime.get());
  // Errors record where they were thrown, so that a throw inside a module's top-level code
  // (reported through a rejected promise, not a TryCatch) still has a location.
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 32);

  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  auto context_started = std::chrono::steady_clock::now();
  v8::Local<v8::Context> context;
  {
    std::lock_guard<std::mutex> lifecycle(sg::IsolateLifecycleLock());
    context = v8::Context::New(isolate);
  }
  runtime->context_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::steady_clock::now() - context_started)
                            .count();
  if (context.IsEmpty()) {
    sg::SetError(error, SG_NO_CONTEXT);
    sg_runtime_free(runtime.release());
    return nullptr;
  }
  if (!from_snapshot && !runtime->op_names.empty()) {
    v8::Context::Scope context_scope(context);
    if (!sg::InstallOps(isolate, context, runtime->op_names)) {
      sg::SetError(error, SG_OPS_NOT_INSTALLED);
      sg_runtime_free(runtime.release());
      return nullptr;
    }
  }
  if (runtime->creator && options->build_stack_trace_limit > 0) {
    v8::Context::Scope context_scope(context);
    runtime->added_stack_trace_limit =
        SetStackTraceLimit(isolate, context, true, options->build_stack_trace_limit);
  }
  runtime->context.Reset(isolate, context);
  return runtime.release();
}

void sg_runtime::ReleaseHandles() {
  sg::DestroyThrowSites(this);
  modules.clear();
  modules_by_hash.clear();
  resolvers.clear();
  tracked.clear();
  rejections.clear();
  context.Reset();
}

extern "C" void sg_runtime_free(sg_runtime *runtime) {
  if (runtime == nullptr) return;
  runtime->ReleaseHandles();
  if (runtime->creator) {
    std::lock_guard<std::mutex> lifecycle(sg::IsolateLifecycleLock());
    runtime->creator.reset();  // disposes its isolate
  } else if (runtime->isolate != nullptr) {
    std::lock_guard<std::mutex> lifecycle(sg::IsolateLifecycleLock());
    runtime->isolate->Dispose();
  }
  std::free(runtime->owned_snapshot);
  delete runtime;
}

extern "C" int sg_script_run(sg_runtime *runtime, const char *resource_name, const char *source,
                             size_t length, char **result, sg_error *error) {
  if (runtime->blob_created) {
    sg::SetError(error, SG_SERIALIZED);
    return -1;
  }
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);

  v8::Local<v8::String> code;
  v8::Local<v8::String> name;
  if (source == nullptr) {
    source = "";
    length = 0;
  }
  if (!v8::String::NewFromUtf8(isolate, source, v8::NewStringType::kNormal,
                               static_cast<int>(length))
           .ToLocal(&code) ||
      !v8::String::NewFromUtf8(isolate, resource_name).ToLocal(&name)) {
    sg::SetError(error, SG_SCRIPT_TOO_LARGE);
    return -1;
  }
  v8::ScriptOrigin origin(isolate, name);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> value;
  if (!v8::Script::Compile(context, code, &origin).ToLocal(&script) ||
      !script->Run(context).ToLocal(&value)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  isolate->PerformMicrotaskCheckpoint();
  if (result != nullptr) *result = sg::Duplicate(sg::ToUtf8(isolate, value));
  return 0;
}

extern "C" void sg_run_microtasks(sg_runtime *runtime) {
  if (runtime->blob_created) return;
  v8::Isolate::Scope isolate_scope(runtime->isolate);
  runtime->isolate->PerformMicrotaskCheckpoint();
}

extern "C" int sg_create_blob(sg_runtime *runtime, int keep_function_code, uint8_t **blob,
                              size_t *length, sg_error *error) {
  if (!runtime->creator || runtime->blob_created) {
    sg::SetError(error, SG_NOT_A_SNAPSHOT_CREATOR);
    return -1;
  }
  v8::Isolate *isolate = runtime->isolate;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    isolate->PerformMicrotaskCheckpoint();
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = runtime->context.Get(isolate);
    if (runtime->added_stack_trace_limit) {
      v8::Context::Scope context_scope(context);
      SetStackTraceLimit(isolate, context, false);
    }
    runtime->creator->SetDefaultContext(context);
  }
  // Every handle the shim holds must be gone before V8 serialises the heap.
  runtime->ReleaseHandles();
  runtime->blob_created = true;
  std::unique_lock<std::mutex> lifecycle(sg::IsolateLifecycleLock());
  v8::StartupData data = runtime->creator->CreateBlob(
      keep_function_code ? v8::SnapshotCreator::FunctionCodeHandling::kKeep
                         : v8::SnapshotCreator::FunctionCodeHandling::kClear);
  if (data.data == nullptr || data.raw_size <= 0) {
    sg::SetError(error, SG_NO_BLOB);
    return -1;
  }
  *length = static_cast<size_t>(data.raw_size);
  *blob = static_cast<uint8_t *>(std::malloc(*length));
  if (*blob == nullptr) {
    delete[] data.data;
    sg::SetError(error, SG_OUT_OF_MEMORY);
    return -1;
  }
  std::memcpy(*blob, data.data, *length);
  delete[] data.data;
  return 0;
}

extern "C" void sg_runtime_boot_phases(const sg_runtime *runtime, int64_t *isolate_ns,
                                       int64_t *context_ns) {
  *isolate_ns = runtime->isolate_ns;
  *context_ns = runtime->context_ns;
}
