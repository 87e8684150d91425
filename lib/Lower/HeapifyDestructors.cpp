//===- HeapifyDestructors.cpp - Destructors that must not run late --------===//
//
// On the GC heap an object's destructor runs when the collector finds it
// unreachable, on the finalizer thread, not at the end of its scope. That is
// harmless for a destructor that only frees memory (std::string, a vector),
// and wrong for one that releases a lock, closes a file or joins a thread:
// such objects are not moved.
//
//===----------------------------------------------------------------------===//

#include "HeapifyDestructors.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cxxescape {

namespace {

/// Library types whose destructor has an effect someone waits for.
const char *libraryEffect(const CXXRecordDecl *RD) {
  if (!RD->isInStdNamespace() || !RD->getIdentifier())
    return nullptr;
  StringRef N = RD->getName();
  if (N == "lock_guard" || N == "unique_lock" || N == "scoped_lock" ||
      N == "shared_lock")
    return "releases a lock";
  if (N == "basic_fstream" || N == "basic_ifstream" || N == "basic_ofstream" ||
      N == "basic_filebuf")
    return "flushes and closes a file";
  if (N == "thread" || N == "jthread")
    return "joins the thread (or terminates the program)";
  if (N == "promise" || N == "packaged_task")
    return "makes a waiting future ready";
  return nullptr;
}

/// The first call a user-written destructor body makes, if any: freeing
/// memory (delete, free) is not an effect anyone waits for.
class FirstCall : public RecursiveASTVisitor<FirstCall> {
public:
  std::string Found;
  bool VisitCallExpr(CallExpr *CE) {
    if (!Found.empty())
      return false;
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD) {
      Found = "an indirect call";
      return false;
    }
    std::string Name = FD->getNameAsString();
    if (Name == "free" ||
        FD->getDeclName().getCXXOverloadedOperator() == OO_Delete ||
        FD->getDeclName().getCXXOverloadedOperator() == OO_Array_Delete)
      return true;
    Found = "'" + Name + "'";
    return false;
  }
};

std::string effectOf(const ASTContext &Ctx, QualType T, unsigned Depth) {
  T = Ctx.getBaseElementType(T);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor() || Depth > 4)
    return "";
  std::string Type =
      "'" + T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) + "'";
  if (const char *Effect = libraryEffect(RD))
    return "the destructor of " + Type + " " + Effect;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getFileLoc(RD->getLocation())))
    return ""; // other library types only release memory they own
  if (const CXXDestructorDecl *D = RD->getDestructor())
    if (D->isUserProvided()) {
      const FunctionDecl *Def = nullptr;
      if (D->hasBody(Def) && Def->getBody()) {
        FirstCall V;
        V.TraverseStmt(Def->getBody());
        if (!V.Found.empty())
          return "the destructor of " + Type + " calls " + V.Found;
      }
    }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (std::string E = effectOf(Ctx, B.getType(), Depth + 1); !E.empty())
      return E;
  for (const FieldDecl *F : RD->fields())
    if (std::string E = effectOf(Ctx, F->getType(), Depth + 1); !E.empty())
      return E;
  return "";
}

} // namespace

std::string deferredDestructorEffect(const ASTContext &Ctx, QualType T) {
  return effectOf(Ctx, T, 0);
}

} // namespace cxxescape
