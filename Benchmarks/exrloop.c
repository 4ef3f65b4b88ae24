// The baseline `reel bench decode` of an EXR sequence is held to: a plain C loop over OpenEXR's
// C core. Each of T threads takes the next file, and decodes every scanline or tile chunk of its
// first part's R, G, B and A channels as float into one interleaved buffer it reuses (what Reel
// decodes before its display transform). Prints frames per second for T threads, then for one.
//
//   cc -O2 -o exrloop exrloop.c $(pkg-config --cflags --libs OpenEXR) -lpthread && ./exrloop 2 shot.*.exr
#include <openexr.h>
#include <string.h>
#include "fileloop.h"

static void silent(exr_const_context_t ctxt, exr_result_t code, const char *message) { (void)ctxt; (void)code; (void)message; }

struct buffer { float *data; size_t capacity; };

static int decode_one(const char *path, void **state) {
    if (!*state) *state = calloc(1, sizeof(struct buffer));
    struct buffer *held = *state;
    float **buffer = &held->data;
    size_t *capacity = &held->capacity;
    exr_context_initializer_t init = EXR_DEFAULT_CONTEXT_INITIALIZER;
    init.error_handler_fn = silent;
    exr_context_t ctxt = NULL;
    if (exr_start_read(&ctxt, path, &init) != EXR_ERR_SUCCESS) return 0;
    exr_attr_box2i_t dw;
    exr_storage_t storage;
    int ok = exr_get_data_window(ctxt, 0, &dw) == EXR_ERR_SUCCESS && exr_get_storage(ctxt, 0, &storage) == EXR_ERR_SUCCESS;
    int width = dw.max.x - dw.min.x + 1, height = dw.max.y - dw.min.y + 1;
    size_t size = (size_t)width * height * 4 * sizeof(float);
    if (ok && size > *capacity) { free(*buffer); *buffer = malloc(size); *capacity = size; }
    exr_decode_pipeline_t decoder = EXR_DECODE_PIPELINE_INITIALIZER;
    int started = 0;
    int32_t lines = 0, tw = 0, th = 0;
    if (ok && storage == EXR_STORAGE_TILED) ok = exr_get_tile_sizes(ctxt, 0, 0, 0, &tw, &th) == EXR_ERR_SUCCESS;
    else if (ok) ok = exr_get_scanlines_per_chunk(ctxt, 0, &lines) == EXR_ERR_SUCCESS;
    int across = storage == EXR_STORAGE_TILED ? (width + tw - 1) / tw : 1;
    int down = storage == EXR_STORAGE_TILED ? (height + th - 1) / th : (height + lines - 1) / lines;
    for (int index = 0; ok && index < across * down; index++) {
        exr_chunk_info_t chunk;
        if (storage == EXR_STORAGE_TILED) ok = exr_read_tile_chunk_info(ctxt, 0, index % across, index / across, 0, 0, &chunk) == EXR_ERR_SUCCESS;
        else ok = exr_read_scanline_chunk_info(ctxt, 0, dw.min.y + index * lines, &chunk) == EXR_ERR_SUCCESS;
        if (!ok) break;
        ok = (started ? exr_decoding_update(ctxt, 0, &chunk, &decoder) : exr_decoding_initialize(ctxt, 0, &chunk, &decoder)) == EXR_ERR_SUCCESS;
        if (!ok) break;
        size_t origin = ((size_t)(chunk.start_y - dw.min.y) * width + (chunk.start_x - dw.min.x)) * 4;
        for (int c = 0; c < decoder.channel_count; c++) {
            exr_coding_channel_info_t *channel = &decoder.channels[c];
            const char *name = channel->channel_name;
            int offset = !strcmp(name, "R") ? 0 : !strcmp(name, "G") ? 1 : !strcmp(name, "B") ? 2 : !strcmp(name, "A") ? 3 : -1;
            channel->decode_to_ptr = offset >= 0 && channel->x_samples == 1 ? (uint8_t *)(*buffer + origin + offset) : NULL;
            channel->user_pixel_stride = 16;
            channel->user_line_stride = width * 16;
            channel->user_data_type = EXR_PIXEL_FLOAT;
            channel->user_bytes_per_element = 4;
        }
        if (!started) ok = exr_decoding_choose_default_routines(ctxt, 0, &decoder) == EXR_ERR_SUCCESS;
        started = 1;
        if (ok) ok = exr_decoding_run(ctxt, 0, &decoder) == EXR_ERR_SUCCESS;
    }
    if (started) exr_decoding_destroy(ctxt, &decoder);
    exr_finish(&ctxt);
    return ok;
}

static void release(void *state) {
    free(((struct buffer *)state)->data);
    free(state);
}

int main(int argc, char **argv) { return fileloop_main(argc, argv, "exrloop", decode_one, release); }
