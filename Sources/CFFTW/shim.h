// FFTW3, single precision (fftwf_*), for Swift.
#ifndef REEL_CFFTW_SHIM_H
#define REEL_CFFTW_SHIM_H
#include <fftw3.h>
#endif
