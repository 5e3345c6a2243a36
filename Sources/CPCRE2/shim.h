#ifndef RUNSMITH_PCRE2_SHIM_H
#define RUNSMITH_PCRE2_SHIM_H
// PCRE2 for 8-bit (UTF-8) subjects: the functions are reached by their `_8` names, since Swift does not
// import the macros that map `pcre2_compile` and the rest onto them.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
