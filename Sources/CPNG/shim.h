// libpng 1.6 for Swift. Only the simplified API (png_image_*) is used: the classic API reports
// errors through setjmp/longjmp, which Swift cannot take part in.
#ifndef REEL_CPNG_SHIM_H
#define REEL_CPNG_SHIM_H
#include <png.h>

static inline png_uint_32 reel_png_image_version(void) { return PNG_IMAGE_VERSION; }
static inline png_uint_32 reel_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 reel_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 reel_png_format_linear_rgba(void) { return PNG_FORMAT_LINEAR_RGB_ALPHA; }
static inline int reel_png_format_is_linear(png_uint_32 format) { return (format & PNG_FORMAT_FLAG_LINEAR) != 0; }
static inline int reel_png_format_has_alpha(png_uint_32 format) { return (format & PNG_FORMAT_FLAG_ALPHA) != 0; }
static inline int reel_png_image_failed(const png_image *image) { return PNG_IMAGE_FAILED(*image); }
static inline int reel_png_image_warned(const png_image *image) {
    return (image->warning_or_error & PNG_IMAGE_WARNING) != 0;
}
#endif
