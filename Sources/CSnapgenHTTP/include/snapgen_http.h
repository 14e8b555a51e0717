// A minimal HTTP client over Debian's libcurl, loaded with dlopen on first use so that no
// snapgen process links libcurl (or pays for loading it) unless it talks to a remote cache.
// The header names no curl type: Swift sees plain C.
#ifndef SNAPGEN_HTTP_H
#define SNAPGEN_HTTP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The answer to one request. `body` is malloc'ed (free it with sg_http_response_free).
typedef struct sg_http_response {
  long status;            // the HTTP status; 0 when no answer arrived
  unsigned char *_Nullable body;
  size_t length;
  char error[256];        // why the request failed when sg_http_request returned non-zero
  int timed_out;          // 1 when the failure was a time-out
} sg_http_response;

/// Loads libcurl once. Returns 0 when it is usable; otherwise writes the reason to `error`.
int sg_http_load(char *_Nonnull error, size_t error_size);

/// Performs one request. `method` is "GET" or "PUT"; `authorization` (nullable) becomes an
/// `Authorization:` header; `body` is sent for PUT. A response body longer than `max_response`
/// bytes ends the transfer with an error. Returns 0 when an HTTP answer arrived (any status),
/// -1 on a transport failure (connection, time-out, size limit), -2 when libcurl is missing.
int sg_http_request(const char *_Nonnull method, const char *_Nonnull url, const char *_Nullable authorization,
                    const unsigned char *_Nullable body, size_t body_length, long connect_timeout_ms,
                    long total_timeout_ms, size_t max_response, sg_http_response *_Nonnull response);

/// Frees a response's body.
void sg_http_response_free(sg_http_response *_Nonnull response);

#ifdef __cplusplus
}
#endif

#endif
