#ifndef ALERTMON_CNCURSES_SHIM_H
#define ALERTMON_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so ask for the wide API here (NCURSES.md).
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

#endif
