import CV8Shim
import Glibc

/// The sentences for the shim's statuses. The shim decides only *what* happened (an
/// `sg_status`, with a subject and detail); the words users read are written here, and handed to
/// the shim as its message writer for the errors it throws into JavaScript.
enum ShimMessage {
  /// The text for `status`; `subject` and `detail` are the status's parameters (see CV8Shim.h).
  static func text(_ status: sg_status, subject: String = "", detail: String = "") -> String {
    switch status {
    case SG_NOT_INITIALIZED: "V8 is not initialised in this process"
    case SG_ALREADY_INITIALIZED: "V8 is already initialised in this process"
    case SG_NO_CONTEXT: "V8 could not create a context"
    case SG_OPS_NOT_INSTALLED: "could not install core.ops"
    case SG_SERIALIZED: "the runtime was serialised and can no longer run code"
    case SG_NOT_A_SNAPSHOT_CREATOR: "this runtime was not made for snapshotting, or is already serialised"
    case SG_NO_BLOB: "V8 produced no snapshot"
    case SG_OUT_OF_MEMORY: "out of memory"
    case SG_SCRIPT_TOO_LARGE: "the script is too large for V8"
    case SG_MODULE_TOO_LARGE: "module source is too large for V8"
    case SG_JSON_MODULE_TOO_LARGE: "JSON module is too large for V8"
    case SG_TERMINATED: "execution was terminated"
    case SG_UNPRINTABLE_EXCEPTION: "an exception whose toString() throws"
    case SG_UNKNOWN_MODULE: "unknown module id \(subject)"
    case SG_OP_DURING_BUILD:
      "op \(subject) cannot run while building a snapshot; call it from a function that runs after boot"
    case SG_NO_OP_HANDLER: "this runtime has no op implementations"
    case SG_DYNAMIC_IMPORT_DURING_BUILD:
      "import('\(subject)') in \(detail) cannot run while building a snapshot; use a static import"
    case SG_DYNAMIC_IMPORT_UNSUPPORTED: "import('\(subject)') in \(detail) is not supported by this runtime"
    case SG_UNRESOLVED_IMPORT: "Cannot resolve module '\(subject)'"
    case SG_OP_MESSAGE_INVALID: "op failed"
    case SG_HEAP_LIMIT:
      "JavaScript ran out of memory: the V8 heap reached its limit and execution was stopped (raise it with --v8-flag=--max-old-space-size=<MB> if the program needs more)"
    case SG_BASE_MODULE_MISSING:
      "the base snapshot holds no module in slot \(subject); rebuild the base with this snapgen (it exposes its modules to snapshots built on top)"
    case SG_MAIN_NOT_A_FUNCTION: "main '\(subject)' is not a function: \(detail)"
    case SG_THROW_SITES_UNAVAILABLE: "throw sites cannot be recorded in a runtime that builds a snapshot"
    default: "unknown error"
    }
  }

  /// The shim's message writer: ``text(_:subject:detail:)`` as malloc'd UTF-8.
  static let writer: sg_message_writer = { status, subject, detail in
    strdup(text(status, subject: subject.map { String(cString: $0) } ?? "", detail: detail.map { String(cString: $0) } ?? ""))
  }
}
