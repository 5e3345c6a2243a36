#ifndef RUNSMITH_LIBXML2_SHIM_H
#define RUNSMITH_LIBXML2_SHIM_H
// libxml2's HTML parser, driven through SAX callbacks by the raw-HTML sanitizer.
//
// Debian builds libxml2 with ICU, so its encoding.h pulls in the system's <unicode/ucnv.h>, whose
// UErrorCode clashes with the copy in Foundation's _FoundationICU module once both reach one Swift
// module. The ICU part only adds fields to the encoding handler, which Runsmith reaches through
// pointers and never lays out, so it is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

// XML_SAX2_MAGIC is a cast expression Swift does not import: with it set, parse errors reach the
// handler's structured callback (`serror`) with their codes and tag names.
static inline unsigned int runsmith_sax2_magic(void) { return XML_SAX2_MAGIC; }
#endif
