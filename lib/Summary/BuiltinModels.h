//===- BuiltinModels.h - The model files compiled into the tool -*- C++ -*-===//
//
// The build embeds models/*.json (cmake/EmbedModels.cmake) so the shipped
// models work from any install location and cannot go missing.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_LIB_SUMMARY_BUILTINMODELS_H
#define CXXESCAPE_LIB_SUMMARY_BUILTINMODELS_H

namespace cxxescape {

struct BuiltinModelFile {
  const char *Name; // "models/std.json", for messages
  const char *Text;
};

/// In file-name order; loadBuiltin loads them in this order.
extern const BuiltinModelFile BuiltinModelFiles[];
extern const unsigned NumBuiltinModelFiles;

} // namespace cxxescape

#endif
