// The single native entry point for every op, and the value API op handlers use.
#include "shim_internal.h"

#include <cstring>
#include <deque>

namespace sg {

void OpDispatch(const v8::FunctionCallbackInfo<v8::Value> &info) {
  v8::Isolate *isolate = info.GetIsolate();
  auto *runtime = static_cast<sg_runtime *>(isolate->GetData(kRuntimeSlot));
  int32_t op_id = -1;
  if (info.Data()->IsInt32()) op_id = info.Data().As<v8::Int32>()->Value();
  if (runtime == nullptr) return;
  if (runtime->building) {
    std::string name = (op_id >= 0 && static_cast<size_t>(op_id) < runtime->op_names.size())
                           ? runtime->op_names[op_id]
                           : "#" + std::to_string(op_id);
    isolate->ThrowException(NewError(isolate, SG_KIND_ERROR, SG_OP_DURING_BUILD, name));
    return;
  }
  if (runtime->op_handler == nullptr) {
    isolate->ThrowException(NewError(isolate, SG_KIND_ERROR, SG_NO_OP_HANDLER));
    return;
  }
  v8::HandleScope scope(isolate);
  sg_call call{&info, isolate, isolate->GetCurrentContext(), {}, false, runtime};
  runtime->op_handler(runtime->op_handler_context, op_id, &call);
}

bool InstallOps(v8::Isolate *isolate, v8::Local<v8::Context> context,
                const std::vector<std::string> &names) {
  v8::Local<v8::Object> core = v8::Object::New(isolate);
  v8::Local<v8::Object> ops = v8::Object::New(isolate);
  for (size_t index = 0; index < names.size(); ++index) {
    v8::Local<v8::String> name;
    if (!v8::String::NewFromUtf8(isolate, names[index].c_str()).ToLocal(&name)) return false;
    v8::Local<v8::Function> function;
    if (!v8::Function::New(context, OpDispatch,
                           v8::Integer::New(isolate, static_cast<int32_t>(index)), 0,
                           v8::ConstructorBehavior::kThrow)
             .ToLocal(&function)) {
      return false;
    }
    function->SetName(name);
    if (ops->Set(context, name, function).IsNothing()) return false;
  }
  if (core->Set(context, v8::String::NewFromUtf8Literal(isolate, "ops"), ops).IsNothing()) {
    return false;
  }
  return context->Global()
      ->DefineOwnProperty(context, v8::String::NewFromUtf8Literal(isolate, "core"), core,
                          v8::DontEnum)
      .FromMaybe(false);
}

}  // namespace sg

// MARK: - Reading arguments

extern "C" int32_t sg_call_argc(const sg_call *call) { return call->info->Length(); }

extern "C" sg_value *sg_call_arg(sg_call *call, int32_t index) {
  return call->Keep((*call->info)[index]);
}

extern "C" sg_value_kind sg_value_kind_of(const sg_value *value) {
  v8::Local<v8::Value> v = value->handle;
  if (v->IsUndefined()) return SG_UNDEFINED;
  if (v->IsNull()) return SG_NULL;
  if (v->IsBoolean()) return SG_BOOLEAN;
  if (v->IsNumber()) return SG_NUMBER;
  if (v->IsString()) return SG_STRING;
  if (v->IsBigInt()) return SG_BIGINT;
  if (v->IsArrayBuffer() || v->IsArrayBufferView()) return SG_BYTES;
  if (v->IsArray()) return SG_ARRAY;
  if (v->IsFunction()) return SG_FUNCTION;
  if (v->IsObject()) {
    v8::Local<v8::Object> object = v.As<v8::Object>();
    v8::Local<v8::Value> prototype = object->GetPrototype();
    if (prototype->IsNull()) return SG_OBJECT;
    if (prototype->IsObject() && prototype.As<v8::Object>()->GetPrototype()->IsNull() &&
        !v->IsPromise() && !v->IsMap() && !v->IsSet() && !v->IsDate() && !v->IsRegExp() &&
        !v->IsProxy()) {
      return SG_OBJECT;
    }
  }
  return SG_OTHER;
}

extern "C" int sg_value_boolean(const sg_value *value) {
  return value->handle->IsTrue() ? 1 : 0;
}

extern "C" double sg_value_number(const sg_value *value) {
  if (!value->handle->IsNumber()) return 0;
  return value->handle.As<v8::Number>()->Value();
}

extern "C" char *sg_value_string(sg_call *call, const sg_value *value, size_t *length) {
  v8::TryCatch guard(call->isolate);
  std::string text = sg::ToUtf8(call->isolate, value->handle);
  if (length != nullptr) *length = text.size();
  return sg::Duplicate(text);
}

extern "C" const uint8_t *sg_value_bytes(const sg_value *value, size_t *length) {
  v8::Local<v8::Value> v = value->handle;
  if (v->IsArrayBuffer()) {
    auto store = v.As<v8::ArrayBuffer>()->GetBackingStore();
    *length = store->ByteLength();
    return static_cast<const uint8_t *>(store->Data());
  }
  if (v->IsArrayBufferView()) {
    auto view = v.As<v8::ArrayBufferView>();
    auto store = view->Buffer()->GetBackingStore();
    *length = view->ByteLength();
    return static_cast<const uint8_t *>(store->Data()) + view->ByteOffset();
  }
  *length = 0;
  return nullptr;
}

extern "C" uint32_t sg_value_array_length(const sg_value *value) {
  return value->handle->IsArray() ? value->handle.As<v8::Array>()->Length() : 0;
}

extern "C" sg_value *sg_value_array_get(sg_call *call, const sg_value *value, uint32_t index) {
  v8::Local<v8::Value> item;
  if (!value->handle->IsObject() ||
      !value->handle.As<v8::Object>()->Get(call->context, index).ToLocal(&item)) {
    item = v8::Undefined(call->isolate);
  }
  return call->Keep(item);
}

extern "C" sg_value *sg_value_object_keys(sg_call *call, const sg_value *value) {
  v8::Local<v8::Array> keys;
  if (!value->handle->IsObject() ||
      !value->handle.As<v8::Object>()
           ->GetOwnPropertyNames(call->context, v8::ONLY_ENUMERABLE,
                                 v8::KeyConversionMode::kConvertToString)
           .ToLocal(&keys)) {
    keys = v8::Array::New(call->isolate);
  }
  return call->Keep(keys);
}

extern "C" sg_value *sg_value_object_get(sg_call *call, const sg_value *value, const char *key,
                                         size_t key_length) {
  v8::Local<v8::Value> item;
  v8::Local<v8::String> name;
  if (!value->handle->IsObject() ||
      !v8::String::NewFromUtf8(call->isolate, key, v8::NewStringType::kNormal,
                               static_cast<int>(key_length))
           .ToLocal(&name) ||
      !value->handle.As<v8::Object>()->Get(call->context, name).ToLocal(&item)) {
    item = v8::Undefined(call->isolate);
  }
  return call->Keep(item);
}

// MARK: - Making values

extern "C" sg_value *sg_call_undefined(sg_call *call) {
  return call->Keep(v8::Undefined(call->isolate));
}
extern "C" sg_value *sg_call_null(sg_call *call) { return call->Keep(v8::Null(call->isolate)); }
extern "C" sg_value *sg_call_boolean(sg_call *call, int value) {
  return call->Keep(v8::Boolean::New(call->isolate, value != 0));
}
extern "C" sg_value *sg_call_number(sg_call *call, double value) {
  return call->Keep(v8::Number::New(call->isolate, value));
}
extern "C" sg_value *sg_call_string(sg_call *call, const char *utf8, size_t length) {
  v8::Local<v8::String> text;
  if (utf8 == nullptr || length == 0) return call->Keep(v8::String::Empty(call->isolate));
  if (!v8::String::NewFromUtf8(call->isolate, utf8, v8::NewStringType::kNormal,
                               static_cast<int>(length))
           .ToLocal(&text)) {
    text = v8::String::Empty(call->isolate);
  }
  return call->Keep(text);
}
extern "C" sg_value *sg_call_bytes(sg_call *call, const uint8_t *bytes, size_t length) {
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(call->isolate, length);
  if (length > 0) std::memcpy(buffer->GetBackingStore()->Data(), bytes, length);
  return call->Keep(v8::Uint8Array::New(buffer, 0, length));
}
extern "C" sg_value *sg_call_array(sg_call *call) {
  return call->Keep(v8::Array::New(call->isolate));
}
extern "C" sg_value *sg_call_object(sg_call *call) {
  return call->Keep(v8::Object::New(call->isolate));
}
extern "C" void sg_value_array_push(sg_call *call, sg_value *array, sg_value *item) {
  if (!array->handle->IsArray()) return;
  v8::Local<v8::Array> target = array->handle.As<v8::Array>();
  (void)target->Set(call->context, target->Length(), item->handle);
}
extern "C" void sg_value_object_set(sg_call *call, sg_value *object, const char *key,
                                    size_t key_length, sg_value *item) {
  v8::Local<v8::String> name;
  if (!object->handle->IsObject() ||
      !v8::String::NewFromUtf8(call->isolate, key, v8::NewStringType::kNormal,
                               static_cast<int>(key_length))
           .ToLocal(&name)) {
    return;
  }
  (void)object->handle.As<v8::Object>()->Set(call->context, name, item->handle);
}

extern "C" void sg_call_return(sg_call *call, sg_value *value) {
  if (call->threw) return;
  call->info->GetReturnValue().Set(value->handle);
}

extern "C" void sg_call_throw(sg_call *call, sg_error_kind kind, const char *message) {
  v8::Local<v8::String> text;
  v8::Local<v8::Value> exception;
  if (v8::String::NewFromUtf8(call->isolate, message).ToLocal(&text)) {
    exception = sg::NewError(call->isolate, kind, text);
  } else {
    exception = sg::NewError(call->isolate, kind, SG_OP_MESSAGE_INVALID);
  }
  call->isolate->ThrowException(exception);
  call->threw = true;
}
