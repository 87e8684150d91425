// Library models: the file format, its error messages, lookup precedence,
// and what the built-in models say about a few well-known functions.

#include "cxxescape/Models.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

using namespace cxxescape;

namespace {

/// The leak of Slot to Sink (and ContentSlot) in S, or nullptr.
const Leak *leakOf(const FunctionSummary &S, int Slot, LeakSink Sink,
                   int ContentSlot = -1) {
  const SlotSummary *SS = S.slotOrNull(Slot);
  return SS ? SS->find(Sink, ContentSlot) : nullptr;
}

/// Loads Text as "m.json" and returns the error ("" when it loads).
std::string errorOf(const std::string &Text) {
  ModelSet M;
  std::string Error;
  if (M.loadText(Text, "m.json", Error))
    return "";
  return Error;
}

/// One entry named 'f' with the given leaks object.
std::string entryWithLeaks(const std::string &Leaks) {
  return R"({"functions": [{"names": ["f"], "leaks": )" + Leaks + "}]}";
}

const char *GoodFile = R"({
  "version": 1,
  "functions": [
    { "names": ["std::vector::push_back", "std::vector::emplace_back"],
      "kind": "container",
      "leaks": { "*": { "content": { "this": 1 } } } },
    { "names": ["std::basic_string::c_str"], "kind": "view",
      "leaks": { "this": { "result": 0 } } },
    { "names": ["printf", "strlen"], "leaks": {} },
    { "names": ["g"], "note": "every sink once",
      "leaks": { "0": { "result": 0, "heap": 1, "global": 2, "thread": 3,
                        "throw": 4, "content": { "1": 5, "this": 6 } } } }
  ]
})";

} // namespace

TEST(ModelsTest, ParsesAGoodFile) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(GoodFile, "good.json", Error)) << Error;
  EXPECT_EQ(M.size(), 4u);

  const ModelEntry *Push = M.lookup("std::vector::emplace_back");
  ASSERT_NE(Push, nullptr);
  EXPECT_EQ(Push->Origin, "good.json: entry 1 ('std::vector::push_back')");
  ASSERT_EQ(Push->AnyParam.size(), 1u);
  EXPECT_EQ(Push->AnyParam[0].Sink, LeakSink::Content);
  EXPECT_EQ(Push->AnyParam[0].ContentSlot, ThisSlot);
  EXPECT_EQ(Push->AnyParam[0].Derefs, 1);
  EXPECT_EQ(Push->AnyParam[0].Kind, "container");
  EXPECT_TRUE(Push->Slots.empty());

  const ModelEntry *CStr = M.lookup("std::basic_string::c_str");
  ASSERT_NE(CStr, nullptr);
  const Leak *R = leakOf(CStr->Slots, ThisSlot, LeakSink::Result);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Derefs, 0);
  EXPECT_EQ(R->Kind, "view");

  // Known to keep nothing is not the same as unknown.
  const ModelEntry *Printf = M.lookup("printf");
  ASSERT_NE(Printf, nullptr);
  EXPECT_TRUE(ModelSet::summaryFor(*Printf, 3).empty());
  EXPECT_EQ(M.lookup("puts"), nullptr);

  // Parameter "0" is slot 1; content "1" is slot 2.
  const ModelEntry *G = M.lookup("g");
  ASSERT_NE(G, nullptr);
  FunctionSummary S = ModelSet::summaryFor(*G, 3);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Result)->Derefs, 0);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Heap)->Derefs, 1);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Global)->Derefs, 2);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Thread)->Derefs, 3);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Throw)->Derefs, 4);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Content, 2)->Derefs, 5);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Content, ThisSlot)->Derefs, 6);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Result)->Kind, "");
}

TEST(ModelsTest, StarExpandsToEveryDeclaredParameter) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(GoodFile, "good.json", Error)) << Error;
  const ModelEntry *Push = M.lookup("std::vector::push_back");
  ASSERT_NE(Push, nullptr);
  // `this` and three parameters.
  FunctionSummary S = ModelSet::summaryFor(*Push, 4);
  EXPECT_EQ(S.Slots.size(), 4u);
  EXPECT_TRUE(S.Slots[ThisSlot].Leaks.empty());
  for (int Slot = 1; Slot < 4; ++Slot) {
    const Leak *L = leakOf(S, Slot, LeakSink::Content, ThisSlot);
    ASSERT_NE(L, nullptr) << "slot " << Slot;
    EXPECT_EQ(L->Derefs, 1);
    EXPECT_EQ(L->Kind, "container");
  }
  // A call with no parameters: nothing to expand.
  EXPECT_TRUE(ModelSet::summaryFor(*Push, 1).empty());
}

TEST(ModelsTest, StarAndExplicitSlotMergeKeepingFewerDerefs) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(entryWithLeaks(R"({"*": {"heap": 2},
                                             "1": {"heap": 0}})"),
                         "m.json", Error))
      << Error;
  FunctionSummary S = ModelSet::summaryFor(*M.lookup("f"), 3);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Heap)->Derefs, 2);
  EXPECT_EQ(leakOf(S, 2, LeakSink::Heap)->Derefs, 0);
}

TEST(ModelsTest, SummaryForDropsSlotsTheCallDoesNotHave) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(entryWithLeaks(R"({"3": {"content": {"0": 0}},
                                             "0": {"content": {"3": 0},
                                                   "result": 0}})"),
                         "m.json", Error))
      << Error;
  FunctionSummary S = ModelSet::summaryFor(*M.lookup("f"), 2);
  EXPECT_EQ(S.Slots.size(), 2u);
  EXPECT_NE(leakOf(S, 1, LeakSink::Result), nullptr);
  EXPECT_EQ(leakOf(S, 1, LeakSink::Content, 4), nullptr);
}

TEST(ModelsTest, ASlotMayOverrideTheEntryKind) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(R"({"functions": [{
      "names": ["std::map::operator[]"], "kind": "container",
      "leaks": {"*": {"content": {"this": 1}},
                "this": {"result": 0, "kind": "view"}}}]})",
                         "m.json", Error))
      << Error;
  FunctionSummary S =
      ModelSet::summaryFor(*M.lookup("std::map::operator[]"), 2);
  EXPECT_EQ(leakOf(S, ThisSlot, LeakSink::Result)->Kind, "view");
  EXPECT_EQ(leakOf(S, 1, LeakSink::Content, ThisSlot)->Kind, "container");
}

TEST(ModelsTest, ErrorMessages) {
  const std::pair<std::string, std::string> Cases[] = {
      {"[]", "m.json: the top level must be an object with \"functions\""},
      {R"({"functions": [], "extra": 1})",
       "m.json: unknown key 'extra' (use version, functions)"},
      {R"({"version": 2, "functions": []})",
       "m.json: unsupported version 2 (this tool reads version 1)"},
      {R"({"version": "1", "functions": []})",
       "m.json: unsupported version \"1\" (this tool reads version 1)"},
      {R"({"version": 1})", "m.json: 'functions' must be an array of entries"},
      {R"({"functions": {}})",
       "m.json: 'functions' must be an array of entries"},
      {R"({"functions": [3]})",
       "m.json: entry 1: an entry must be an object, not 3"},
      {R"({"functions": [{"names": ["f"], "leaks": {}, "nmes": []}]})",
       "m.json: entry 1 ('f'): unknown key 'nmes' (use names, leaks, kind, "
       "params, note, removes, waits)"},
      {R"({"functions": [{"leaks": {}}]})", "m.json: entry 1: missing 'names'"},
      {R"({"functions": [{"names": [], "leaks": {}}]})",
       "m.json: entry 1: 'names' must be a non-empty array of strings"},
      {R"({"functions": [{"names": "f", "leaks": {}}]})",
       "m.json: entry 1: 'names' must be a non-empty array of strings"},
      {R"({"functions": [{"names": ["f", 7], "leaks": {}}]})",
       "m.json: entry 1 ('f'): 'names' must be a non-empty array of strings, "
       "not containing 7"},
      {R"({"functions": [{"names": ["f", ""], "leaks": {}}]})",
       "m.json: entry 1 ('f'): 'names' must be a non-empty array of strings, "
       "not containing \"\""},
      {R"({"functions": [{"names": ["f"]}]})",
       "m.json: entry 1 ('f'): missing 'leaks' (use {} for a function that "
       "keeps nothing)"},
      {R"({"functions": [{"names": ["f"], "leaks": []}]})",
       "m.json: entry 1 ('f'): 'leaks' must be an object keyed by slot, not "
       "[]"},
      {R"({"functions": [{"names": ["f"], "kind": "box", "leaks": {}}]})",
       "m.json: entry 1 ('f'): unknown kind 'box' (use \"container\", "
       "\"view\" or \"thread\")"},
      {R"({"functions": [{"names": ["f"], "kind": 1, "leaks": {}}]})",
       "m.json: entry 1 ('f'): 'kind' must be a string, not 1"},
      {R"({"functions": [{"names": ["f"], "note": 1, "leaks": {}}]})",
       "m.json: entry 1 ('f'): 'note' must be a string"},
      {R"({"functions": [{"names": ["f"], "params": -1, "leaks": {}}]})",
       "m.json: entry 1 ('f'): 'params' must be a non-negative integer, not "
       "-1"},
      {entryWithLeaks(R"({"that": {}})"),
       "m.json: entry 1 ('f'): unknown slot 'that' (use \"this\", \"0\", "
       "\"1\", ... or \"*\")"},
      {entryWithLeaks(R"({"01": {}})"),
       "m.json: entry 1 ('f'): unknown slot '01' (use \"this\", \"0\", "
       "\"1\", ... or \"*\")"},
      {entryWithLeaks(R"({"-1": {}})"),
       "m.json: entry 1 ('f'): unknown slot '-1' (use \"this\", \"0\", "
       "\"1\", ... or \"*\")"},
      {entryWithLeaks(R"({"0": 1})"),
       "m.json: entry 1 ('f'): slot '0' must be an object of sinks, not 1"},
      {entryWithLeaks(R"({"0": {"heapp": 0}})"),
       "m.json: entry 1 ('f'): unknown sink 'heapp' (use result, heap, "
       "global, thread, throw or content)"},
      {entryWithLeaks(R"({"0": {"heap": -1}})"),
       "m.json: entry 1 ('f'): the level of slot '0' 'heap' must be an "
       "integer from 0 to 64, not -1"},
      {entryWithLeaks(R"({"0": {"result": 1.5}})"),
       "m.json: entry 1 ('f'): the level of slot '0' 'result' must be an "
       "integer from 0 to 64, not 1.5"},
      {entryWithLeaks(R"({"0": {"result": "0"}})"),
       "m.json: entry 1 ('f'): the level of slot '0' 'result' must be an "
       "integer from 0 to 64, not \"0\""},
      {entryWithLeaks(R"({"this": {"thread": 65}})"),
       "m.json: entry 1 ('f'): the level of slot 'this' 'thread' must be an "
       "integer from 0 to 64, not 65"},
      {entryWithLeaks(R"({"0": {"content": 1}})"),
       "m.json: entry 1 ('f'): slot '0': 'content' must be an object of "
       "slots, not 1"},
      {entryWithLeaks(R"({"0": {"content": {"*": 1}}})"),
       "m.json: entry 1 ('f'): unknown slot '*' (use \"this\", \"0\", \"1\", "
       "...)"},
      {entryWithLeaks(R"({"0": {"content": {"this": -2}}})"),
       "m.json: entry 1 ('f'): the level of slot '0' 'content' 'this' must "
       "be an integer from 0 to 64, not -2"},
      {entryWithLeaks(R"({"0": {"kind": "heap"}})"),
       "m.json: entry 1 ('f'): unknown kind 'heap' (use \"container\", "
       "\"view\" or \"thread\")"},
  };
  for (const auto &[Text, Want] : Cases)
    EXPECT_EQ(errorOf(Text), Want) << Text;
}

TEST(ModelsTest, WaitsKey) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(R"({"functions": [
      {"names": ["a"], "waits": "until", "leaks": {}},
      {"names": ["b"], "waits": "step", "leaks": {}},
      {"names": ["c"], "leaks": {}}]})",
                         "m.json", Error))
      << Error;
  EXPECT_EQ(M.lookup("a")->Waits, WaitKind::Until);
  EXPECT_EQ(M.lookup("b")->Waits, WaitKind::Step);
  EXPECT_EQ(M.lookup("c")->Waits, WaitKind::None);
  EXPECT_EQ(errorOf(R"({"functions": [{"names": ["f"], "leaks": {}, )"
                    R"("waits": "forever"}]})"),
            "m.json: entry 1 ('f'): 'waits' must be \"until\" or \"step\", "
            "not \"forever\"");
  EXPECT_EQ(errorOf(R"({"functions": [{"names": ["f"], "leaks": {}, )"
                    R"("waits": true}]})"),
            "m.json: entry 1 ('f'): 'waits' must be \"until\" or \"step\", "
            "not true");
}

TEST(ModelsTest, ErrorsNameTheEntryByNumberFromOne) {
  EXPECT_EQ(errorOf(R"({"functions": [
      {"names": ["a"], "leaks": {}},
      {"names": ["b"], "leaks": {}},
      {"names": ["std::foo"], "leaks": {"0": {"heapp": 0}}}]})"),
            "m.json: entry 3 ('std::foo'): unknown sink 'heapp' (use result, "
            "heap, global, thread, throw or content)");
}

TEST(ModelsTest, InvalidJsonIsOneLine) {
  std::string E = errorOf("{\"functions\": [\n  {\"names\": [\"f\"],}\n]}");
  EXPECT_EQ(
      E.rfind("m.json: not valid JSON: parse error at line 2, column ", 0), 0u)
      << E;
  EXPECT_EQ(E.find('\n'), std::string::npos);
  EXPECT_EQ(E.find("[json.exception"), std::string::npos);
  EXPECT_EQ(errorOf("").rfind("m.json: not valid JSON: ", 0), 0u);
}

TEST(ModelsTest, AFailedLoadChangesNothing) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(GoodFile, "good.json", Error));
  EXPECT_FALSE(M.loadText(R"({"functions": [
      {"names": ["printf"], "leaks": {"0": {"heap": 0}}},
      {"names": ["x"], "leaks": {"0": {"heapp": 0}}}]})",
                          "bad.json", Error));
  EXPECT_EQ(M.size(), 4u);
  EXPECT_EQ(M.lookup("printf")->Origin, "good.json: entry 3 ('printf')");
}

TEST(ModelsTest, LoadFile) {
  ModelSet M;
  std::string Error;
  EXPECT_FALSE(M.loadFile("/nonexistent/foo.json", Error));
  EXPECT_EQ(Error, "/nonexistent/foo.json: cannot read the model file");

  std::string Path = testing::TempDir() + "cxxescape_models_test.json";
  {
    std::ofstream Out(Path);
    Out << GoodFile;
  }
  ASSERT_TRUE(M.loadFile(Path, Error)) << Error;
  EXPECT_EQ(M.lookup("strlen")->Origin, Path + ": entry 3 ('printf')");
  std::remove(Path.c_str());
}

TEST(ModelsTest, LaterFilesWinAndWithinAFileTheFirstEntry) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(R"({"functions": [
      {"names": ["std::*"], "leaks": {}},
      {"names": ["std::vector::push_back"], "leaks": {"0": {"heap": 0}}},
      {"names": ["std::vector::*"], "leaks": {"0": {"heap": 0}}}]})",
                         "builtin.json", Error))
      << Error;
  // Within a file the first match wins, glob or not.
  EXPECT_EQ(M.lookup("std::vector::push_back")->Origin,
            "builtin.json: entry 1 ('std::*')");

  ASSERT_TRUE(M.loadText(R"({"functions": [
      {"names": ["std::vector::*"], "leaks": {"0": {"global": 0}}},
      {"names": ["std::list::push_back"], "leaks": {}}]})",
                         "user.json", Error))
      << Error;
  EXPECT_EQ(M.lookup("std::vector::push_back")->Origin,
            "user.json: entry 1 ('std::vector::*')");
  EXPECT_EQ(M.lookup("std::list::push_back")->Origin,
            "user.json: entry 2 ('std::list::push_back')");
  // Not in the user's file: the earlier file still answers.
  EXPECT_EQ(M.lookup("std::deque::push_back")->Origin,
            "builtin.json: entry 1 ('std::*')");
  EXPECT_EQ(M.lookup("pthread_create"), nullptr);
}

TEST(ModelsTest, ParamsCountSelectsAnOverload) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadText(R"({"functions": [
      {"names": ["std::min"], "params": 1, "leaks": {"0": {"result": 1}}},
      {"names": ["std::min"], "leaks": {"*": {"result": 0}}}]})",
                         "m.json", Error))
      << Error;
  EXPECT_EQ(M.lookup("std::min", 1)->Params, 1);
  EXPECT_EQ(M.lookup("std::min", 2)->Params, -1);
  // Without a count, entries that require one do not match.
  EXPECT_EQ(M.lookup("std::min")->Params, -1);
}

TEST(ModelsTest, GlobMatching) {
  EXPECT_TRUE(ModelSet::nameMatches("std::vector::push_back",
                                    "std::vector::push_back"));
  EXPECT_FALSE(ModelSet::nameMatches("std::vector::push_back",
                                     "std::vector::push_back_x"));
  EXPECT_TRUE(
      ModelSet::nameMatches("std::*::push_back", "std::vector::push_back"));
  EXPECT_TRUE(ModelSet::nameMatches("*", "anything"));
  EXPECT_TRUE(ModelSet::nameMatches("std::*::~*", "std::vector::~vector"));
  EXPECT_FALSE(ModelSet::nameMatches("std::*::~*", "std::vector::vector"));
  EXPECT_TRUE(
      ModelSet::nameMatches("std::basic_string::operator basic_string_view*",
                            "std::basic_string::operator basic_string_view"));
  // After the word `operator` a star is the operator's own.
  EXPECT_TRUE(ModelSet::nameMatches("std::unique_ptr::operator*",
                                    "std::unique_ptr::operator*"));
  EXPECT_FALSE(ModelSet::nameMatches("std::unique_ptr::operator*",
                                     "std::unique_ptr::operator="));
  EXPECT_FALSE(ModelSet::nameMatches("std::unique_ptr::operator*",
                                     "std::unique_ptr::operator bool"));
  EXPECT_TRUE(ModelSet::nameMatches("*iterator*::operator*",
                                    "__gnu_cxx::__normal_iterator::operator*"));
  EXPECT_FALSE(ModelSet::nameMatches("*iterator*::operator*",
                                     "std::_List_iterator::operator++"));
  EXPECT_TRUE(ModelSet::nameMatches("S::operator**", "S::operator*="));
  EXPECT_TRUE(ModelSet::nameMatches("S::cooperator*", "S::cooperators"));
  // A backslash makes any star literal.
  EXPECT_TRUE(ModelSet::nameMatches("S::operator->\\*", "S::operator->*"));
  EXPECT_FALSE(ModelSet::nameMatches("S::operator->\\*", "S::operator->"));
  EXPECT_TRUE(ModelSet::nameMatches("S::operator->*", "S::operator->"));
}

TEST(ModelsTest, BuiltinModelsLoad) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadBuiltin(Error)) << Error;
  EXPECT_GT(M.size(), 40u);
}

TEST(ModelsTest, BuiltinModelsSayWhatTheDocsSay) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadBuiltin(Error)) << Error;
  auto Summary = [&](const std::string &Name, int Params) {
    const ModelEntry *E = M.lookup(Name, Params);
    EXPECT_NE(E, nullptr) << Name;
    return E ? ModelSet::summaryFor(*E, Params + 1) : FunctionSummary();
  };
  auto Expect = [](const FunctionSummary &S, int Slot, LeakSink Sink,
                   int Content, int Derefs, const std::string &Kind,
                   const std::string &What) {
    const Leak *L = leakOf(S, Slot, Sink, Content);
    ASSERT_NE(L, nullptr) << What;
    EXPECT_EQ(L->Derefs, Derefs) << What;
    EXPECT_EQ(L->Kind, Kind) << What;
  };
  using LS = LeakSink;

  Expect(Summary("std::vector::push_back", 1), 1, LS::Content, ThisSlot, 1,
         "container", "push_back");
  FunctionSummary Sub = Summary("std::map::operator[]", 1);
  Expect(Sub, 1, LS::Content, ThisSlot, 1, "container", "map[] key");
  Expect(Sub, ThisSlot, LS::Result, -1, 0, "view", "map[] result");
  Expect(Summary("std::basic_string::c_str", 0), ThisSlot, LS::Result, -1, 0,
         "view", "c_str");
  Expect(Summary("std::basic_string::operator basic_string_view", 0), ThisSlot,
         LS::Result, -1, 0, "view", "string to string_view");
  Expect(Summary("std::basic_string_view::basic_string_view", 2), 1,
         LS::Content, ThisSlot, 0, "view", "string_view(p, n)");
  Expect(Summary("std::optional::operator*", 0), ThisSlot, LS::Result, -1, 0,
         "view", "optional *");
  Expect(Summary("__gnu_cxx::__normal_iterator::operator*", 0), ThisSlot,
         LS::Result, -1, 1, "view", "vector iterator *");
  Expect(Summary("std::_Rb_tree_iterator::operator->", 0), ThisSlot, LS::Result,
         -1, 1, "view", "map iterator ->");
  EXPECT_EQ(M.lookup("__gnu_cxx::__normal_iterator::operator++"), nullptr);
  Expect(Summary("std::unique_ptr::get", 0), ThisSlot, LS::Result, -1, 1,
         "view", "unique_ptr::get");
  Expect(Summary("std::__shared_ptr_access::operator*", 0), ThisSlot,
         LS::Result, -1, 1, "view", "shared_ptr *");
  Expect(Summary("std::move", 1), 1, LS::Result, -1, 0, "", "std::move");
  Expect(Summary("std::move", 3), 1, LS::Content, 3, 1, "",
         "std::move(first, last, out)");
  Expect(Summary("std::min", 2), 2, LS::Result, -1, 0, "", "min(a, b)");
  Expect(Summary("std::min", 1), 1, LS::Result, -1, 1, "", "min({a, b})");
  FunctionSummary Ex = Summary("std::exchange", 2);
  Expect(Ex, 1, LS::Result, -1, 1, "", "exchange old");
  Expect(Ex, 2, LS::Content, 1, 1, "", "exchange new");
  Expect(Summary("std::thread::thread", 2), 2, LS::Content, ThisSlot, 1,
         "thread", "thread(f, arg)");
  Expect(Summary("std::thread::detach", 0), ThisSlot, LS::Thread, -1, 1,
         "thread", "detach");
  Expect(Summary("pthread_create", 4), 4, LS::Content, 1, 0, "thread",
         "pthread_create arg");
  Expect(Summary("pthread_detach", 1), 1, LS::Thread, -1, 0, "thread",
         "pthread_detach");
  Expect(Summary("std::function::function", 1), 1, LS::Content, ThisSlot, 1, "",
         "function(f)");
  FunctionSummary Cpy = Summary("memcpy", 3);
  Expect(Cpy, 2, LS::Content, 1, 1, "", "memcpy src");
  Expect(Cpy, 1, LS::Result, -1, 0, "", "memcpy dst");
  EXPECT_TRUE(Summary("printf", 1).empty());
  EXPECT_TRUE(Summary("qsort", 4).empty());
  EXPECT_TRUE(Summary("std::thread::join", 0).empty());
  auto WaitsOf = [&](const std::string &Name, int Params) {
    const ModelEntry *E = M.lookup(Name, Params);
    return E ? E->Waits : WaitKind::None;
  };
  EXPECT_EQ(WaitsOf("std::thread::join", 0), WaitKind::Until);
  EXPECT_EQ(WaitsOf("std::future::get", 0), WaitKind::Until);
  EXPECT_EQ(WaitsOf("pthread_join", 2), WaitKind::Until);
  EXPECT_EQ(WaitsOf("std::condition_variable::wait", 1), WaitKind::Step);
  EXPECT_EQ(WaitsOf("std::condition_variable::wait", 2), WaitKind::Until);
  EXPECT_EQ(WaitsOf("std::condition_variable::wait_for", 2), WaitKind::Step);
  EXPECT_EQ(WaitsOf("std::condition_variable::wait_for", 3), WaitKind::Until);
  EXPECT_EQ(WaitsOf("std::this_thread::sleep_for", 1), WaitKind::Step);
  EXPECT_EQ(WaitsOf("pthread_cond_wait", 2), WaitKind::Step);
  EXPECT_EQ(WaitsOf("usleep", 1), WaitKind::Step);
  EXPECT_EQ(WaitsOf("pthread_mutex_lock", 1), WaitKind::None);
  EXPECT_EQ(WaitsOf("std::thread::joinable", 0), WaitKind::None);
  EXPECT_TRUE(Summary("std::vector::~vector", 0).empty());
}

TEST(ModelsTest, UsersOverrideBuiltins) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.loadBuiltin(Error)) << Error;
  ASSERT_TRUE(M.loadText(R"({"functions": [
      {"names": ["std::vector::push_back"], "leaks": {}}]})",
                         "mine.json", Error))
      << Error;
  EXPECT_EQ(M.lookup("std::vector::push_back")->Origin,
            "mine.json: entry 1 ('std::vector::push_back')");
  EXPECT_NE(M.lookup("std::vector::emplace_back")->Origin.find("models/std"),
            std::string::npos);
}
