//===- LoweringFixture.h - Lowering a snippet in a unit test ---*- C++ -*-===//
#ifndef CXXESCAPE_TEST_LOWERINGFIXTURE_H
#define CXXESCAPE_TEST_LOWERINGFIXTURE_H

#include "cxxescape/Graph.h"
#include "cxxescape/Lower.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace cxxescape {

/// Parses Code as C++20 and lowers it into G (the AST stays alive).
class LoweringFixture : public ::testing::Test {
protected:
  Graph G;
  std::unique_ptr<clang::ASTUnit> AST;

  void lower(const std::string &Code) {
    AST = clang::tooling::buildASTFromCodeWithArgs(Code, {"-std=c++20", "-w"},
                                                   "input.cpp");
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
    lowerTranslationUnit(AST->getASTContext(), G);
  }
};

} // namespace cxxescape

#endif
