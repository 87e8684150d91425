//===- Heapify.h - Planning the move of a local to the GC heap --*- C++ -*-===//
//
// For each named local and by-value parameter the lowering records the
// rewrite that would hand it to the GC runtime while keeping every use
// unchanged (a reference of the same name to a gc::make'd object), or why
// the declaration cannot be rewritten. docs/heapify.md lists the forms.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_LIB_LOWER_HEAPIFY_H
#define CXXESCAPE_LIB_LOWER_HEAPIFY_H

#include "cxxescape/HeapifyPlan.h"

namespace clang {
class ASTContext;
class VarDecl;
} // namespace clang

namespace cxxescape {

/// The plan for VD; an empty plan (Form None) for what is not a named,
/// automatic, non-reference object written in a file.
HeapifyPlan planHeapify(clang::ASTContext &Ctx, const clang::VarDecl *VD);

} // namespace cxxescape

#endif
