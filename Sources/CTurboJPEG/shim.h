// libjpeg-turbo's TurboJPEG API (2.1 in Debian 12) for Swift: its macros as functions.
#ifndef REEL_CTURBOJPEG_SHIM_H
#define REEL_CTURBOJPEG_SHIM_H
#include <stddef.h>
#include <turbojpeg.h>

static inline int reel_tj_flag_stop_on_warning(void) { return TJFLAG_STOPONWARNING; }
static inline int reel_tj_flag_no_realloc(void) { return TJFLAG_NOREALLOC; }
#endif
