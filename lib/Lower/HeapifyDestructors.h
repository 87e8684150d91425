//===- HeapifyDestructors.h - Destructors that must not run late -*- C++
//-*-===//
#ifndef CXXESCAPE_LIB_LOWER_HEAPIFYDESTRUCTORS_H
#define CXXESCAPE_LIB_LOWER_HEAPIFYDESTRUCTORS_H

#include "clang/AST/Type.h"

#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace cxxescape {

/// What the destructor of T (or of a base, a member or an element) does that
/// must happen at the end of the scope, in words ("the destructor of
/// 'std::lock_guard<std::mutex>' releases a lock"); empty if nothing.
std::string deferredDestructorEffect(const clang::ASTContext &Ctx,
                                     clang::QualType T);

} // namespace cxxescape

#endif
