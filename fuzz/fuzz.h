/*
 * fuzz.h — libFuzzer harnesses for odfgate.  Each fuzz-*.c defines LLVMFuzzerTestOneInput.
 * They are compiled in every build: linked with replay.c (a plain main() that runs every file
 * of the directories it is given) they replay fuzz/corpus/<name>/ and fuzz/crashers/ in
 * `make check`; linked with -fsanitize=fuzzer (`make fuzz`, clang) they fuzz.
 */
#ifndef OG_FUZZ_H
#define OG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
