// libavutil (FFmpeg 5.1 in Debian 12) for Swift: the macros Swift cannot import, as functions.
#ifndef REEL_CAVUTIL_SHIM_H
#define REEL_CAVUTIL_SHIM_H
#include <errno.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>

static inline int reel_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int reel_averror_eof(void) { return AVERROR_EOF; }
static inline int64_t reel_av_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline int reel_av_log_quiet(void) { return AV_LOG_QUIET; }
#endif
