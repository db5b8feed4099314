#ifndef ALERTMON_CNCURSES_SHIM_H
#define ALERTMON_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so ask for the wide API here (NCURSES.md).
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

// Attribute macros are shifts Swift cannot import; copy them here, computed by the C compiler.
static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_ITALIC = A_ITALIC;
static const attr_t CN_A_BLINK = A_BLINK;
static const attr_t CN_A_COLOR = A_COLOR;

// Mouse masks are macros built from shifts as well.
static const mmask_t CN_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t CN_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CN_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t CN_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t CN_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t CN_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

static const int CN_KEY_CODE_YES = KEY_CODE_YES;
static const int CN_ERR = ERR;
static const int CN_OK = OK;

/// KEY_F(n) is a function-like macro.
static inline int cn_key_f(int n) { return KEY_F(n); }

// Swift 6 rejects these mutable globals as not concurrency-safe; read them through functions.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

/// The locale's character set name ("UTF-8", "ANSI_X3.4-1968").
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

/// Writes one cell: a wide string of one grapheme with attributes and a colour pair.
static inline int cn_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

#endif
