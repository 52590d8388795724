#ifndef RCUTOP_CNCURSESW_SHIM_H
#define RCUTOP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 cannot reference C globals or import macro expressions: getters and constants instead.
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline WINDOW *nc_curscr(void) { return curscr; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *nc_stdin(void) { return stdin; }
static inline FILE *nc_stdout(void) { return stdout; }
static const attr_t NC_A_NORMAL = A_NORMAL;
static const attr_t NC_A_BOLD = A_BOLD;
static const attr_t NC_A_DIM = A_DIM;
static const attr_t NC_A_REVERSE = A_REVERSE;
static const attr_t NC_A_UNDERLINE = A_UNDERLINE;
static inline int nc_key_f(int n) { return KEY_F(n); }
// Mouse masks are NCURSES_MOUSE_MASK(...) expressions: constants for Swift.
static const mmask_t NC_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NC_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t NC_BUTTON1_CLICKED = BUTTON1_CLICKED;

/// Columns a wide character takes (Glibc declares wcwidth only under _XOPEN_SOURCE).
extern int wcwidth(wchar_t);
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }

/// Is there a terminfo entry for `name` that can address the cursor?
/// Returns 1 when usable, 0 when the entry exists but cannot address the cursor (dumb,
/// hard-copy, generic), -1 when there is no entry (or no terminfo database).
/// Loads the entry into a private TERMINAL and frees it again; writes nothing to the tty.
static inline int nc_probe_term(const char *name) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)name, 1, &err) != OK) { return -1; }
    TERMINAL *probe = cur_term;
    const char *cup = tigetstr((char *)"cup");
    int usable = cup != NULL && cup != (char *)-1
        && tigetflag((char *)"gn") <= 0 && tigetflag((char *)"hc") <= 0;
    set_curterm(saved);
    del_curterm(probe);
    return usable ? 1 : 0;
}

/// A terminfo string capability of the current terminal, or NULL when absent or cancelled.
static inline const char *nc_tigetstr(const char *capname) {
    const char *s = tigetstr((char *)capname);
    if (s == NULL || s == (char *)-1) { return NULL; }
    return s;
}

/// Fill a cchar_t with up to 5 wide characters (NUL-terminated) and an extended colour pair
/// (passed through setcchar's `opts` so pairs above 255/32767 work).
static inline int nc_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
    return setcchar(cc, wch, attrs, 0, &pair);
}

#endif
