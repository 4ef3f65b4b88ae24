// libavformat for Swift (FFmpeg 5.1 in Debian 12).
#ifndef REEL_CAVFORMAT_SHIM_H
#define REEL_CAVFORMAT_SHIM_H
#include <libavformat/avformat.h>
#endif
