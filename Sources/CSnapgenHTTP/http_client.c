// libcurl, declared here rather than through its headers (libcurl4-openssl-dev is not needed):
// the few functions and option numbers snapgen uses are part of libcurl's stable ABI
// (SONAME libcurl.so.4).
#include "snapgen_http.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void CURL;
struct curl_slist;
typedef int CURLcode;

enum {
  SG_CURLOPT_WRITEDATA = 10001,
  SG_CURLOPT_URL = 10002,
  SG_CURLOPT_ERRORBUFFER = 10010,
  SG_CURLOPT_POSTFIELDS = 10015,
  SG_CURLOPT_HTTPHEADER = 10023,
  SG_CURLOPT_CUSTOMREQUEST = 10036,
  SG_CURLOPT_WRITEFUNCTION = 20011,
  SG_CURLOPT_POSTFIELDSIZE_LARGE = 30120,
  SG_CURLOPT_NOSIGNAL = 99,
  SG_CURLOPT_HTTPGET = 80,
  SG_CURLOPT_TIMEOUT_MS = 155,
  SG_CURLOPT_CONNECTTIMEOUT_MS = 156,
  SG_CURLOPT_PROTOCOLS = 181,
  SG_CURLINFO_RESPONSE_CODE = 0x200002,
  SG_CURLPROTO_HTTP_HTTPS = 1 | 2,
  SG_CURL_GLOBAL_DEFAULT = 3,
  SG_CURL_ERROR_SIZE = 256,
};

static struct {
  CURLcode (*global_init)(long);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *, int, ...);
  CURLcode (*easy_perform)(CURL *);
  CURLcode (*easy_getinfo)(CURL *, int, ...);
  void (*easy_reset)(CURL *);
  const char *(*easy_strerror)(CURLcode);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
  int ready;
  char error[200];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

// One handle for the whole process, so that its requests share libcurl's connection cache: a
// build's four requests (manifest and snapshot, each a record and a blob) reuse one connection,
// and over HTTPS one TLS handshake. Requests take turns on it.
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;
static CURL *shared_handle;

static void load_library(void) {
  void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    snprintf(curl.error, sizeof curl.error, "cannot load libcurl.so.4 (%s)", reason ? reason : "unknown reason");
    return;
  }
#define SG_LOAD(field, symbol)                                                              \
  *(void **)(&curl.field) = dlsym(handle, symbol);                                          \
  if (!curl.field) {                                                                        \
    snprintf(curl.error, sizeof curl.error, "libcurl.so.4 lacks %s", symbol);               \
    return;                                                                                 \
  }
  SG_LOAD(global_init, "curl_global_init")
  SG_LOAD(easy_init, "curl_easy_init")
  SG_LOAD(easy_setopt, "curl_easy_setopt")
  SG_LOAD(easy_perform, "curl_easy_perform")
  SG_LOAD(easy_getinfo, "curl_easy_getinfo")
  SG_LOAD(easy_reset, "curl_easy_reset")
  SG_LOAD(easy_strerror, "curl_easy_strerror")
  SG_LOAD(slist_append, "curl_slist_append")
  SG_LOAD(slist_free_all, "curl_slist_free_all")
#undef SG_LOAD
  if (curl.global_init(SG_CURL_GLOBAL_DEFAULT) != 0) {
    snprintf(curl.error, sizeof curl.error, "libcurl failed to initialise");
    return;
  }
  curl.ready = 1;
}

int sg_http_load(char *error, size_t error_size) {
  pthread_once(&load_once, load_library);
  if (curl.ready) return 0;
  snprintf(error, error_size, "%s", curl.error);
  return -1;
}

typedef struct {
  unsigned char *bytes;
  size_t length;
  size_t capacity;
  size_t limit;
} sink;

static size_t collect(char *data, size_t size, size_t count, void *context) {
  sink *into = context;
  size_t chunk = size * count;
  if (chunk > into->limit - into->length) return 0;  // too large: CURLE_WRITE_ERROR
  if (into->length + chunk > into->capacity) {
    size_t capacity = into->capacity ? into->capacity : 16384;
    while (capacity < into->length + chunk) capacity *= 2;
    unsigned char *grown = realloc(into->bytes, capacity);
    if (!grown) return 0;
    into->bytes = grown;
    into->capacity = capacity;
  }
  memcpy(into->bytes + into->length, data, chunk);
  into->length += chunk;
  return chunk;
}

int sg_http_request(const char *method, const char *url, const char *authorization, const unsigned char *body,
                    size_t body_length, long connect_timeout_ms, long total_timeout_ms, size_t max_response,
                    sg_http_response *response) {
  memset(response, 0, sizeof *response);
  if (sg_http_load(response->error, sizeof response->error) != 0) return -2;
  pthread_mutex_lock(&shared_lock);
  if (shared_handle) {
    curl.easy_reset(shared_handle);  // options go; cached connections stay
  } else {
    shared_handle = curl.easy_init();
  }
  CURL *handle = shared_handle;
  if (!handle) {
    pthread_mutex_unlock(&shared_lock);
    snprintf(response->error, sizeof response->error, "libcurl could not create a request");
    return -1;
  }
  char curl_error[SG_CURL_ERROR_SIZE] = {0};
  sink into = {.limit = max_response};
  struct curl_slist *headers = NULL;
  char *authorization_line = NULL;
  if (authorization) {
    size_t size = strlen(authorization) + sizeof "Authorization: ";
    authorization_line = malloc(size);
    if (authorization_line) {
      snprintf(authorization_line, size, "Authorization: %s", authorization);
      headers = curl.slist_append(headers, authorization_line);
    }
  }
  headers = curl.slist_append(headers, "Expect:");
  int is_put = strcmp(method, "PUT") == 0;
  if (is_put) headers = curl.slist_append(headers, "Content-Type: application/octet-stream");

  curl.easy_setopt(handle, SG_CURLOPT_URL, url);
  curl.easy_setopt(handle, SG_CURLOPT_PROTOCOLS, (long)SG_CURLPROTO_HTTP_HTTPS);
  curl.easy_setopt(handle, SG_CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, SG_CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
  curl.easy_setopt(handle, SG_CURLOPT_TIMEOUT_MS, total_timeout_ms);
  curl.easy_setopt(handle, SG_CURLOPT_ERRORBUFFER, curl_error);
  curl.easy_setopt(handle, SG_CURLOPT_WRITEFUNCTION, collect);
  curl.easy_setopt(handle, SG_CURLOPT_WRITEDATA, &into);
  curl.easy_setopt(handle, SG_CURLOPT_HTTPHEADER, headers);
  if (is_put) {
    curl.easy_setopt(handle, SG_CURLOPT_CUSTOMREQUEST, "PUT");
    curl.easy_setopt(handle, SG_CURLOPT_POSTFIELDSIZE_LARGE, (long long)body_length);
    curl.easy_setopt(handle, SG_CURLOPT_POSTFIELDS, body ? (const char *)body : "");
  } else {
    curl.easy_setopt(handle, SG_CURLOPT_HTTPGET, 1L);
  }
  CURLcode code = curl.easy_perform(handle);
  int result = 0;
  if (code == 0) {
    long status = 0;
    curl.easy_getinfo(handle, SG_CURLINFO_RESPONSE_CODE, &status);
    response->status = status;
    response->body = into.bytes;
    response->length = into.length;
    into.bytes = NULL;
  } else {
    snprintf(response->error, sizeof response->error, "%s", curl_error[0] ? curl_error : curl.easy_strerror(code));
    response->timed_out = code == 28;  // CURLE_OPERATION_TIMEDOUT
    result = -1;
  }
  free(into.bytes);
  // Nothing the next request could read may stay behind on the handle.
  curl.easy_setopt(handle, SG_CURLOPT_HTTPHEADER, (void *)NULL);
  curl.easy_setopt(handle, SG_CURLOPT_ERRORBUFFER, (void *)NULL);
  curl.easy_setopt(handle, SG_CURLOPT_WRITEDATA, (void *)NULL);
  pthread_mutex_unlock(&shared_lock);
  curl.slist_free_all(headers);
  free(authorization_line);
  return result;
}

void sg_http_response_free(sg_http_response *response) {
  free(response->body);
  response->body = NULL;
  response->length = 0;
}
