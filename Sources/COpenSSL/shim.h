// Debian's OpenSSL 3 (libssl-dev): SHA-256 and Ed25519 through the EVP interface.
// libnode already loads libcrypto.so.3, so a runtime process pays nothing extra for it.
// SHA-256 uses OpenSSL's low-level SHA256_* functions, deprecated (not removed) in 3.0: the
// EVP interface's first digest loads the configuration and providers, about 5 million
// instructions that a runtime's boot paid for hashing a few hundred bytes (measured with
// callgrind). Suppressing the deprecation keeps their declarations free of warnings.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/err.h>
