// Promises shared with Swift, value scopes outside op calls, unhandled rejections and
// termination: what the event loop needs from V8.
#include "shim_internal.h"

namespace {

/// A scope opened from Swift: the V8 scopes an op callback would already be inside.
struct OpenScope {
  v8::Isolate::Scope isolate_scope;
  v8::HandleScope handle_scope;
  v8::Context::Scope context_scope;
  sg_call call;

  OpenScope(sg_runtime *runtime)
      : isolate_scope(runtime->isolate),
        handle_scope(runtime->isolate),
        context_scope(runtime->context.Get(runtime->isolate)),
        call{nullptr, runtime->isolate, runtime->context.Get(runtime->isolate), {}, false,
             runtime, this} {}
};

int64_t Track(sg_runtime *runtime, v8::Local<v8::Promise> promise) {
  int64_t id = runtime->next_promise_id++;
  runtime->tracked.emplace(id, v8::Global<v8::Promise>(runtime->isolate, promise));
  return id;
}

}  // namespace

namespace sg {

void OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate *isolate = promise->GetIsolate();
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(kRuntimeSlot));
  if (runtime == nullptr) return;
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      runtime->rejections.emplace_back(v8::Global<v8::Promise>(isolate, promise),
                                       v8::Global<v8::Value>(isolate, message.GetValue()));
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      for (auto it = runtime->rejections.begin(); it != runtime->rejections.end(); ++it) {
        if (it->first == promise) {
          runtime->rejections.erase(it);
          break;
        }
      }
      break;
    default:
      break;
  }
}

}  // namespace sg

extern "C" int64_t sg_call_promise(sg_call *call) {
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(call->context).ToLocal(&resolver)) return -1;
  sg_runtime *runtime = call->runtime;
  int64_t id = runtime->next_promise_id++;
  runtime->resolvers.emplace(id, v8::Global<v8::Promise::Resolver>(call->isolate, resolver));
  if (call->info != nullptr && !call->threw) call->info->GetReturnValue().Set(resolver->GetPromise());
  return id;
}

extern "C" sg_value *sg_call_error_value(sg_call *call, sg_error_kind kind, const char *message) {
  v8::Local<v8::String> text;
  if (!v8::String::NewFromUtf8(call->isolate, message == nullptr ? "" : message).ToLocal(&text)) {
    text = v8::String::Empty(call->isolate);
  }
  return call->Keep(sg::NewError(call->isolate, kind, text));
}

extern "C" sg_call *sg_scope_open(sg_runtime *runtime) {
  if (runtime->blob_created || runtime->context.IsEmpty()) return nullptr;
  auto *scope = new OpenScope(runtime);
  return &scope->call;
}

extern "C" void sg_scope_close(sg_call *call) {
  if (call == nullptr) return;
  delete static_cast<OpenScope *>(call->owner);
}

extern "C" int sg_promise_settle(sg_call *scope, int64_t promise_id, int reject,
                                 sg_value *value) {
  sg_runtime *runtime = scope->runtime;
  auto found = runtime->resolvers.find(promise_id);
  if (found == runtime->resolvers.end()) return -1;
  v8::Local<v8::Promise::Resolver> resolver = found->second.Get(scope->isolate);
  runtime->resolvers.erase(found);
  v8::Local<v8::Value> result =
      value == nullptr ? v8::Undefined(scope->isolate).As<v8::Value>() : value->handle;
  v8::TryCatch guard(scope->isolate);
  if (reject) {
    (void)resolver->Reject(scope->context, result);
  } else {
    (void)resolver->Resolve(scope->context, result);
  }
  return 0;
}

extern "C" sg_promise_state sg_promise_state_of(sg_runtime *runtime, int64_t promise_id,
                                                sg_error *error) {
  auto found = runtime->tracked.find(promise_id);
  if (found == runtime->tracked.end()) return SG_PROMISE_PENDING;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::Local<v8::Promise> promise = found->second.Get(isolate);
  switch (promise->State()) {
    case v8::Promise::kPending:
      return SG_PROMISE_PENDING;
    case v8::Promise::kFulfilled:
      return SG_PROMISE_FULFILLED;
    case v8::Promise::kRejected:
      sg::CaptureExceptionValue(isolate, context, promise->Result(), error);
      return SG_PROMISE_REJECTED;
  }
  return SG_PROMISE_PENDING;
}

extern "C" void sg_promise_forget(sg_runtime *runtime, int64_t promise_id) {
  runtime->tracked.erase(promise_id);
  runtime->resolvers.erase(promise_id);
}

extern "C" int sg_module_evaluate_async(sg_runtime *runtime, int32_t module_id,
                                        int64_t *pending, sg_error *error) {
  *pending = -1;
  if (!sg::IsKnownModule(runtime, module_id, error)) return -1;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Module> module = runtime->modules[module_id].Get(isolate);
  v8::Local<v8::Value> result;
  if (!module->Evaluate(context).ToLocal(&result)) {
    sg::CaptureException(isolate, context, try_catch, error);
    return -1;
  }
  isolate->PerformMicrotaskCheckpoint();
  if (module->GetStatus() == v8::Module::kErrored) {
    sg::CaptureExceptionValue(isolate, context, module->GetException(), error);
    return -1;
  }
  if (result->IsPromise()) {
    v8::Local<v8::Promise> promise = result.As<v8::Promise>();
    if (promise->State() == v8::Promise::kRejected) {
      sg::CaptureExceptionValue(isolate, context, promise->Result(), error);
      return -1;
    }
    if (promise->State() == v8::Promise::kPending) *pending = Track(runtime, promise);
  }
  return 0;
}

extern "C" int sg_take_unhandled_rejection(sg_runtime *runtime, sg_error *error) {
  if (runtime->rejections.empty() || runtime->blob_created) return 0;
  v8::Isolate *isolate = runtime->isolate;
  sg::EnteredContext entered(runtime);
  v8::Local<v8::Context> context = entered.context;
  auto first = std::move(runtime->rejections.front());
  runtime->rejections.erase(runtime->rejections.begin());
  sg::CaptureExceptionValue(isolate, context, first.second.Get(isolate), error);
  return 1;
}

extern "C" void sg_terminate(sg_runtime *runtime) { runtime->isolate->TerminateExecution(); }

extern "C" void sg_resume_after_terminate(sg_runtime *runtime) {
  runtime->isolate->CancelTerminateExecution();
}
