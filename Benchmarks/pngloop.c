// The baseline `reel bench decode` is held to: a plain C loop over libpng's simplified API.
// Each of T threads takes the next file, reads it with png_image_begin_read_from_file and
// png_image_finish_read into one buffer it reuses, in the format Reel asks for (RGB for an opaque
// 8-bit file, RGBA otherwise). Prints frames per second for T threads, then for one.
//
//   cc -O2 -o pngloop pngloop.c -lpng -lpthread && ./pngloop 2 /tmp/frames/*.png
#include <png.h>
#include <string.h>
#include "fileloop.h"

struct buffer { png_bytep data; size_t capacity; };

static int decode_one(const char *path, void **state) {
    if (!*state) *state = calloc(1, sizeof(struct buffer));
    struct buffer *buffer = *state;
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path)) return 0;
    image.format = (image.format & (PNG_FORMAT_FLAG_ALPHA | PNG_FORMAT_FLAG_LINEAR)) ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    size_t size = PNG_IMAGE_SIZE(image);
    if (size > buffer->capacity) { free(buffer->data); buffer->data = malloc(size); buffer->capacity = size; }
    int ok = png_image_finish_read(&image, NULL, buffer->data, 0, NULL) != 0;
    png_image_free(&image);
    return ok;
}

static void release(void *state) {
    free(((struct buffer *)state)->data);
    free(state);
}

int main(int argc, char **argv) { return fileloop_main(argc, argv, "pngloop", decode_one, release); }
