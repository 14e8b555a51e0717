#define _GNU_SOURCE
#include "snapgen_build_id.h"

#include <elf.h>
#include <link.h>
#include <string.h>

typedef struct {
  unsigned char *out;
  size_t size;
  size_t found;
} search;

static int visit(struct dl_phdr_info *info, size_t info_size, void *context) {
  (void)info_size;
  search *into = context;
  for (int index = 0; index < info->dlpi_phnum; index++) {
    const ElfW(Phdr) *header = &info->dlpi_phdr[index];
    if (header->p_type != PT_NOTE) continue;
    const unsigned char *start = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
    size_t offset = 0;
    while (offset + sizeof(ElfW(Nhdr)) <= header->p_memsz) {
      const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)(start + offset);
      size_t name_at = offset + sizeof(ElfW(Nhdr));
      size_t description_at = name_at + ((note->n_namesz + 3) & ~3u);
      size_t next = description_at + ((note->n_descsz + 3) & ~3u);
      if (next > header->p_memsz) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(start + name_at, "GNU", 4) == 0) {
        size_t count = note->n_descsz < into->size ? note->n_descsz : into->size;
        memcpy(into->out, start + description_at, count);
        into->found = note->n_descsz;
        return 1;
      }
      offset = next;
    }
  }
  return 1;  // the first object is the main executable; stop there
}

size_t sg_executable_build_id(unsigned char *out, size_t size) {
  search into = {out, size, 0};
  dl_iterate_phdr(visit, &into);
  return into.found;
}
