#include "glpk_guard.h"

#include <glpk.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/// One guarded call: where to jump back to, and the last terminal output.
typedef struct {
    jmp_buf resume;
    char text[2048];
    size_t length;
    int echo;
} guard_state;

/// Keeps the last part of GLPK's terminal output (its error message comes last), echoes it
/// when asked, and returns non-zero so that GLPK prints nothing itself.
static int capture_output(void *info, const char *text) {
    guard_state *state = info;
    if (state->echo) fputs(text, stdout);
    size_t add = strlen(text);
    if (add >= sizeof state->text) {
        text += add - (sizeof state->text - 1);
        add = sizeof state->text - 1;
    }
    if (state->length + add >= sizeof state->text) {
        size_t keep = sizeof state->text - 1 - add;
        memmove(state->text, state->text + state->length - keep, keep);
        state->length = keep;
    }
    memcpy(state->text + state->length, text, add);
    state->length += add;
    state->text[state->length] = '\0';
    return 1;
}

/// GLPK calls this instead of aborting; returning would abort, so it jumps back.
static void on_error(void *info) {
    guard_state *state = info;
    longjmp(state->resume, 1);
}

int bundel_glpk_guarded(bundel_glpk_body body, void *context, int echo, int *failed, char *message, size_t capacity) {
    guard_state state;
    state.length = 0;
    state.text[0] = '\0';
    state.echo = echo;
    *failed = 0;
    if (capacity > 0) message[0] = '\0';
    // GLPK switches its terminal output on to print an error, whatever the caller chose, so the
    // hook sees the message even when the log is off.
    glp_term_hook(capture_output, &state);
    glp_error_hook(on_error, &state);
    if (setjmp(state.resume) != 0) {
        // GLPK's documented recovery: its environment is unusable now and must be freed.
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
        glp_free_env();
        *failed = 1;
        if (capacity > 0) {
            strncpy(message, state.text, capacity - 1);
            message[capacity - 1] = '\0';
        }
        return -1;
    }
    int result = body(context);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    return result;
}

static int provoke(void *context) {
    (void)context;
    glp_prob *problem = glp_create_prob();
    glp_set_obj_dir(problem, 99);
    glp_delete_prob(problem);
    return 0;
}

int bundel_glpk_provoke_error(char *message, size_t capacity) {
    int failed = 0;
    bundel_glpk_guarded(provoke, NULL, 0, &failed, message, capacity);
    return failed;
}
