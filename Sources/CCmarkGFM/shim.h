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
#endif
