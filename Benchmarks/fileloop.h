// What the C baselines share: T threads take the files named on the command line one at a time
// and hand each to the loop's own `decode_one`, timed with T threads and then with one; one JSON
// line of frames per second. Each baseline defines `decode_one` and calls `fileloop_main`.
#ifndef REEL_FILELOOP_H
#define REEL_FILELOOP_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/// Decodes one file with the thread's own reusable `state` (NULL at first); 0 when it failed.
typedef int (*fileloop_decode)(const char *path, void **state);
/// Frees what a thread's `state` holds, when its files are done.
typedef void (*fileloop_release)(void *state);

static char **fileloop_files;
static int fileloop_count;
static atomic_int fileloop_next;
static atomic_int fileloop_failures;
static fileloop_decode fileloop_work;
static fileloop_release fileloop_done;

static void *fileloop_thread(void *unused) {
    (void)unused;
    void *state = NULL;
    for (;;) {
        int index = atomic_fetch_add(&fileloop_next, 1);
        if (index >= fileloop_count) break;
        if (!fileloop_work(fileloop_files[index], &state)) atomic_fetch_add(&fileloop_failures, 1);
    }
    if (state) fileloop_done(state);
    return NULL;
}

static double fileloop_run(int threads) {
    struct timespec start, end;
    atomic_store(&fileloop_next, 0);
    pthread_t ids[256];
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, fileloop_thread, NULL);
    for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    return (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
}

static int fileloop_main(int argc, char **argv, const char *name, fileloop_decode work, fileloop_release done) {
    if (argc < 3) { fprintf(stderr, "usage: %s THREADS FILE...\n", name); return 2; }
    int threads = atoi(argv[1]);
    if (threads < 1 || threads > 256) { fprintf(stderr, "%s: THREADS must be 1 to 256\n", name); return 2; }
    fileloop_files = argv + 2;
    fileloop_count = argc - 2;
    fileloop_work = work;
    fileloop_done = done;
    double many = fileloop_run(threads);
    double one = fileloop_run(1);
    printf("{\"bench\":\"%s\",\"frames\":%d,\"threads\":%d,\"fps\":%.2f,\"seconds\":%.3f,"
           "\"fps_1_thread\":%.2f,\"seconds_1_thread\":%.3f,\"failures\":%d}\n",
           name, fileloop_count, threads, fileloop_count / many, many, fileloop_count / one, one, atomic_load(&fileloop_failures));
    return 0;
}
#endif
