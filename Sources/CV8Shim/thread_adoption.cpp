// Moving a runtime to another thread: V8 sets an isolate's stack limit from the thread that
// creates it, so a runtime booted on one thread (a pool's) and used on another needs a limit
// measured on the new thread, or deep recursion runs past the real end of its stack.
#include "shim_internal.h"

#include <pthread.h>

#include <cstdint>

namespace {

/// Room left between V8's limit and the lowest usable address of the stack, for the C++ and
/// Swift frames that run after V8 throws its RangeError.
constexpr uintptr_t kSafetyMargin = 64 * 1024;

/// The lowest usable address of the calling thread's stack, measured once per thread (for the
/// main thread glibc reads /proc/self/maps, so the value is kept). 0 when unknown.
uintptr_t StackFloorOfThisThread() {
  thread_local uintptr_t floor = 0;
  thread_local bool measured = false;
  if (!measured) {
    measured = true;
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
      void *low = nullptr;
      size_t size = 0;
      size_t guard = 0;
      if (pthread_attr_getstack(&attributes, &low, &size) == 0) {
        (void)pthread_attr_getguardsize(&attributes, &guard);
        floor = reinterpret_cast<uintptr_t>(low) + guard;
      }
      pthread_attr_destroy(&attributes);
    }
  }
  return floor;
}

}  // namespace

extern "C" void sg_runtime_adopt_current_thread(sg_runtime *runtime, size_t stack_size_kb) {
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  uintptr_t size = static_cast<uintptr_t>(stack_size_kb) * 1024;
  uintptr_t limit = here > size ? here - size : 0;
  uintptr_t floor = StackFloorOfThisThread();
  if (floor != 0 && limit < floor + kSafetyMargin) limit = floor + kSafetyMargin;
  // A limit at or above `here` (a stack smaller than the margin) makes every call a RangeError:
  // safe. V8 refuses 0, which only an address-space corner could produce.
  if (limit != 0) runtime->isolate->SetStackLimit(limit);
}
