// Layered snapshots: a base snapshot hands its evaluated modules to a snapshot built on top of
// it (SnapshotCreator::AddData / Context::GetDataFromSnapshotOnce), and an app snapshot keeps
// its main function for the runtime to call after boot.
#include "shim_internal.h"

#include <cstdlib>

namespace {

/// Module ids are kept exactly as sg_module_compile keeps them, so the resolver callback
/// treats a base module like any other.
int32_t KeepModule(sg_runtime *runtime, v8::Local<v8::Module> module) {
  auto id = static_cast<int32_t>(runtime->modules.size());
  runtime->modules.emplace_back(runtime->isolate, module);
  runtime->modules_by_hash.emplace(module->GetIdentityHash(), id);
  return id;
}

}  // namespace

extern "C" int sg_snapshot_expose_modules(sg_runtime *runtime, const int32_t *module_ids,
                                          size_t count, sg_error *error) {
  if (!runtime->creator || runtime->blob_created) {
    sg::SetError(error, SG_NOT_A_SNAPSHOT_CREATOR);
    return -1;
  }
  sg::EnteredContext entered(runtime);
  for (size_t index = 0; index < count; ++index) {
    if (!sg::IsKnownModule(runtime, module_ids[index], error)) return -1;
    size_t slot = runtime->creator->AddData(entered.context,
                                            runtime->modules[module_ids[index]].Get(runtime->isolate));
    if (slot != runtime->next_data_slot) {
      sg::SetError(error, SG_BASE_MODULE_MISSING, std::to_string(slot));
      return -1;
    }
    ++runtime->next_data_slot;
  }
  return 0;
}

extern "C" int sg_snapshot_take_base_modules(sg_runtime *runtime, size_t count, int32_t *module_ids,
                                             sg_error *error) {
  sg::EnteredContext entered(runtime);
  for (size_t index = 0; index < count; ++index) {
    // Taken as v8::Data and checked: GetDataFromSnapshotOnce does not check the type it casts to.
    v8::Local<v8::Data> data;
    if (!entered.context->GetDataFromSnapshotOnce<v8::Data>(index).ToLocal(&data) || !data->IsModule()) {
      sg::SetError(error, SG_BASE_MODULE_MISSING, std::to_string(index));
      return -1;
    }
    module_ids[index] = KeepModule(runtime, data.As<v8::Module>());
  }
  return 0;
}

extern "C" int sg_snapshot_keep_main(sg_runtime *runtime, int32_t module_id, const char *export_name,
                                     size_t *slot, sg_error *error) {
  if (!runtime->creator || runtime->blob_created) {
    sg::SetError(error, SG_NOT_A_SNAPSHOT_CREATOR);
    return -1;
  }
  if (!sg::IsKnownModule(runtime, module_id, error)) return -1;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Module> module = runtime->modules[module_id].Get(isolate);
  if (module->GetStatus() != v8::Module::kEvaluated) {
    sg::SetError(error, SG_MAIN_NOT_A_FUNCTION, export_name, "the module was not evaluated");
    return -1;
  }
  v8::Local<v8::Value> namespace_value = module->GetModuleNamespace();
  v8::Local<v8::String> key;
  v8::Local<v8::Value> value;
  if (!v8::String::NewFromUtf8(isolate, export_name).ToLocal(&key) ||
      !namespace_value.As<v8::Object>()->Get(entered.context, key).ToLocal(&value)) {
    sg::CaptureException(isolate, entered.context, try_catch, error);
    return -1;
  }
  if (!value->IsFunction()) {
    sg::SetError(error, SG_MAIN_NOT_A_FUNCTION, export_name,
                 value->IsUndefined() ? "the module has no such export" : "the export is not a function");
    return -1;
  }
  *slot = runtime->creator->AddData(entered.context, value.As<v8::Function>());
  runtime->next_data_slot = *slot + 1;
  return 0;
}

extern "C" int sg_main_call(sg_runtime *runtime, size_t slot, const char *const *arguments,
                            int32_t argument_count, int64_t *promise_id, sg_error *error) {
  *promise_id = -1;
  if (runtime->blob_created) {
    sg::SetError(error, SG_SERIALIZED);
    return -1;
  }
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  // Value::IsFunction checks the instance type, so a module in this slot (a base snapshot) is
  // refused too.
  v8::Local<v8::Value> data;
  if (!context->GetDataFromSnapshotOnce<v8::Value>(slot).ToLocal(&data) || !data->IsFunction()) {
    sg::SetError(error, SG_MAIN_NOT_A_FUNCTION, std::to_string(slot), "the snapshot holds no main function there");
    return -1;
  }
  v8::Local<v8::Array> list = v8::Array::New(isolate, argument_count);
  for (int32_t index = 0; index < argument_count; ++index) {
    v8::Local<v8::String> text;
    if (!v8::String::NewFromUtf8(isolate, arguments[index]).ToLocal(&text) ||
        list->Set(context, static_cast<uint32_t>(index), text).IsNothing()) {
      sg::SetError(error, SG_SCRIPT_TOO_LARGE);
      return -1;
    }
  }
  v8::Local<v8::Value> argv[] = {list};
  v8::Local<v8::Value> result;
  if (!data.As<v8::Function>()->Call(context, context->Global(), 1, argv).ToLocal(&result)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, result).IsNothing()) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  int64_t id = runtime->next_promise_id++;
  runtime->tracked.emplace(id, v8::Global<v8::Promise>(isolate, resolver->GetPromise()));
  *promise_id = id;
  isolate->PerformMicrotaskCheckpoint();
  return 0;
}

extern "C" int sg_promise_result_number(sg_runtime *runtime, int64_t promise_id, double *value) {
  auto found = runtime->tracked.find(promise_id);
  if (found == runtime->tracked.end()) return -1;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Promise> promise = found->second.Get(runtime->isolate);
  if (promise->State() != v8::Promise::kFulfilled) return -1;
  v8::Local<v8::Value> result = promise->Result();
  if (!result->IsNumber()) return 0;
  *value = result.As<v8::Number>()->Value();
  return 1;
}
