// PortAudio v19 for Swift, and the one ALSA call Reel needs to keep ALSA quiet.
#ifndef REEL_CPORTAUDIO_SHIM_H
#define REEL_CPORTAUDIO_SHIM_H
#include <portaudio.h>

// ALSA prints its errors ("ALSA lib pcm.c: Unknown PCM ...") to stderr through a handler it lets
// us replace (alsa/error.h); declared here rather than pulling all of asoundlib.h into Swift.
typedef void (*reel_snd_lib_error_handler_t)(const char *file, int line, const char *function, int err,
                                             const char *fmt, ...);
extern int snd_lib_error_set_handler(reel_snd_lib_error_handler_t handler);

static void reel_alsa_quiet(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Makes ALSA print nothing, from now on, in this process.
static inline void reel_silence_alsa(void) { snd_lib_error_set_handler(reel_alsa_quiet); }

#endif
