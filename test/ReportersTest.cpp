//===- ReportersTest.cpp - JSON, SARIF, GitHub and text reporters ---------===//

#include "cxxescape/GithubReporter.h"
#include "cxxescape/JsonReporter.h"
#include "cxxescape/JsonWriter.h"
#include "cxxescape/Rules.h"
#include "cxxescape/SarifReporter.h"
#include "cxxescape/TextReporter.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace cxxescape;

namespace {

Finding sample(const std::string &File) {
  Finding F;
  F.Rule = "escape-global";
  F.Where = {File, 5, 3};
  F.Message = "address of local variable 'x' is stored in global 'g'";
  F.Notes.push_back({{File, 3, 7}, "'x' declared here"});
  return F;
}

RunInfo run() {
  RunInfo R;
  R.Version = "1.2.3";
  R.SourceRoot = "/src";
  R.CommandLine = {"cxx-escape", "a.cpp"};
  R.Files.push_back({"/src/a.cpp", true, 0.25, 1});
  R.ExitCode = 1;
  return R;
}

} // namespace

TEST(ReportersTest, JsonStringsAreEscaped) {
  EXPECT_EQ(JsonWriter::quote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  EXPECT_EQ(JsonWriter::quote("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
  // Invalid UTF-8 (a lone continuation byte, a truncated sequence).
  EXPECT_EQ(JsonWriter::quote("a\x80z"), "\"a\\ufffdz\"");
  EXPECT_EQ(JsonWriter::quote("\xe2\x82"), "\"\\ufffd\\ufffd\"");
}

TEST(ReportersTest, JsonWriterNestsAndPrettyPrints) {
  std::ostringstream OS;
  {
    JsonWriter W(OS);
    W.beginObject();
    W.field("a", 1);
    W.key("b").beginArray();
    W.value("x");
    W.value(true);
    W.endArray();
    W.key("c").beginArray();
    W.endArray();
    W.key("d").number(0.1250, 3);
    W.endObject();
  }
  EXPECT_EQ(OS.str(), "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    true\n  ],\n"
                      "  \"c\": [],\n  \"d\": 0.125\n}\n");
}

TEST(ReportersTest, JsonReportHasRunAndFindings) {
  std::ostringstream OS;
  RunInfo R = run();
  JsonReporter(OS, R).report({sample("/src/a.cpp")});
  std::string S = OS.str();
  EXPECT_NE(S.find("\"formatVersion\": 1"), std::string::npos);
  EXPECT_NE(S.find("\"file\": \"a.cpp\""), std::string::npos);
  EXPECT_NE(S.find("\"path\": \"/src/a.cpp\""), std::string::npos);
  EXPECT_NE(S.find("\"seconds\": 0.25"), std::string::npos);
  EXPECT_NE(S.find("\"fixits\": []"), std::string::npos);
  EXPECT_NE(S.find("\"escape-global\": 1"), std::string::npos);
}

TEST(ReportersTest, GithubEscaping) {
  EXPECT_EQ(escapeGithubData("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
  EXPECT_EQ(escapeGithubProperty("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
}

TEST(ReportersTest, GithubAnnotation) {
  std::ostringstream OS;
  RunInfo R = run();
  Finding F = sample("/src/d:1,2/a.cpp");
  F.Message = "100% dangling";
  GithubReporter(OS, R).report({F});
  EXPECT_EQ(OS.str(), "::warning file=d%3A1%2C2/a.cpp,line=5,col=3,"
                      "title=escape-global::100%25 dangling%0A"
                      "d:1,2/a.cpp:3:7: note: 'x' declared here\n");
}

TEST(ReportersTest, SarifUrisAndColumns) {
  EXPECT_EQ(sarifPathUri("src/a b/c:d#e%.cpp"), "src/a%20b/c%3Ad%23e%25.cpp");
  EXPECT_EQ(sarifPathUri("caf\xc3\xa9.cpp"), "caf%C3%A9.cpp");
  EXPECT_EQ(utf16Column("int x;", 5), 5u);
  // "é" is two bytes and one UTF-16 unit; U+1F600 four bytes and two units.
  EXPECT_EQ(utf16Column("\xc3\xa9 = 1;", 4), 3u);
  EXPECT_EQ(utf16Column("\xf0\x9f\x98\x80 x", 6), 4u);
  EXPECT_EQ(utf16Column("", 3), 3u);
}

TEST(ReportersTest, SarifHasEveryRuleWithHelp) {
  std::ostringstream OS;
  RunInfo R = run();
  SarifReporter(OS, R).report({sample("/src/a.cpp")});
  std::string S = OS.str();
  for (const RuleInfo &Rule : allRules()) {
    EXPECT_NE(S.find("\"id\": \"" + std::string(Rule.Id) + "\""),
              std::string::npos);
    ASSERT_NE(Rule.Help, nullptr);
    EXPECT_GT(std::string(Rule.Help).size(), 200u) << Rule.Id;
  }
  EXPECT_NE(S.find("\"uriBaseId\": \"%SRCROOT%\""), std::string::npos);
  EXPECT_NE(S.find("\"uri\": \"file:///src/\""), std::string::npos);
  EXPECT_NE(S.find("\"ruleIndex\": 1"), std::string::npos);
  EXPECT_NE(S.find("\"cxxEscape/v1\": "), std::string::npos);
}

TEST(ReportersTest, TextColours) {
  std::ostringstream Plain, Coloured;
  TextReporter(Plain).report({sample("/nonexistent/a.cpp")});
  TextReporter(Coloured, true).report({sample("/nonexistent/a.cpp")});
  EXPECT_EQ(Plain.str().find('\033'), std::string::npos);
  EXPECT_EQ(Plain.str(),
            "/nonexistent/a.cpp:5:3: warning: address of local variable 'x' "
            "is stored in global 'g' [escape-global]\n"
            "/nonexistent/a.cpp:3:7: note: 'x' declared here\n");
  EXPECT_NE(Coloured.str().find("\033[1m/nonexistent/a.cpp:5:3: "
                                "\033[0;1;35mwarning:\033[0m \033[1maddress"),
            std::string::npos);
  EXPECT_NE(Coloured.str().find("\033[0;1;30mnote:\033[0m 'x' declared here"),
            std::string::npos);
}
