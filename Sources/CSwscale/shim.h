// libswscale for Swift (FFmpeg 5.1 in Debian 12).
#ifndef REEL_CSWSCALE_SHIM_H
#define REEL_CSWSCALE_SHIM_H
#include <libswscale/swscale.h>
#endif
