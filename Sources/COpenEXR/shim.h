// OpenEXR's C core (3.1 in Debian 12) for Swift: its initializer macro, and the channel fields that
// sit in an anonymous union, as functions.
#ifndef REEL_COPENEXR_SHIM_H
#define REEL_COPENEXR_SHIM_H
#include <string.h>
#include <openexr.h>

static inline exr_context_initializer_t reel_exr_default_initializer(void) {
    exr_context_initializer_t init = EXR_DEFAULT_CONTEXT_INITIALIZER;
    return init;
}

/// Decode channel `channel` as 32-bit float to `target`, `pixel_stride` and `line_stride` bytes
/// apart; a NULL target skips the channel.
static inline void reel_exr_decode_channel_to(exr_coding_channel_info_t *channel, void *target,
                                              int32_t pixel_stride, int32_t line_stride) {
    channel->decode_to_ptr = (uint8_t *)target;
    channel->user_pixel_stride = pixel_stride;
    channel->user_line_stride = line_stride;
    channel->user_data_type = EXR_PIXEL_FLOAT;
    channel->user_bytes_per_element = 4;
}

/// Keeps the first message of a context's errors in the 256 bytes its user data points at.
static inline void reel_exr_keep_error(exr_const_context_t ctxt, exr_result_t code, const char *message) {
    (void)code;
    void *user = NULL;
    if (exr_get_user_data(ctxt, &user) != EXR_ERR_SUCCESS || !user || !message) return;
    char *kept = (char *)user;
    if (kept[0] == 0) { strncpy(kept, message, 255); kept[255] = 0; }
}
#endif
