// glibc's allocator controls and statistics for Swift: mallinfo2, malloc_trim, mallopt.
#ifndef REEL_CMALLOC_SHIM_H
#define REEL_CMALLOC_SHIM_H
#include <malloc.h>
#include <unistd.h>

/// Bytes the heap has handed out and not taken back (arena + mmapped), from mallinfo2().
static inline size_t reel_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
static inline int reel_mallopt_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
#endif
