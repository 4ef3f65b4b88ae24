// See library_quiet.h. glibc's fopencookie gives a FILE whose writes come here; unbuffered, so
// each fprintf arrives whole, on the thread that called it.
#define _GNU_SOURCE
#include "library_quiet.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static _Thread_local int quiet_depth;
static _Thread_local char last_line[512];

static ssize_t route_write(void *cookie, const char *buffer, size_t size) {
    (void)cookie;
    if (quiet_depth > 0) {
        // Keep the last non-empty line, for an error message that needs the library's reason.
        size_t end = size;
        while (end > 0 && (buffer[end - 1] == '\n' || buffer[end - 1] == '\r')) end--;
        size_t start = end;
        while (start > 0 && buffer[start - 1] != '\n') start--;
        if (end > start) {
            size_t length = end - start < sizeof last_line - 1 ? end - start : sizeof last_line - 1;
            memcpy(last_line, buffer + start, length);
            last_line[length] = 0;
        }
        return (ssize_t)size;
    }
    size_t done = 0;
    while (done < size) {
        ssize_t wrote = write(STDERR_FILENO, buffer + done, size - done);
        if (wrote < 0) {
            if (errno == EINTR) continue;
            return done > 0 ? (ssize_t)done : -1;
        }
        done += (size_t)wrote;
    }
    return (ssize_t)size;
}

void reel_route_stderr(void) {
    static int routed;
    if (__atomic_exchange_n(&routed, 1, __ATOMIC_ACQ_REL)) return;
    cookie_io_functions_t functions = {.read = NULL, .write = route_write, .seek = NULL, .close = NULL};
    FILE *routed_stream = fopencookie(NULL, "w", functions);
    if (routed_stream == NULL) return;
    setvbuf(routed_stream, NULL, _IONBF, 0);
    fflush(stderr);
    stderr = routed_stream;
}

void reel_quiet_begin(void) {
    if (quiet_depth++ == 0) last_line[0] = 0;
}

void reel_quiet_end(void) {
    if (quiet_depth > 0) quiet_depth--;
}

const char *reel_quiet_last_line(void) {
    return last_line;
}
