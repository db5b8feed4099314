// Wraps glibc's allocator entry points in the test executable so a test can count the heap
// allocations its own thread makes. Every call is passed straight to glibc's implementation
// (__libc_*), so memory is allocated and freed exactly as without the wrapper; the only cost
// is one thread-local increment. Elsewhere (macOS, musl) nothing is wrapped and the count is
// reported unavailable, so the tests that need it are skipped rather than passing vacuously.
#include "AllocCount.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

// Per thread, so allocations of tests running in parallel on other threads are not counted.
static __thread uint64_t allocations;

void *malloc(size_t size) {
    allocations++;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    allocations++;
    return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size) {
    allocations++;
    return __libc_realloc(ptr, size);
}

void *memalign(size_t alignment, size_t size) {
    allocations++;
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    allocations++;
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    allocations++;
    void *p = __libc_memalign(alignment, size);
    if (p == NULL) return ENOMEM;
    *out = p;
    return 0;
}

int alloc_count_available(void) { return 1; }
uint64_t alloc_count_thread(void) { return allocations; }

#else

int alloc_count_available(void) { return 0; }
uint64_t alloc_count_thread(void) { return 0; }

#endif
