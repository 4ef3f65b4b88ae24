// ncursesw for Swift: the wide-character API, plus static inline shims for the macros
// and globals that do not import (function-like macros) or that Swift 6 rejects
// (mutable C globals such as stdscr, LINES, COLORS are not concurrency-safe).
#ifndef REEL_CNCURSES_SHIM_H
#define REEL_CNCURSES_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <poll.h>

/// newterm on the process's own stdin and stdout (C's stdin/stdout are mutable globals to Swift 6).
static inline SCREEN *reel_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the current LC_CTYPE locale encodes text as UTF-8.
static inline int reel_locale_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }

static inline WINDOW *reel_stdscr(void) { return stdscr; }
static inline int reel_lines(void) { return LINES; }
static inline int reel_cols(void) { return COLS; }
static inline int reel_colors(void) { return COLORS; }
static inline int reel_color_pairs(void) { return COLOR_PAIRS; }
static inline int reel_key_f(int n) { return KEY_F(n); }
/* The key code ncurses gives the key terminfo names `capname` (kLFT3: Alt-Left), or 0. */
static inline int reel_key_code(const char *capname) {
    const char *sequence = tigetstr(capname);
    if (sequence == 0 || sequence == (const char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}
static inline attr_t reel_a_normal(void) { return A_NORMAL; }
static inline attr_t reel_a_bold(void) { return A_BOLD; }
static inline attr_t reel_a_reverse(void) { return A_REVERSE; }
static inline attr_t reel_a_underline(void) { return A_UNDERLINE; }
static inline attr_t reel_a_dim(void) { return A_DIM; }

/// Whether terminfo says the terminal takes 24-bit colour values as colour numbers ("RGB" flag).
static inline int reel_has_direct_color(void) {
    return tigetflag((char *)"RGB") > 0;
}

/// Puts one character cell at (y, x) with attributes and an extended colour pair
/// (pairs above 32767 go through setcchar's opts pointer).
static inline int reel_put_cell(int y, int x, wchar_t ch, attr_t attrs, int pair) {
    cchar_t cc;
    wchar_t text[2] = { ch, 0 };
    if (setcchar(&cc, text, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}
/// Writes control bytes straight to the terminal (after ncurses' own output is flushed).
static inline void reel_write_control(const char *bytes) {
    fflush(stdout);
    fputs(bytes, stdout);
    fflush(stdout);
}

/// Writes `length` bytes to `file`'s descriptor (NULL: stdout) after what is buffered in `file`,
/// going on after interrupted or partial writes; 0, or -1 with errno set.
static inline int reel_write_bytes(FILE *file, const unsigned char *bytes, size_t length) {
    if (file == NULL) file = stdout;
    fflush(file);
    int fd = fileno(file);
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                // A non-blocking descriptor (the terminal is slow): wait until it takes more.
                struct pollfd ready = { .fd = fd, .events = POLLOUT, .revents = 0 };
                poll(&ready, 1, 100);
                continue;
            }
            return -1;
        }
        bytes += written;
        length -= (size_t)written;
    }
    return 0;
}

/// Turns off ncurses' own reading of mouse reports (kmous): Reel reads SGR reports itself, the
/// same way whatever the terminfo entry says.
static inline void reel_disable_curses_mouse_key(void) { keyok(KEY_MOUSE, FALSE); }

// What a crash must put back: the terminal modes from before ncurses took them, and the bytes
// that leave the alternate screen, show the cursor, reset colours and stop mouse reports.
// Only async-signal-safe calls (tcsetattr, write, sigaction, raise) run in the handler.
struct reel_crash_state {
    struct termios modes;
    int modes_valid;
    char bytes[256];
    size_t length;
};

// The state lives in a function (a header cannot define a global Swift's importer emits).
static inline struct reel_crash_state *reel_crash_state(void) {
    static struct reel_crash_state state;
    return &state;
}

static inline void reel_crash_handler(int signal_number) {
    struct reel_crash_state *state = reel_crash_state();
    if (state->modes_valid) tcsetattr(STDIN_FILENO, TCSANOW, &state->modes);
    if (state->length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, state->bytes, state->length);
        (void)ignored;
    }
    // SA_RESETHAND put the default action back: the signal now ends the process as it would have.
    raise(signal_number);
}

/// Saves the terminal's modes; call before ncurses changes them.
static inline void reel_save_terminal_modes(void) {
    struct reel_crash_state *state = reel_crash_state();
    state->modes_valid = tcgetattr(STDIN_FILENO, &state->modes) == 0;
}

/// Installs the crash handler for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP (Swift's
/// runtime traps), writing `bytes` before the process dies; NULL uninstalls it.
static inline void reel_set_crash_restore(const char *bytes) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    struct reel_crash_state *state = reel_crash_state();
    if (bytes) {
        size_t length = strlen(bytes);
        if (length >= sizeof state->bytes) length = sizeof state->bytes - 1;
        memcpy(state->bytes, bytes, length);
        state->length = length;
        action.sa_handler = reel_crash_handler;
        action.sa_flags = SA_RESETHAND | SA_NODEFER;
    } else {
        state->length = 0;
        action.sa_handler = SIG_DFL;
    }
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

/// The terminfo string `name` (rmcup, cnorm, sgr0), or "" when the terminal has none.
static inline const char *reel_terminfo_string(const char *name) {
    char *value = tigetstr((char *)name);
    return (value == NULL || value == (char *)-1) ? "" : value;
}
#endif
