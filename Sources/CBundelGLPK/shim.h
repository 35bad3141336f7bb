#ifndef BUNDEL_GLPK_SHIM_H
#define BUNDEL_GLPK_SHIM_H
#include <glpk.h>
#endif
