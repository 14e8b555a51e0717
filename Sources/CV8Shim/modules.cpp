// ES modules: parse for import requests, compile, instantiate through a resolver from Swift,
// evaluate.
#include "shim_internal.h"

#include <cstdlib>

namespace {

bool NewString(v8::Isolate *isolate, const char *data, size_t length,
               v8::Local<v8::String> *out) {
  if (data == nullptr || length == 0) {
    *out = v8::String::Empty(isolate);
    return true;
  }
  if (length > static_cast<size_t>(v8::String::kMaxLength)) return false;
  return v8::String::NewFromUtf8(isolate, data, v8::NewStringType::kNormal,
                                 static_cast<int>(length))
      .ToLocal(out);
}

v8::MaybeLocal<v8::Module> CompileModule(v8::Isolate *isolate, const char *resource_name,
                                         const char *source, size_t length) {
  v8::Local<v8::String> code;
  v8::Local<v8::String> name;
  if (!NewString(isolate, source, length, &code) ||
      !v8::String::NewFromUtf8(isolate, resource_name).ToLocal(&name)) {
    isolate->ThrowException(sg::NewError(isolate, SG_KIND_RANGE_ERROR, SG_MODULE_TOO_LARGE));
    return {};
  }
  v8::ScriptOrigin origin(isolate, name, 0, 0, false, -1, v8::Local<v8::Value>(), false, false,
                          true);
  v8::ScriptCompiler::Source compiler_source(code, origin);
  return v8::ScriptCompiler::CompileModule(isolate, &compiler_source);
}

int32_t Keep(sg_runtime *runtime, v8::Local<v8::Module> module) {
  auto id = static_cast<int32_t>(runtime->modules.size());
  runtime->modules.emplace_back(runtime->isolate, module);
  runtime->modules_by_hash.emplace(module->GetIdentityHash(), id);
  return id;
}

v8::MaybeLocal<v8::Module> ResolveThroughSwift(v8::Local<v8::Context> context,
                                               v8::Local<v8::String> specifier,
                                               v8::Local<v8::FixedArray> import_assertions,
                                               v8::Local<v8::Module> referrer) {
  v8::Isolate *isolate = context->GetIsolate();
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(sg::kRuntimeSlot));
  std::string text = sg::ToUtf8(isolate, specifier);
  int32_t referrer_id = runtime->ModuleId(referrer);
  int32_t target = runtime->resolve == nullptr
                       ? -1
                       : runtime->resolve(runtime->resolve_context, referrer_id, text.c_str());
  if (target < 0 || static_cast<size_t>(target) >= runtime->modules.size()) {
    isolate->ThrowException(sg::NewError(isolate, SG_KIND_ERROR, SG_UNRESOLVED_IMPORT, text));
    return {};
  }
  return runtime->modules[target].Get(isolate);
}

}  // namespace

extern "C" void sg_module_requests_free(sg_module_request *requests, size_t count) {
  if (requests == nullptr) return;
  for (size_t index = 0; index < count; ++index) {
    std::free(requests[index].specifier);
    std::free(requests[index].assertion_type);
  }
  std::free(requests);
}

extern "C" int sg_module_parse(sg_runtime *runtime, const char *resource_name,
                               const char *source, size_t length, sg_module_request **requests,
                               size_t *count, sg_error *error) {
  *requests = nullptr;
  *count = 0;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Module> module;
  if (!CompileModule(isolate, resource_name, source, length).ToLocal(&module)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  v8::Local<v8::FixedArray> list = module->GetModuleRequests();
  size_t total = static_cast<size_t>(list->Length());
  auto *out = static_cast<sg_module_request *>(std::calloc(total == 0 ? 1 : total,
                                                           sizeof(sg_module_request)));
  for (size_t index = 0; index < total; ++index) {
    v8::Local<v8::ModuleRequest> request =
        list->Get(context, static_cast<int>(index)).As<v8::ModuleRequest>();
    out[index].specifier = sg::Duplicate(sg::ToUtf8(isolate, request->GetSpecifier()));
    v8::Location location = module->SourceOffsetToLocation(request->GetSourceOffset());
    out[index].line = location.GetLineNumber() + 1;
    out[index].column = location.GetColumnNumber() + 1;
    // Assertions come as (key, value, source offset) triples.
    v8::Local<v8::FixedArray> assertions = request->GetImportAssertions();
    for (int entry = 0; entry + 1 < assertions->Length(); entry += 3) {
      std::string key = sg::ToUtf8(isolate, assertions->Get(context, entry).As<v8::Value>());
      if (key == "type") {
        out[index].assertion_type =
            sg::Duplicate(sg::ToUtf8(isolate, assertions->Get(context, entry + 1).As<v8::Value>()));
      }
    }
  }
  *requests = out;
  *count = total;
  return 0;
}

extern "C" int32_t sg_module_compile(sg_runtime *runtime, const char *resource_name,
                                     const char *source, size_t length, sg_error *error) {
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Module> module;
  if (!CompileModule(isolate, resource_name, source, length).ToLocal(&module)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  return Keep(runtime, module);
}

extern "C" int32_t sg_module_json(sg_runtime *runtime, const char *resource_name,
                                  const char *source, size_t length, sg_error *error) {
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::String> text;
  v8::Local<v8::Value> parsed;
  v8::Local<v8::String> literal;
  if (!NewString(isolate, source, length, &text)) {
    sg::SetError(error, SG_JSON_MODULE_TOO_LARGE);
    return -1;
  }
  // Validate first so that the error names the JSON file, then wrap the text in a module
  // whose default export is JSON.parse of it (a string literal, so no JS semantics leak in).
  if (!v8::JSON::Parse(context, text).ToLocal(&parsed) ||
      !v8::JSON::Stringify(context, text).ToLocal(&literal)) {
    sg::CaptureException(isolate, context, try_catch, error);
    if (error != nullptr && error->resource == nullptr) {
      error->resource = sg::Duplicate(resource_name);
    }
    return -1;
  }
  std::string wrapper = "export default JSON.parse(" + sg::ToUtf8(isolate, literal) + ");\n";
  v8::Local<v8::Module> module;
  if (!CompileModule(isolate, resource_name, wrapper.data(), wrapper.size()).ToLocal(&module)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  return Keep(runtime, module);
}

extern "C" int sg_module_instantiate(sg_runtime *runtime, int32_t module_id,
                                     sg_resolve_callback resolve, void *resolve_context,
                                     sg_error *error) {
  if (!sg::IsKnownModule(runtime, module_id, error)) return -1;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  runtime->resolve = resolve;
  runtime->resolve_context = resolve_context;
  v8::Local<v8::Module> module = runtime->modules[module_id].Get(isolate);
  bool ok = module->InstantiateModule(context, ResolveThroughSwift).FromMaybe(false);
  runtime->resolve = nullptr;
  runtime->resolve_context = nullptr;
  if (!ok) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  return 0;
}

extern "C" int sg_module_is_graph_async(sg_runtime *runtime, int32_t module_id) {
  if (!sg::IsKnownModule(runtime, module_id, nullptr)) return -1;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Module> module = runtime->modules[module_id].Get(runtime->isolate);
  return module->IsGraphAsync() ? 1 : 0;
}
