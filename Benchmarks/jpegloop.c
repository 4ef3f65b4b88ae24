// The baseline `reel bench decode` of a JPEG sequence is held to: a plain C loop over
// libjpeg-turbo's TurboJPEG API at full size. Each of T threads takes the next file, reads it into
// a buffer it reuses and decompresses it with tjDecompress2 to RGB. Prints frames per second for T
// threads, then for one.
//
//   cc -O2 -o jpegloop jpegloop.c -lturbojpeg -lpthread && ./jpegloop 2 /tmp/jpeg-frames/*.jpg
#include <turbojpeg.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char **files;
static int file_count;
static atomic_int next_file;
static atomic_int failures;

static void *work(void *unused) {
    (void)unused;
    unsigned char *data = NULL, *pixels = NULL;
    size_t data_capacity = 0, pixel_capacity = 0;
    tjhandle decoder = tjInitDecompress();
    for (;;) {
        int index = atomic_fetch_add(&next_file, 1);
        if (index >= file_count) break;
        FILE *file = fopen(files[index], "rb");
        if (!file) { atomic_fetch_add(&failures, 1); continue; }
        fseek(file, 0, SEEK_END);
        long length = ftell(file);
        fseek(file, 0, SEEK_SET);
        if (length <= 0) { fclose(file); atomic_fetch_add(&failures, 1); continue; }
        if ((size_t)length > data_capacity) { free(data); data = malloc(length); data_capacity = length; }
        size_t got = fread(data, 1, length, file);
        fclose(file);
        int width, height, subsampling, colorspace;
        if (got != (size_t)length || tjDecompressHeader3(decoder, data, length, &width, &height, &subsampling, &colorspace)) {
            atomic_fetch_add(&failures, 1);
            continue;
        }
        size_t size = (size_t)width * height * 3;
        if (size > pixel_capacity) { free(pixels); pixels = malloc(size); pixel_capacity = size; }
        if (tjDecompress2(decoder, data, length, pixels, width, 0, height, TJPF_RGB, 0)) atomic_fetch_add(&failures, 1);
    }
    tjDestroy(decoder);
    free(data);
    free(pixels);
    return NULL;
}

static double run(int threads) {
    struct timespec start, end;
    atomic_store(&next_file, 0);
    pthread_t ids[256];
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, work, NULL);
    for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    return (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: jpegloop THREADS FILE...\n"); return 2; }
    int threads = atoi(argv[1]);
    if (threads < 1 || threads > 256) { fprintf(stderr, "jpegloop: THREADS must be 1 to 256\n"); return 2; }
    files = argv + 2;
    file_count = argc - 2;
    double many = run(threads);
    double one = run(1);
    printf("{\"bench\":\"jpegloop\",\"frames\":%d,\"threads\":%d,\"fps\":%.2f,\"seconds\":%.3f,"
           "\"fps_1_thread\":%.2f,\"seconds_1_thread\":%.3f,\"failures\":%d}\n",
           file_count, threads, file_count / many, many, file_count / one, one, atomic_load(&failures));
    return 0;
}
