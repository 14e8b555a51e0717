// CV8Shim: the only C++ in snapgen. A thin C interface over V8 10.2: mechanism only. Which V8
// flags to use, when to initialise, which isolates may coexist, and every sentence a user reads
// are decided in Swift (SnapshotKit/Engine); the shim reports what happened as an sg_status and
// asks Swift's message writer (sg_set_message_writer) for the text of errors it must throw into
// JavaScript.
//
// Conventions:
// - Functions that can fail return 0 on success and -1 on failure, filling the sg_error given
//   (which the caller releases with sg_error_clear). Functions returning ids return -1 on failure.
// - Strings handed out are malloc'd UTF-8 and released with sg_free.
// - A runtime is confined to one thread at a time and is never shared.
#ifndef CV8SHIM_H
#define CV8SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Errors

/// What went wrong. SG_JS_EXCEPTION carries V8's own message; for the others the message is
/// the message writer's text for the status.
typedef enum sg_status {
  SG_OK = 0,
  SG_JS_EXCEPTION = 1,             ///< JavaScript threw (or a promise rejected).
  SG_NOT_INITIALIZED = 2,          ///< sg_v8_initialize has not run.
  SG_ALREADY_INITIALIZED = 3,      ///< sg_v8_initialize ran before.
  // 4 is unused: refusing isolate kinds V8 10.2 cannot mix is Swift's rule (V8Isolate).
  // 5 is unused: it refused a creator on a base blob, which app snapshots now do.
  SG_NO_CONTEXT = 6,               ///< V8 could not create a context.
  SG_OPS_NOT_INSTALLED = 7,        ///< core.ops could not be installed.
  SG_SERIALIZED = 8,               ///< The runtime was serialised and can no longer run code.
  SG_NOT_A_SNAPSHOT_CREATOR = 9,   ///< sg_create_blob on the wrong kind of runtime.
  SG_NO_BLOB = 10,                 ///< V8 produced no snapshot.
  SG_OUT_OF_MEMORY = 11,
  SG_SCRIPT_TOO_LARGE = 12,
  SG_MODULE_TOO_LARGE = 13,        ///< Thrown into JS as a RangeError.
  SG_JSON_MODULE_TOO_LARGE = 14,
  SG_TERMINATED = 15,              ///< Execution was terminated (sg_terminate).
  SG_UNKNOWN_EXCEPTION = 16,       ///< Something failed without an exception.
  SG_UNPRINTABLE_EXCEPTION = 17,   ///< An exception whose toString() throws.
  SG_UNKNOWN_MODULE = 18,          ///< subject: the module id.
  SG_OP_DURING_BUILD = 19,         ///< Thrown into JS; subject: the op name (or #id).
  SG_NO_OP_HANDLER = 20,           ///< Thrown into JS: the runtime has no op handler.
  SG_DYNAMIC_IMPORT_DURING_BUILD = 21,  ///< Rejects import(); subject: specifier, detail: referrer.
  SG_DYNAMIC_IMPORT_UNSUPPORTED = 22,   ///< Rejects import(); subject: specifier, detail: referrer.
  SG_UNRESOLVED_IMPORT = 23,       ///< Thrown while linking; subject: the specifier.
  SG_OP_MESSAGE_INVALID = 24,      ///< An op's error message could not become a JS string.
  SG_HEAP_LIMIT = 25,              ///< Execution was stopped because the heap reached its limit.
  SG_BASE_MODULE_MISSING = 26,     ///< A base snapshot holds no module at a slot; subject: the slot.
  SG_MAIN_NOT_A_FUNCTION = 27,     ///< subject: the export (or slot), detail: why.
  SG_THROW_SITES_UNAVAILABLE = 28, ///< Throw sites cannot be recorded in this runtime.
} sg_status;

/// A JavaScript exception or a failure of the shim, with the location V8 reported.
typedef struct sg_error {
  char *message;   ///< "TypeError: x is not a function"; NULL when no error.
  char *resource;  ///< Script or module name, NULL when unknown.
  int32_t line;    ///< 1-based; 0 when unknown.
  int32_t column;  ///< 1-based; 0 when unknown.
  char *stack;     ///< The exception's stack, NULL when it has none.
  sg_status status;  ///< SG_OK when no error.
} sg_error;

void sg_error_clear(sg_error *error);
void sg_free(void *pointer);

/// Writes the text for a status: `subject` and `detail` (either may be NULL) are the
/// status's parameters (see sg_status). Returns malloc'd UTF-8, which the shim frees.
typedef char *(*sg_message_writer)(sg_status status, const char *subject, const char *detail);
/// Sets the process's message writer (before any runtime exists). Without one, the text is the
/// status's number and parameters.
void sg_set_message_writer(sg_message_writer writer);

/// The kind of a JavaScript error an op throws or rejects with.
typedef enum sg_error_kind {
  SG_KIND_ERROR = 0,
  SG_KIND_TYPE_ERROR = 1,
  SG_KIND_RANGE_ERROR = 2,
} sg_error_kind;

// MARK: - Process

/// Initialises V8 once per process with the given flags (space separated, may be empty).
/// A second call fails with SG_ALREADY_INITIALIZED.
int sg_v8_initialize(const char *flags, sg_error *error);
/// The version string of the linked V8, e.g. "10.2.154.26-node.37".
const char *sg_v8_version(void);

/// A description of the shim's external-reference table (one entry per line). It is part of
/// the op-table contract: a snapshot built against one layout cannot boot against another.
const char *sg_external_reference_layout(void);

// MARK: - Ops

/// One op invocation, valid only during the handler call.
typedef struct sg_call sg_call;
/// A JavaScript value handle, valid only during the handler call that produced it.
typedef struct sg_value sg_value;

typedef enum sg_value_kind {
  SG_UNDEFINED = 0,
  SG_NULL = 1,
  SG_BOOLEAN = 2,
  SG_NUMBER = 3,
  SG_STRING = 4,
  SG_BYTES = 5,    ///< ArrayBuffer or ArrayBufferView.
  SG_ARRAY = 6,
  SG_OBJECT = 7,   ///< A plain object.
  SG_BIGINT = 8,
  SG_FUNCTION = 9,
  SG_OTHER = 10,   ///< Symbols, promises, class instances …
} sg_value_kind;

/// Called for every op invocation after boot.
typedef void (*sg_op_handler)(void *context, int32_t op_id, sg_call *call);

int32_t sg_call_argc(const sg_call *call);
sg_value *sg_call_arg(sg_call *call, int32_t index);
sg_value_kind sg_value_kind_of(const sg_value *value);
int sg_value_boolean(const sg_value *value);
double sg_value_number(const sg_value *value);
/// The value's UTF-8 text (any kind is converted as JavaScript's String() would), malloc'd.
char *sg_value_string(sg_call *call, const sg_value *value, size_t *length);
/// The bytes of an ArrayBuffer or view: pointer into JS memory, valid during the call.
const uint8_t *sg_value_bytes(const sg_value *value, size_t *length);
uint32_t sg_value_array_length(const sg_value *value);
sg_value *sg_value_array_get(sg_call *call, const sg_value *value, uint32_t index);
/// Own enumerable string keys of a plain object as an array value.
sg_value *sg_value_object_keys(sg_call *call, const sg_value *value);
sg_value *sg_value_object_get(sg_call *call, const sg_value *value, const char *key, size_t key_length);

sg_value *sg_call_undefined(sg_call *call);
sg_value *sg_call_null(sg_call *call);
sg_value *sg_call_boolean(sg_call *call, int value);
sg_value *sg_call_number(sg_call *call, double value);
sg_value *sg_call_string(sg_call *call, const char *utf8, size_t length);
sg_value *sg_call_bytes(sg_call *call, const uint8_t *bytes, size_t length);
sg_value *sg_call_array(sg_call *call);
sg_value *sg_call_object(sg_call *call);
void sg_value_array_push(sg_call *call, sg_value *array, sg_value *item);
void sg_value_object_set(sg_call *call, sg_value *object, const char *key, size_t key_length, sg_value *item);

void sg_call_return(sg_call *call, sg_value *value);
/// Throws a JavaScript error of the given kind.
void sg_call_throw(sg_call *call, sg_error_kind kind, const char *message);

// MARK: - Runtimes

typedef struct sg_runtime sg_runtime;

/// 1 once the near-heap-limit callback stopped this runtime's JavaScript (SG_HEAP_LIMIT).
int sg_heap_limit_reached(sg_runtime *runtime);

typedef struct sg_runtime_options {
  /// Snapshot blob to boot from (ownership passes to the runtime, which frees it with free()),
  /// or NULL for V8's built-in snapshot.
  uint8_t *snapshot;
  size_t snapshot_length;
  /// Non-zero to create a SnapshotCreator isolate whose state sg_create_blob serialises.
  int for_snapshot;
  /// Op names installed as core.ops.<name> when the context is new (not from a snapshot).
  const char *const *op_names;
  int32_t op_count;
  /// Receives op calls after boot; NULL makes every op call throw.
  sg_op_handler op_handler;
  void *op_handler_context;
  /// For a SnapshotCreator isolate: when > 0 and the program has not set Error.stackTraceLimit,
  /// it is set to this while the snapshot is built (V8 captures no stacks there otherwise) and
  /// removed again before serialising. Ignored for other isolates.
  int32_t build_stack_trace_limit;
} sg_runtime_options;

/// Creates a runtime; V8 must be initialised (else SG_NOT_INITIALIZED).
sg_runtime *sg_runtime_new(const sg_runtime_options *options, sg_error *error);
void sg_runtime_free(sg_runtime *runtime);
/// How long sg_runtime_new spent in Isolate::New and in Context::New, in nanoseconds.
void sg_runtime_boot_phases(const sg_runtime *runtime, int64_t *isolate_ns, int64_t *context_ns);

/// Runs a classic script; on success *result (if given) holds String(completion value).
int sg_script_run(sg_runtime *runtime, const char *resource_name, const char *source,
                  size_t length, char **result, sg_error *error);
/// Runs pending microtasks.
void sg_run_microtasks(sg_runtime *runtime);

// MARK: - Modules

/// One import request of a module: specifier and 1-based source location.
typedef struct sg_module_request {
  char *specifier;
  int32_t line;
  int32_t column;
  char *assertion_type;  ///< The `type` import assertion, or NULL.
} sg_module_request;

void sg_module_requests_free(sg_module_request *requests, size_t count);

/// Parses a module without keeping it and lists its import requests in source order.
int sg_module_parse(sg_runtime *runtime, const char *resource_name, const char *source,
                    size_t length, sg_module_request **requests, size_t *count, sg_error *error);

/// Compiles a module and keeps it in the runtime; returns its id (0, 1, …) or -1.
/// 1 when the module or a module it imports has a top-level await (V8's IsGraphAsync), 0 when
/// not, -1 for an unknown id.
int sg_module_is_graph_async(sg_runtime *runtime, int32_t module_id);

int32_t sg_module_compile(sg_runtime *runtime, const char *resource_name, const char *source,
                          size_t length, sg_error *error);
/// Creates a JSON module (a default export of the parsed value); returns its id or -1.
int32_t sg_module_json(sg_runtime *runtime, const char *resource_name, const char *source,
                       size_t length, sg_error *error);

/// Resolves `specifier` imported by module `referrer`; returns the target module id or -1.
typedef int32_t (*sg_resolve_callback)(void *context, int32_t referrer, const char *specifier);

int sg_module_instantiate(sg_runtime *runtime, int32_t module, sg_resolve_callback resolve,
                          void *context, sg_error *error);

// MARK: - Snapshots

/// Serialises the runtime's context. Afterwards only sg_runtime_free may be called.
/// keep_function_code: non-zero keeps compiled bytecode, zero clears it (functions recompile
/// lazily). *blob is malloc'd.
int sg_create_blob(sg_runtime *runtime, int keep_function_code, uint8_t **blob, size_t *length,
                   sg_error *error);

// MARK: - Promises, scopes and the event loop

/// Makes the op return a new promise and gives its id; settle it later with sg_promise_settle.
int64_t sg_call_promise(sg_call *call);
/// An Error object of the given kind as a value.
sg_value *sg_call_error_value(sg_call *call, sg_error_kind kind, const char *message);

/// Opens a scope for making values outside an op call (e.g. to settle a promise from the event
/// loop). Values made in it live until sg_scope_close. Returns NULL after sg_create_blob.
sg_call *sg_scope_open(sg_runtime *runtime);
void sg_scope_close(sg_call *scope);

/// Resolves (reject == 0) or rejects a promise made by sg_call_promise, then forgets it.
/// Returns -1 when the id is unknown.
int sg_promise_settle(sg_call *scope, int64_t promise_id, int reject, sg_value *value);

typedef enum sg_promise_state {
  SG_PROMISE_PENDING = 0,
  SG_PROMISE_FULFILLED = 1,
  SG_PROMISE_REJECTED = 2,
} sg_promise_state;

/// The state of a tracked promise; a rejection's reason is put into *error.
sg_promise_state sg_promise_state_of(sg_runtime *runtime, int64_t promise_id, sg_error *error);
void sg_promise_forget(sg_runtime *runtime, int64_t promise_id);

/// Evaluates an instantiated module and drains microtasks; fails on a throw or a rejected
/// top-level await. A top-level await still pending after the microtasks is not an error: the
/// evaluation promise is tracked and its id stored in *pending (else *pending = -1).
int sg_module_evaluate_async(sg_runtime *runtime, int32_t module, int64_t *pending,
                             sg_error *error);

/// Takes the oldest promise rejection that still has no handler; returns 1 and fills *error
/// with the reason and its location, or 0 when there is none.
int sg_take_unhandled_rejection(sg_runtime *runtime, sg_error *error);

/// Stops the JavaScript running now (e.g. for an exit op); later calls fail until cleared.
void sg_terminate(sg_runtime *runtime);
/// Lets the runtime run JavaScript again after sg_terminate (once the loop has stopped).
void sg_resume_after_terminate(sg_runtime *runtime);
// MARK: - Heap maintenance for pre-flight checks

/// Ends the current job (dropping WeakRef keep-alives) and runs a full garbage collection, so
/// that pre-flight checks see only objects the program still reaches. Returns -1 on a runtime
/// that was already serialised.
int sg_preflight_collect_garbage(sg_runtime *runtime);

// MARK: - Throw sites

/// Starts recording where exceptions are thrown and promises rejected in this runtime (a
/// debugger session that stops at each, notes the place and the value, and goes on). From then
/// on, every error the shim reports for a value that was thrown carries the place of its last
/// throw instead of where it was created. Slow: for diagnosing a failure again in a fresh
/// runtime, never on a snapshot creator (SG_THROW_SITES_UNAVAILABLE).
int sg_throw_sites_start(sg_runtime *runtime, sg_error *error);

// MARK: - Anatomy (snapgen anatomy)

/// Takes a heap snapshot of the runtime (before sg_create_blob) and gives V8's .heapsnapshot
/// JSON in *json (malloc'd, *length bytes). The profiler's copy is deleted before returning.
int sg_anatomy_heap_snapshot(sg_runtime *runtime, char **json, size_t *length, sg_error *error);

/// One heap space's statistics, as V8's GetHeapSpaceStatistics reports them.
typedef struct sg_heap_space {
  char name[40];
  size_t size;
  size_t used;
  size_t available;
  size_t physical;
} sg_heap_space;

/// Fills up to `capacity` spaces; returns how many were filled (0 after sg_create_blob).
size_t sg_anatomy_heap_spaces(sg_runtime *runtime, sg_heap_space *spaces, size_t capacity);

// MARK: - Moving a runtime to another thread

/// Sets the runtime's stack limit for the calling thread: `stack_size_kb` below the caller's
/// frame (V8's --stack-size), never closer than a safety margin to the thread's real stack end.
/// V8 measures the limit on the thread that creates an isolate; call this on the thread that
/// uses a runtime created elsewhere, before it runs JavaScript there.
void sg_runtime_adopt_current_thread(sg_runtime *runtime, size_t stack_size_kb);

// MARK: - Layered snapshots (layers.cpp)

/// Keeps the given modules in the snapshot, in order, as data slots 0, 1, … of the default
/// context, so that a snapshot built on top of this one can link to them. Creator runtimes only.
int sg_snapshot_expose_modules(sg_runtime *runtime, const int32_t *module_ids, size_t count,
                               sg_error *error);
/// In a creator runtime started from a base blob: takes the base's `count` exposed modules
/// (slots 0 …) and fills module_ids with their ids in this runtime (SG_BASE_MODULE_MISSING when
/// a slot holds no module).
int sg_snapshot_take_base_modules(sg_runtime *runtime, size_t count, int32_t *module_ids,
                                  sg_error *error);
/// Keeps the function exported as `export_name` by an evaluated module in the next data slot
/// and stores the slot in *slot (SG_MAIN_NOT_A_FUNCTION when it is not a function).
int sg_snapshot_keep_main(sg_runtime *runtime, int32_t module_id, const char *export_name,
                          size_t *slot, sg_error *error);
/// Calls the main function kept in `slot` (once per runtime) with one argument, an array of the
/// given strings; its result, awaited, is a tracked promise whose id goes to *promise_id.
int sg_main_call(sg_runtime *runtime, size_t slot, const char *const *arguments,
                 int32_t argument_count, int64_t *promise_id, sg_error *error);
/// The result of a fulfilled tracked promise when it is a Number: stores it in `*value` and
/// returns 1; returns 0 for any other result, -1 when the promise is unknown or not fulfilled.
int sg_promise_result_number(sg_runtime *runtime, int64_t promise_id, double *value);

#ifdef __cplusplus
}
#endif

#endif
