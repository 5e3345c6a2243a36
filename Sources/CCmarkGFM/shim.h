#ifndef RUNSMITH_CMARK_SHIM_H
#define RUNSMITH_CMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// The extension node types are mutable globals that no installed header declares;
// Swift 6 refuses mutable C globals, so expose them through inline getters.
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type rs_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type rs_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type rs_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type rs_node_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }

// cmark's own escaping of a link destination for `href="…"` (what its HTML renderer writes), so that a
// URL spliced into rendered HTML later is written byte for byte as cmark would have written it.
#include <cmark-gfm/buffer.h>
#include <cmark-gfm/houdini.h>
static inline char *rs_escape_href(const uint8_t *src, int size, int *length) {
    cmark_strbuf buffer;
    cmark_strbuf_init(cmark_get_default_mem_allocator(), &buffer, 0);
    houdini_escape_href(&buffer, src, size);
    *length = buffer.size;
    return (char *)cmark_strbuf_detach(&buffer);
}
#endif
