// Counts the calling thread's heap allocations, for tests that guard "no allocation here".
#pragma once
#include <stdint.h>

/// Nonzero where allocations are counted (glibc: malloc and its siblings are wrapped); zero elsewhere.
int alloc_count_available(void);

/// Heap allocations made by the calling thread so far (0 where not available).
uint64_t alloc_count_thread(void);
