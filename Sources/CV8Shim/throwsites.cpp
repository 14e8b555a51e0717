// Where exceptions were thrown: a debugger session that stops at every throw and promise
// rejection, notes the place and the value, and goes on. V8 reports a module's top-level throw
// through a rejected promise, which carries no location (and an Error only knows where it was
// created), so a failed build is diagnosed again in a fresh runtime with this recorder on.
#include "shim_internal.h"

#include <v8-inspector.h>

#include <deque>
#include <string>
#include <unordered_map>

namespace {

constexpr int kContextGroup = 1;
constexpr size_t kKeptThrows = 256;

std::string Narrow(const v8_inspector::StringView &view) {
  std::string text;
  if (view.is8Bit()) {
    text.assign(reinterpret_cast<const char *>(view.characters8()), view.length());
    return text;
  }
  text.reserve(view.length());
  for (size_t index = 0; index < view.length(); ++index) {
    uint32_t unit = view.characters16()[index];
    if (unit < 0x80) {
      text.push_back(static_cast<char>(unit));
    } else if (unit < 0x800) {
      text.push_back(static_cast<char>(0xC0 | (unit >> 6)));
      text.push_back(static_cast<char>(0x80 | (unit & 0x3F)));
    } else {
      // Surrogates pass through as three-byte sequences: only keys and URLs are read here.
      text.push_back(static_cast<char>(0xE0 | (unit >> 12)));
      text.push_back(static_cast<char>(0x80 | ((unit >> 6) & 0x3F)));
      text.push_back(static_cast<char>(0x80 | (unit & 0x3F)));
    }
  }
  return text;
}

/// The JSON string value that starts at `at` (just after its opening quote).
std::string StringAt(const std::string &json, size_t at) {
  std::string value;
  for (size_t index = at; index < json.size(); ++index) {
    char c = json[index];
    if (c == '"') break;
    if (c == '\\' && index + 1 < json.size()) {
      char escaped = json[++index];
      switch (escaped) {
        case 'n': value.push_back('\n'); break;
        case 't': value.push_back('\t'); break;
        case 'u': value.push_back('?'); index += 4; break;
        default: value.push_back(escaped); break;
      }
      continue;
    }
    value.push_back(c);
  }
  return value;
}

/// The string value of `key` at or after `from`, or "" (and npos in `found`).
std::string StringField(const std::string &json, const std::string &key, size_t from, size_t *found) {
  std::string needle = "\"" + key + "\":\"";
  size_t at = json.find(needle, from);
  if (found != nullptr) *found = at;
  if (at == std::string::npos) return std::string();
  return StringAt(json, at + needle.size());
}

int IntField(const std::string &json, const std::string &key, size_t from) {
  std::string needle = "\"" + key + "\":";
  size_t at = json.find(needle, from);
  if (at == std::string::npos) return -1;
  return std::atoi(json.c_str() + at + needle.size());
}

}  // namespace

namespace sg {

/// One throw or rejection the debugger stopped at.
struct Throw {
  std::string url;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string type;  // the RemoteObject's type: "object", "string", "symbol", ...
  v8::Global<v8::Value> value;  // when the inspector gave the value an id
};

struct ThrowSites final : v8_inspector::V8InspectorClient, v8_inspector::V8Inspector::Channel {
  sg_runtime *runtime;
  std::unique_ptr<v8_inspector::V8Inspector> inspector;
  std::unique_ptr<v8_inspector::V8InspectorSession> session;
  std::deque<Throw> throws;
  std::string paused;  // the last Debugger.paused notification not yet taken
  std::unordered_map<std::string, std::string> script_urls;  // scriptId → url (Debugger.scriptParsed)

  explicit ThrowSites(sg_runtime *owner) : runtime(owner) {}

  // V8InspectorClient: note where the debugger stopped and go on at once.
  void runMessageLoopOnPause(int) override {
    std::string json;
    json.swap(paused);
    if (json.empty()) return;
    std::string reason = StringField(json, "reason", 0, nullptr);
    if (reason != "exception" && reason != "promiseRejection") return;
    Throw recorded;
    size_t location = json.find("\"location\":{");
    if (location != std::string::npos) {
      recorded.line = IntField(json, "lineNumber", location) + 1;
      recorded.column = IntField(json, "columnNumber", location) + 1;
      auto script = script_urls.find(StringField(json, "scriptId", location, nullptr));
      if (script != script_urls.end()) recorded.url = script->second;
    }
    size_t data = json.find("\"data\":{");
    if (data != std::string::npos) {
      recorded.type = StringField(json, "type", data, nullptr);
      size_t id_at = std::string::npos;
      std::string object_id = StringField(json, "objectId", data, &id_at);
      if (id_at != std::string::npos) {
        std::unique_ptr<v8_inspector::StringBuffer> error;
        std::unique_ptr<v8_inspector::StringBuffer> group;
        v8::Local<v8::Value> value;
        v8::Local<v8::Context> context;
        v8_inspector::StringView id(reinterpret_cast<const uint8_t *>(object_id.data()), object_id.size());
        if (session->unwrapObject(&error, id, &value, &context, &group)) {
          recorded.value.Reset(runtime->isolate, value);
        }
      }
    }
    if (recorded.url.empty() || recorded.line <= 0) return;
    throws.push_back(std::move(recorded));
    if (throws.size() > kKeptThrows) throws.pop_front();
  }
  void quitMessageLoopOnPause() override {}

  // Channel: keep the pause notification for runMessageLoopOnPause, ignore the rest.
  void sendResponse(int, std::unique_ptr<v8_inspector::StringBuffer>) override {}
  void sendNotification(std::unique_ptr<v8_inspector::StringBuffer> message) override {
    std::string json = Narrow(message->string());
    if (json.find("\"method\":\"Debugger.paused\"") != std::string::npos) {
      paused.swap(json);
    } else if (json.find("\"method\":\"Debugger.scriptParsed\"") != std::string::npos) {
      script_urls[StringField(json, "scriptId", 0, nullptr)] = StringField(json, "url", 0, nullptr);
    }
  }
  void flushProtocolNotifications() override {}

  void Send(const std::string &command) {
    session->dispatchProtocolMessage(
        v8_inspector::StringView(reinterpret_cast<const uint8_t *>(command.data()), command.size()));
  }
};

void DestroyThrowSites(sg_runtime *runtime) {
  if (runtime->throw_sites == nullptr) return;
  ThrowSites *sites = runtime->throw_sites;
  runtime->throw_sites = nullptr;
  sites->throws.clear();
  sites->session.reset();
  sites->inspector.reset();
  delete sites;
}

void ApplyThrowSite(v8::Isolate *isolate, v8::Local<v8::Value> exception, sg_error *error) {
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(kRuntimeSlot));
  if (runtime == nullptr || runtime->throw_sites == nullptr || exception.IsEmpty()) return;
  std::string type = exception->IsNullOrUndefined() ? (exception->IsNull() ? "object" : "undefined")
                     : exception->IsSymbol()        ? "symbol"
                     : exception->IsString()        ? "string"
                     : exception->IsNumber()        ? "number"
                     : exception->IsBoolean()       ? "boolean"
                     : exception->IsBigInt()        ? "bigint"
                     : exception->IsFunction()      ? "function"
                                                    : "object";
  auto &throws = runtime->throw_sites->throws;
  for (auto it = throws.rbegin(); it != throws.rend(); ++it) {
    bool same = it->value.IsEmpty() ? (it->type == type && !exception->IsObject())
                                    : it->value.Get(isolate)->StrictEquals(exception);
    if (!same) continue;
    std::free(error->resource);
    error->resource = Duplicate(it->url);
    error->line = it->line;
    error->column = it->column;
    return;
  }
}

}  // namespace sg

extern "C" int sg_throw_sites_start(sg_runtime *runtime, sg_error *error) {
  if (runtime->creator || runtime->throw_sites != nullptr) {
    sg::SetError(error, SG_THROW_SITES_UNAVAILABLE);
    return -1;
  }
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  auto *sites = new sg::ThrowSites(runtime);
  sites->inspector = v8_inspector::V8Inspector::create(isolate, sites);
  static const char kName[] = "snapgen";
  sites->inspector->contextCreated(v8_inspector::V8ContextInfo(
      entered.context, kContextGroup,
      v8_inspector::StringView(reinterpret_cast<const uint8_t *>(kName), sizeof(kName) - 1)));
  sites->session = sites->inspector->connect(kContextGroup, sites, v8_inspector::StringView());
  runtime->throw_sites = sites;
  sites->Send(R"({"id":1,"method":"Debugger.enable"})");
  sites->Send(R"({"id":2,"method":"Debugger.setPauseOnExceptions","params":{"state":"all"}})");
  return 0;
}
