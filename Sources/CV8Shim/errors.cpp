// Converting V8 exceptions into sg_error values.
#include "shim_internal.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace sg {

char *Duplicate(const std::string &text) {
  char *copy = static_cast<char *>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

std::string ToUtf8(v8::Isolate *isolate, v8::Local<v8::Value> value) {
  if (value.IsEmpty()) return std::string();
  v8::String::Utf8Value utf8(isolate, value);
  if (*utf8 == nullptr) return std::string("<unprintable value>");
  return std::string(*utf8, utf8.length());
}

namespace {
std::atomic<sg_message_writer> g_writer{nullptr};
}  // namespace

std::string Message(sg_status status, const std::string &subject, const std::string &detail) {
  sg_message_writer writer = g_writer.load();
  if (writer == nullptr) return "status " + std::to_string(status) + " " + subject + " " + detail;
  char *text = writer(status, subject.empty() ? nullptr : subject.c_str(),
                      detail.empty() ? nullptr : detail.c_str());
  std::string message = text == nullptr ? std::string() : std::string(text);
  std::free(text);
  return message;
}

void SetError(sg_error *error, sg_status status, const std::string &subject,
              const std::string &detail) {
  if (error == nullptr) return;
  sg_error_clear(error);
  error->message = Duplicate(Message(status, subject, detail));
  error->status = status;
}

v8::Local<v8::Value> NewError(v8::Isolate *isolate, sg_error_kind kind,
                              v8::Local<v8::String> message) {
  switch (kind) {
    case SG_KIND_TYPE_ERROR: return v8::Exception::TypeError(message);
    case SG_KIND_RANGE_ERROR: return v8::Exception::RangeError(message);
    default: return v8::Exception::Error(message);
  }
}

v8::Local<v8::Value> NewError(v8::Isolate *isolate, sg_error_kind kind, sg_status status,
                              const std::string &subject, const std::string &detail) {
  v8::Local<v8::String> text;
  if (!v8::String::NewFromUtf8(isolate, Message(status, subject, detail).c_str()).ToLocal(&text)) {
    text = v8::String::Empty(isolate);
  }
  return NewError(isolate, kind, text);
}

static void FillFromMessage(v8::Isolate *isolate, v8::Local<v8::Context> context,
                            v8::Local<v8::Message> message, sg_error *error) {
  if (message.IsEmpty()) return;
  v8::Local<v8::Value> resource = message->GetScriptResourceName();
  if (!resource.IsEmpty() && !resource->IsUndefined()) {
    error->resource = Duplicate(ToUtf8(isolate, resource));
  }
  error->line = message->GetLineNumber(context).FromMaybe(0);
  int column = message->GetStartColumn(context).FromMaybe(-1);
  error->column = column >= 0 ? column + 1 : 0;
}

static std::string StackOf(v8::Isolate *isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> exception) {
  if (exception.IsEmpty() || !exception->IsObject()) return std::string();
  v8::TryCatch guard(isolate);
  v8::Local<v8::Value> stack;
  if (!exception.As<v8::Object>()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate, "stack"))
           .ToLocal(&stack) ||
      !stack->IsString()) {
    return std::string();
  }
  return ToUtf8(isolate, stack);
}

static std::string Describe(v8::Isolate *isolate, v8::Local<v8::Context> context,
                            v8::Local<v8::Value> exception) {
  if (exception.IsEmpty()) return Message(SG_UNKNOWN_EXCEPTION);
  {
    v8::TryCatch guard(isolate);
    if (!exception->IsSymbol()) {
      std::string text = ToUtf8(isolate, exception);
      if (!guard.HasCaught() && text != "<unprintable value>") return text;
    }
  }
  // A Symbol, or a value whose toString throws: V8's side-effect-free description
  // ("Symbol(x)", "#<Object>") runs no JavaScript.
  v8::TryCatch guard(isolate);
  v8::Local<v8::String> detail;
  if (!context.IsEmpty() && exception->ToDetailString(context).ToLocal(&detail)) {
    std::string text = ToUtf8(isolate, detail);
    if (!guard.HasCaught() && !text.empty()) return text;
  }
  return Message(SG_UNPRINTABLE_EXCEPTION);
}

void CaptureExceptionValue(v8::Isolate *isolate, v8::Local<v8::Context> context,
                           v8::Local<v8::Value> exception, sg_error *error) {
  if (error == nullptr) return;
  sg_error_clear(error);
  error->status = SG_JS_EXCEPTION;
  error->message = Duplicate(Describe(isolate, context, exception));
  FillFromMessage(isolate, context, v8::Exception::CreateMessage(isolate, exception), error);
  // Prefer the frame the error was created in when V8 recorded one.
  v8::Local<v8::StackTrace> trace = v8::Exception::GetStackTrace(exception);
  if (!trace.IsEmpty() && trace->GetFrameCount() > 0) {
    v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, 0);
    v8::Local<v8::String> name = frame->GetScriptNameOrSourceURL();
    if (!name.IsEmpty()) {
      std::free(error->resource);
      error->resource = Duplicate(ToUtf8(isolate, name));
      error->line = frame->GetLineNumber();
      error->column = frame->GetColumn();
    }
  }
  std::string stack = StackOf(isolate, context, exception);
  if (!stack.empty()) error->stack = Duplicate(stack);
  ApplyThrowSite(isolate, exception, error);
}

void CaptureException(v8::Isolate *isolate, v8::Local<v8::Context> context,
                      v8::TryCatch &try_catch, sg_error *error) {
  if (error == nullptr) return;
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(kRuntimeSlot));
  if (try_catch.HasTerminated() && runtime != nullptr && runtime->heap_limit_reached) {
    SetError(error, SG_HEAP_LIMIT);
    return;
  }
  if (!try_catch.HasCaught()) {
    SetError(error, try_catch.HasTerminated() ? SG_TERMINATED : SG_UNKNOWN_EXCEPTION);
    return;
  }
  v8::Local<v8::Value> exception = try_catch.Exception();
  sg_error_clear(error);
  error->status = SG_JS_EXCEPTION;
  error->message = Duplicate(Describe(isolate, context, exception));
  FillFromMessage(isolate, context, try_catch.Message(), error);
  std::string stack = StackOf(isolate, context, exception);
  if (!stack.empty()) error->stack = Duplicate(stack);
  ApplyThrowSite(isolate, exception, error);
}

}  // namespace sg

extern "C" void sg_free(void *pointer) { std::free(pointer); }

extern "C" int sg_heap_limit_reached(sg_runtime *runtime) {
  return runtime != nullptr && runtime->heap_limit_reached ? 1 : 0;
}

extern "C" void sg_set_message_writer(sg_message_writer writer) { sg::g_writer.store(writer); }

extern "C" void sg_error_clear(sg_error *error) {
  if (error == nullptr) return;
  std::free(error->message);
  std::free(error->resource);
  std::free(error->stack);
  *error = sg_error{nullptr, nullptr, 0, 0, nullptr, SG_OK};
}
