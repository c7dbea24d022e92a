/*
 * A plugin from a retort that does not exist yet: ABI 2.0. Its note and its
 * descriptor both say so, and its layout after the version fields is
 * deliberately not 1.x's. The host must refuse it (exit 3) naming the file,
 * the plugin's ABI and its own, and, because the note already says 2.0,
 * before any of its code runs: the constructor below leaves a file behind
 * if the host ever loads it.
 *
 * Built a second time with -DNOTE_SAYS_1_0 for a plugin whose note claims
 * 1.0 but whose descriptor says 2.0: the descriptor check must catch it.
 */
#include <retort/abi.h>

#include <stdio.h>
#include <stdlib.h>

#ifdef NOTE_SAYS_1_0
#define NOTE_ABI "1.0"
#else
#define NOTE_ABI "2.0"
#endif

__attribute__((section(RETORT_PLUGIN_SECTION), used)) const char retort_plugin_note[] =
    "retort-plugin abi=" NOTE_ABI " kind=provider name=future_major version=2.0.0";

__attribute__((constructor)) static void tripwire(void) {
  const char *path = getenv("RETORT_ABI_TRIPWIRE");
  if (path != NULL) {
    FILE *marker = fopen(path, "w");
    if (marker != NULL) fclose(marker);
  }
}

/* What an ABI 2 descriptor might be: the version fields first, as in every
 * major, then anything. */
typedef struct descriptor_2 {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  uint64_t capabilities;
  const void *tables[4];
} descriptor_2;

static const descriptor_2 descriptor = {sizeof(descriptor_2), 2, 0, 0xFFFFFFFFFFFFFFFFull, {0, 0, 0, 0}};

__attribute__((visibility("default"))) const void *retort_plugin_entry(void) { return &descriptor; }
