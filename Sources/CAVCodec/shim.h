// libavcodec for Swift (FFmpeg 5.1 in Debian 12).
#ifndef REEL_CAVCODEC_SHIM_H
#define REEL_CAVCODEC_SHIM_H
#include <libavcodec/avcodec.h>
#endif
