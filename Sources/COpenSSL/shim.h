// Debian's OpenSSL 3 (libssl-dev): SHA-256 and Ed25519 through the EVP interface.
// libnode already loads libcrypto.so.3, so a runtime process pays nothing extra for it.
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/err.h>
