// libswresample for Swift (FFmpeg 5.1 in Debian 12).
#ifndef REEL_CSWRESAMPLE_SHIM_H
#define REEL_CSWRESAMPLE_SHIM_H
#include <libswresample/swresample.h>
#endif
