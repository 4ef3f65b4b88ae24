// libsndfile for Swift.
#ifndef REEL_CSNDFILE_SHIM_H
#define REEL_CSNDFILE_SHIM_H
#include <sndfile.h>
#endif
