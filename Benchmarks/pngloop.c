// The baseline `reel bench decode` is held to: a plain C loop over libpng's simplified API.
// Each of T threads takes the next file, reads it with png_image_begin_read_from_file and
// png_image_finish_read into one buffer it reuses, in the format Reel asks for (RGB for an opaque
// 8-bit file, RGBA otherwise). Prints frames per second for T threads, then for one.
//
//   cc -O2 -o pngloop pngloop.c -lpng -lpthread && ./pngloop 2 /tmp/frames/*.png
#include <png.h>
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
    png_bytep buffer = NULL;
    size_t capacity = 0;
    for (;;) {
        int index = atomic_fetch_add(&next_file, 1);
        if (index >= file_count) break;
        png_image image;
        memset(&image, 0, sizeof image);
        image.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_file(&image, files[index])) { atomic_fetch_add(&failures, 1); continue; }
        image.format = (image.format & (PNG_FORMAT_FLAG_ALPHA | PNG_FORMAT_FLAG_LINEAR)) ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
        size_t size = PNG_IMAGE_SIZE(image);
        if (size > capacity) { free(buffer); buffer = malloc(size); capacity = size; }
        if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) atomic_fetch_add(&failures, 1);
        png_image_free(&image);
    }
    free(buffer);
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
    if (argc < 3) { fprintf(stderr, "usage: pngloop THREADS FILE...\n"); return 2; }
    int threads = atoi(argv[1]);
    if (threads < 1 || threads > 256) { fprintf(stderr, "pngloop: THREADS must be 1 to 256\n"); return 2; }
    files = argv + 2;
    file_count = argc - 2;
    double many = run(threads);
    double one = run(1);
    printf("{\"bench\":\"pngloop\",\"frames\":%d,\"threads\":%d,\"fps\":%.2f,\"seconds\":%.3f,"
           "\"fps_1_thread\":%.2f,\"seconds_1_thread\":%.3f,\"failures\":%d}\n",
           file_count, threads, file_count / many, many, file_count / one, one, atomic_load(&failures));
    return 0;
}
