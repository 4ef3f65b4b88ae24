// The baseline `reel bench spectrogram` is held to: a plain C loop over FFTW (single precision).
// Decodes the whole file with libsndfile first (timed apart), then deinterleaves the channels
// into one array each (timed: Reel's slicer does that work too), then for each channel takes
// frames of 2048 samples every 512 (no padding: (frames - 2048) / 512 + 1 per channel),
// multiplies by a periodic Hann window, runs one r2c plan, and turns each bin's power into
// decibels with logf,
// which gcc vectorises through glibc's libmvec at -O3 -ffast-math. Prints STFT frames, the CPU
// seconds of the STFT and dB work, and frames per second. Plans with the flag given
// (estimate or measure; Reel plans with FFTW_MEASURE).
//
//   cc -O3 -ffast-math -march=native -o stftloop stftloop.c -lsndfile -lfftw3f -lm && ./stftloop file.wav
#include <fftw3.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: stftloop FILE [estimate|measure]\n"); return 2; }
    unsigned flags = (argc > 2 && strcmp(argv[2], "estimate") == 0) ? FFTW_ESTIMATE : FFTW_MEASURE;
    const int n = 2048, hop = 512, bins = n / 2 + 1;
    SF_INFO info = {0};
    SNDFILE *file = sf_open(argv[1], SFM_READ, &info);
    if (!file) { fprintf(stderr, "%s: %s\n", argv[1], sf_strerror(NULL)); return 1; }
    double decode_start = cpu_seconds();
    float *samples = malloc(sizeof(float) * info.frames * info.channels);
    sf_count_t frames = sf_readf_float(file, samples, info.frames);
    sf_close(file);
    double decode = cpu_seconds() - decode_start;

    float *window = fftwf_malloc(sizeof(float) * n), *in = fftwf_malloc(sizeof(float) * n);
    fftwf_complex *out = fftwf_malloc(sizeof(fftwf_complex) * bins);
    float *db = fftwf_malloc(sizeof(float) * bins);
    for (int i = 0; i < n; i++) window[i] = 0.5f - 0.5f * cosf(2.0f * (float)M_PI * i / n);
    fftwf_plan plan = fftwf_plan_dft_r2c_1d(n, in, out, flags);

    float *plane = malloc(sizeof(float) * (frames > 0 ? frames : 1));
    double start = cpu_seconds();
    long count = 0;
    double checksum = 0;
    for (int channel = 0; channel < info.channels; channel++) {
        for (sf_count_t i = 0; i < frames; i++) plane[i] = samples[i * info.channels + channel];
        for (sf_count_t at = 0; at + n <= frames; at += hop) {
            const float *frame = plane + at;
            for (int i = 0; i < n; i++) in[i] = frame[i] * window[i];
            fftwf_execute(plan);
            for (int k = 0; k < bins; k++) {
                float power = out[k][0] * out[k][0] + out[k][1] * out[k][1] + 1e-20f;
                db[k] = 4.3429448f * logf(power);
            }
            checksum += db[bins / 2];
            count++;
        }
    }
    double seconds = cpu_seconds() - start;
    printf("{\"frames\":%ld,\"seconds\":%.4f,\"frames_per_second\":%.0f,\"decode_seconds\":%.4f,\"checksum\":%.1f}\n",
           count, seconds, count / seconds, decode, checksum);
    return 0;
}
