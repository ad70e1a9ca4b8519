#ifndef WEGWIJS_CREADLINE_SHIM_H
#define WEGWIJS_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 treats readline's global variables as shared mutable state; these setters keep
// every touch of them in C, on the thread that calls readline.

static inline void wegwijs_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void wegwijs_rl_set_catch_signals(int value) { rl_catch_signals = value; rl_catch_sigwinch = 1; }
static inline void wegwijs_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void wegwijs_rl_set_completion_over(int value) { rl_attempted_completion_over = value; }
// Readline's idea of the window size, asked again before each line: a resize between two
// prompts (when readline's own SIGWINCH handler is not installed) must not leave it stale.
static inline void wegwijs_rl_reset_screen_size(void) { if (rl_instream != NULL) rl_reset_screen_size(); }
// The line typed so far (valid inside a completion callback).
static inline const char *wegwijs_rl_line_buffer(void) { return rl_line_buffer; }

// Flushes standard output only (fflush(NULL) would also take standard input's lock, which a
// thread blocked reading input holds).
static inline void wegwijs_flush_stdout(void) { fflush(stdout); }

#endif
