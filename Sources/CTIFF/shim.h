// libtiff (4.5 in Debian 12) for Swift: its error and warning callbacks take a va_list, which Swift
// cannot format, so they are written here. Errors go to the caller's buffer (the first one is kept),
// warnings nowhere; nothing reaches the terminal.
#ifndef REEL_CTIFF_SHIM_H
#define REEL_CTIFF_SHIM_H
#include <stdarg.h>
#include <stdio.h>
#include <tiffio.h>

typedef struct { char message[256]; } reel_tiff_errors;

static inline int reel_tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap) {
    (void)tif; (void)module;
    reel_tiff_errors *errors = (reel_tiff_errors *)user;
    if (errors && errors->message[0] == 0) vsnprintf(errors->message, sizeof errors->message, fmt, ap);
    return 1;
}

static inline int reel_tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap) {
    (void)tif; (void)user; (void)module; (void)fmt; (void)ap;
    return 1;
}

/// Opens the TIFF on descriptor `fd` (which it then owns) with no memory mapping, its errors in
/// `errors`, and no single allocation over `max_alloc` bytes.
static inline TIFF *reel_tiff_open(int fd, const char *name, reel_tiff_errors *errors, tmsize_t max_alloc) {
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (!options) return NULL;
    TIFFOpenOptionsSetErrorHandlerExtR(options, reel_tiff_error, errors);
    TIFFOpenOptionsSetWarningHandlerExtR(options, reel_tiff_warning, NULL);
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, max_alloc);
    TIFF *tif = TIFFFdOpenExt(fd, name, "rm", options);
    TIFFOpenOptionsFree(options);
    return tif;
}

static inline int reel_tiff_get_u32(TIFF *tif, uint32_t tag, uint32_t *value) { return TIFFGetField(tif, tag, value); }
static inline int reel_tiff_get_u16(TIFF *tif, uint32_t tag, uint16_t *value) { return TIFFGetFieldDefaulted(tif, tag, value); }
#endif
