// Process-wide V8 initialisation and the external-reference table.
#include "shim_internal.h"

#include <mutex>

// V8 10.2 leaves the module-namespace accessor out of its own external-reference table, so a
// snapshot that can reach a module namespace object would abort. libnode exports the symbol;
// declare it by its mangled name (the class is internal and has no public header).
extern "C" void sg_module_namespace_entry_getter()
    __asm__("_ZN2v88internal9Accessors26ModuleNamespaceEntryGetterENS_5LocalINS_4NameEEERKNS_20PropertyCallbackInfoINS_5ValueEEE");

namespace {

std::mutex g_mutex;
bool g_initialized = false;
std::string g_flags;
std::unique_ptr<v8::Platform> g_platform;
std::string g_version;

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

extern "C" int sg_v8_initialize(const char *flags, sg_error *error) {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::string requested = flags == nullptr ? std::string() : std::string(flags);
  if (g_initialized) {
    if (requested == g_flags) return 0;
    sg::SetError(error, "V8 is already initialised in this process with flags '" + g_flags +
                            "', not '" + requested + "'");
    return -1;
  }
  // Flags every snapgen process needs, whoever initialises V8 first:
  // - snapgen checks a snapshot's CRC-32 before V8 sees it, so V8's own checksum pass over the
  //   blob (about 0.3 ms per MB) is redundant on the boot path;
  // - V8 10.2 parses `import … assert { type: "json" }` only behind this flag.
  static const char kAlways[] = "--no-verify-snapshot-checksum --harmony-import-assertions";
  v8::V8::SetFlagsFromString(kAlways, sizeof(kAlways) - 1);
  if (!requested.empty()) v8::V8::SetFlagsFromString(requested.c_str(), requested.size());
  g_platform = v8::platform::NewDefaultPlatform();
  v8::V8::InitializePlatform(g_platform.get());
  v8::V8::Initialize();
  g_flags = requested;
  g_initialized = true;
  return 0;
}

extern "C" const char *sg_v8_flags(void) {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_initialized ? g_flags.c_str() : nullptr;
}

extern "C" const char *sg_v8_version(void) { return v8::V8::GetVersion(); }

