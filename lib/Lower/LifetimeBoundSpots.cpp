//===- LifetimeBoundSpots.cpp - Where [[clang::lifetimebound]] would go ---===//
//
// The escape-lifetimebound rule suggests the attribute for a parameter whose
// value the function returns. Only lowering reads the AST, so it records,
// for every slot that could carry the attribute, the byte offset of the
// insertion point: after the parameter's name, or after the function type's
// qualifiers and exception specification for `this`. The rule itself runs
// after the summaries exist and sees only these plain numbers.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cxxescape {

namespace {

/// The slot's spot at the end of the token at Loc: the attribute follows it.
AttrSpot spotAfterToken(SourceLocation Loc, const ASTContext &Ctx, Graph &G) {
  AttrSpot A;
  A.Eligible = true;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID()) {
    A.NoFixReason = "the declaration is written by a macro";
    return A;
  }
  SourceLocation End = Lexer::getLocForEndOfToken(Loc, 0, SM, Ctx.getLangOpts());
  if (End.isInvalid()) {
    A.NoFixReason = "the declaration's text is not available";
    return A;
  }
  auto [File, Offset] = SM.getDecomposedLoc(End);
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry) {
    A.NoFixReason = "the declaration is not in a file";
    return A;
  }
  // The same name the positions use (the presumed file, as compiled).
  A.File = G.internFile(SM.getPresumedLoc(End).getFilename());
  A.Offset = Offset;
  A.HasFix = true;
  return A;
}

/// The last token of `(params) const volatile & && noexcept(...) throw(...)`:
/// the type attribute for the implicit object parameter goes after it.
SourceLocation endOfQualifiers(const FunctionDecl *FD, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return {};
  auto FTL = TSI->getTypeLoc().IgnoreParens().getAs<FunctionTypeLoc>();
  if (!FTL || FTL.getRParenLoc().isMacroID())
    return {};
  SourceLocation Last = FTL.getRParenLoc();
  for (;;) {
    std::optional<Token> Next =
        Lexer::findNextToken(Last, SM, Ctx.getLangOpts());
    if (!Next || Next->getLocation().isMacroID())
      return Last;
    // Raw lexing: keywords come back as raw identifiers.
    StringRef Word =
        Next->is(tok::raw_identifier) ? Next->getRawIdentifier() : "";
    if (Word == "const" || Word == "volatile" ||
        Next->isOneOf(tok::amp, tok::ampamp)) {
      Last = Next->getLocation();
      continue;
    }
    if (Word == "noexcept" || Word == "throw") {
      // Its operand, if any, ends where the exception spec does.
      SourceRange Spec = FD->getExceptionSpecSourceRange();
      Last = Spec.isValid() ? Spec.getEnd() : Next->getLocation();
      continue;
    }
    return Last;
  }
}

} // namespace

std::vector<AttrSpot> lifetimeBoundSpots(const FunctionDecl *FD,
                                         const ASTContext &Ctx, Graph &G) {
  std::vector<AttrSpot> Spots(FD->getNumParams() + 1);
  // A call sees the attributes of the declarations before it: the first one
  // is where the attribute reaches every call (parameter attributes are
  // inherited by later declarations).
  const FunctionDecl *First = FD->getFirstDecl();
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->isInstance() && !MD->isCopyAssignmentOperator() &&
      !MD->isMoveAssignmentOperator() && !isa<CXXConstructorDecl>(MD) &&
      !isa<CXXDestructorDecl>(MD)) {
    // The function type's attribute is not inherited: with more than one
    // declaration every one would need it.
    if (First != FD->getMostRecentDecl()) {
      Spots[ThisSlot].Eligible = true;
      Spots[ThisSlot].NoFixReason = "the member function is declared more "
                                    "than once; annotate every declaration";
    } else {
      Spots[ThisSlot] = spotAfterToken(endOfQualifiers(First, Ctx), Ctx, G);
    }
  }
  for (unsigned I = 0; I < First->getNumParams(); ++I) {
    const ParmVarDecl *P = First->getParamDecl(I);
    QualType T = P->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      continue;
    if (P->getIdentifier()) {
      Spots[I + 1] = spotAfterToken(P->getLocation(), Ctx, G);
    } else {
      Spots[I + 1].Eligible = true;
      Spots[I + 1].NoFixReason = "the parameter has no name in the first "
                                 "declaration";
    }
  }
  return Spots;
}

} // namespace cxxescape
