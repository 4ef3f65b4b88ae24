// The baseline `reel bench decode` of a JPEG sequence is held to: a plain C loop over
// libjpeg-turbo's TurboJPEG API at full size. Each of T threads takes the next file, reads it into
// a buffer it reuses and decompresses it with tjDecompress2 to RGB. Prints frames per second for T
// threads, then for one.
//
//   cc -O2 -o jpegloop jpegloop.c -lturbojpeg -lpthread && ./jpegloop 2 /tmp/jpeg-frames/*.jpg
#include <turbojpeg.h>
#include "fileloop.h"

struct state { tjhandle decoder; unsigned char *data, *pixels; size_t data_capacity, pixel_capacity; };

static int decode_one(const char *path, void **opaque) {
    if (!*opaque) {
        struct state *fresh = calloc(1, sizeof(struct state));
        fresh->decoder = tjInitDecompress();
        *opaque = fresh;
    }
    struct state *s = *opaque;
    FILE *file = fopen(path, "rb");
    if (!file) return 0;
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    if (length <= 0) { fclose(file); return 0; }
    if ((size_t)length > s->data_capacity) { free(s->data); s->data = malloc(length); s->data_capacity = length; }
    size_t got = fread(s->data, 1, length, file);
    fclose(file);
    int width, height, subsampling, colorspace;
    if (got != (size_t)length || tjDecompressHeader3(s->decoder, s->data, length, &width, &height, &subsampling, &colorspace)) return 0;
    size_t size = (size_t)width * height * 3;
    if (size > s->pixel_capacity) { free(s->pixels); s->pixels = malloc(size); s->pixel_capacity = size; }
    return tjDecompress2(s->decoder, s->data, length, s->pixels, width, 0, height, TJPF_RGB, 0) == 0;
}

static void release(void *opaque) {
    struct state *s = opaque;
    tjDestroy(s->decoder);
    free(s->data);
    free(s->pixels);
    free(s);
}

int main(int argc, char **argv) { return fileloop_main(argc, argv, "jpegloop", decode_one, release); }
