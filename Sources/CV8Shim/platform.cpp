// Process-wide V8 initialisation and the external-reference table.
#include "shim_internal.h"

#include <atomic>
#include <cstring>
#include <mutex>

// V8 10.2 leaves the module-namespace accessor out of its own external-reference table, so a
// snapshot that can reach a module namespace object would abort. libnode exports the symbol;
// declare it by its mangled name (the class is internal and has no public header).
extern "C" void sg_module_namespace_entry_getter()
    __asm__("_ZN2v88internal9Accessors26ModuleNamespaceEntryGetterENS_5LocalINS_4NameEEERKNS_20PropertyCallbackInfoINS_5ValueEEE");

namespace {

std::mutex g_mutex;
std::atomic<bool> g_initialized{false};
std::unique_ptr<v8::Platform> g_platform;

}  // namespace

namespace sg {

std::mutex &IsolateLifecycleLock() {
  static std::mutex lock;
  return lock;
}

const intptr_t *ExternalReferences() {
  static const intptr_t table[] = {
      reinterpret_cast<intptr_t>(&OpDispatch),
      reinterpret_cast<intptr_t>(&sg_module_namespace_entry_getter),
      0,
  };
  return table;
}

}  // namespace sg

extern "C" const char *sg_external_reference_layout(void) {
  return "0 sg::OpDispatch(FunctionCallbackInfo) with Smi op id in data\n"
         "1 v8::internal::Accessors::ModuleNamespaceEntryGetter\n";
}

namespace sg {
bool IsInitialized() { return g_initialized.load(); }
}  // namespace sg

extern "C" int sg_v8_initialize(const char *flags, sg_error *error) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_initialized.load()) {
    sg::SetError(error, SG_ALREADY_INITIALIZED);
    return -1;
  }
  if (flags != nullptr && flags[0] != '\0') v8::V8::SetFlagsFromString(flags, std::strlen(flags));
  g_platform = v8::platform::NewDefaultPlatform();
  v8::V8::InitializePlatform(g_platform.get());
  v8::V8::Initialize();
  g_initialized.store(true);
  return 0;
}

extern "C" const char *sg_v8_version(void) { return v8::V8::GetVersion(); }

