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
#endif
