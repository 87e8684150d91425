//===- HtmlAssets.h - The report's inline style and script ------*- C++ -*-===//
#ifndef CXXESCAPE_LIB_REPORT_HTMLASSETS_H
#define CXXESCAPE_LIB_REPORT_HTMLASSETS_H

namespace cxxescape {

/// The CSS every page inlines.
const char *htmlStyle();
/// The script a source page inlines: draws the flow steps of #flows.
const char *htmlScript();

} // namespace cxxescape

#endif
