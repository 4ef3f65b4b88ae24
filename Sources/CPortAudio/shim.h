// PortAudio v19 for Swift.
#ifndef REEL_CPORTAUDIO_SHIM_H
#define REEL_CPORTAUDIO_SHIM_H
#include <portaudio.h>
#endif
