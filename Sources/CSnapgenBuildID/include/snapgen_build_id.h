// The GNU build ID of the running executable (the digest the linker writes into
// .note.gnu.build-id), read from memory with dl_iterate_phdr: no file is opened.
#ifndef SNAPGEN_BUILD_ID_H
#define SNAPGEN_BUILD_ID_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Copies up to `size` bytes of the main executable's build ID into `out`; returns how many
/// bytes the ID has (0 when the executable has none).
size_t sg_executable_build_id(unsigned char *_Nonnull out, size_t size);

#ifdef __cplusplus
}
#endif

#endif
