// zlib for Swift: the one-call compress2/uncompress API (the kitty graphics protocol's o=z
// payloads are plain zlib streams).
#ifndef REEL_CZLIB_SHIM_H
#define REEL_CZLIB_SHIM_H
#include <zlib.h>
#endif
