#ifndef BUNDEL_GLPK_GUARD_H
#define BUNDEL_GLPK_GUARD_H

#include <stddef.h>

/// Work done with GLPK under the guard: returns GLPK's own result code.
typedef int (*bundel_glpk_body)(void *context);

/// Runs `body(context)` so that a GLPK error (an invalid argument, a failed assertion or an
/// exhausted memory pool inside GLPK) does not abort the process. GLPK's error hook jumps back
/// here; GLPK's environment is then freed (every problem object with it) and `*failed` is set
/// to 1, with GLPK's last terminal output, which holds its error message, in `message`.
/// GLPK's terminal output during `body` is captured and printed only when `echo` is non-zero.
///
/// The caller must hold the process-wide GLPK lock, must not use any GLPK problem object made
/// before a failure, and must not rely on cleanup in the frames between this call and the
/// error (they are skipped: at worst their memory leaks).
int bundel_glpk_guarded(bundel_glpk_body body, void *context, int echo, int *failed, char *message, size_t capacity);

/// Makes GLPK fail on purpose (an invalid objective direction) under the guard, for tests:
/// returns 1 when the guard caught the error, with GLPK's message in `message`.
int bundel_glpk_provoke_error(char *message, size_t capacity);

#endif
