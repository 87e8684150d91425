//===- Rules.cpp - Rule registry and check globs --------------------------===//

#include "cxxescape/Rules.h"
#include "cxxescape/Finding.h"

#include <algorithm>
#include <tuple>

namespace cxxescape {

const std::vector<RuleInfo> &allRules() {
  // Help: the "What it finds" paragraph of docs/rules/<id>.md, links made
  // code spans (lit-tests/formats/sarif.test keeps them equal).
  static const std::vector<RuleInfo> Rules = {
      {"escape-return",
       "the address of a local object escapes through the return value",
       "A function returns a pointer or reference to one of its own "
       "automatic objects: a local variable, a by-value parameter, a local"
       " array that decays to a pointer, or a member or element of one of "
       "these. The object is destroyed when the function returns, so the "
       "caller receives a dangling pointer or reference, and any read or "
       "write through it is undefined behaviour (use-after-return, "
       "CWE-562; the later dereference is CWE-825). The rule also follows "
       "the address through local copies (`int *p = &x; int *q = p; return"
       " q;`), pointer arithmetic, `?:`, `std::move` and `std::addressof`,"
       " and through aggregates returned by value that hold the address."},
      {"escape-global",
       "the address of a local object is stored in a global or static",
       "The address of an automatic object (a local variable, a by-value "
       "parameter, a local array) is stored in a variable with static or "
       "thread storage duration: a namespace-scope variable, a `static` "
       "local, a static data member, a `thread_local`, or a member or "
       "element of one of these, and it is still there when the function "
       "returns. From then on the global holds a dangling pointer; the "
       "next code that reads through it, in any function, has undefined "
       "behaviour (use-after-return, CWE-825). The rule also catches "
       "stores through a reference or pointer that is bound to a global "
       "(`int *&slot = g_ptr; slot = &x;`)."},
      {"escape-outparam",
       "the address of a local object is stored through a parameter "
       "into the caller's memory",
       "A function stores the address of one of its automatic objects "
       "through a pointer or reference parameter: `*out = &x`, `out = &x` "
       "for an `int *&out`, `r->msg = buf`, `slots[i] = &x`, "
       "`n->next->data = &x`, also through a local alias of the parameter."
       " The memory written belongs to the caller and outlives the "
       "callee's frame, so when the function returns the caller is left "
       "holding a dangling pointer; using it is undefined behaviour "
       "(use-after-return, CWE-825). Stores through `this` are reported by"
       " `escape-member` instead."},
      {"escape-member",
       "the address of a local object is stored in a member of *this",
       "A member function or constructor stores the address of one of its "
       "automatic objects (a local, a by-value parameter, a local array) "
       "in a data member of `*this`: `cursor_ = buf`, `this->p = &n`, "
       "`(*this).p = &n`, `slots[i] = &n`, `span.data = local`, or a "
       "reference or pointer member initialised from a by-value "
       "constructor parameter (`S(int v) : ref(v) {}`). The object "
       "outlives the call, so after it returns the member dangles, and the"
       " next member function that reads it has undefined behaviour "
       "(use-after-return, CWE-825). Stores into another object reached "
       "through a parameter are reported by `escape-outparam`."},
      {"escape-scope",
       "the address of an object is kept in a variable that outlives "
       "the object's scope",
       "Inside one function, the address of an object declared in an inner"
       " block, a loop body, a loop's init statement, an `if`/`switch` "
       "branch or init statement is stored in a variable of an enclosing "
       "scope, and that variable is read after the inner scope has ended. "
       "In C++ every block ends the lifetime of its automatic objects (a "
       "loop body ends it on every iteration), so the outer pointer "
       "dangles and reading through it is undefined behaviour "
       "(use-after-scope, CWE-825). The rule looks at what happens after "
       "the scope: it stays quiet when the pointer is reset or overwritten"
       " before any read."},
      {"escape-lambda",
       "a lambda capturing a local by reference outlives it",
       "A lambda that refers to an automatic object, through a "
       "by-reference capture (`[&]`, `[&x]`, `[&r = x]`) or through a "
       "captured pointer to it (`[p]` with `p = &x`, `[p = &x]`), is "
       "returned from the function (directly, via a local `auto` or "
       "`std::function` variable, or nested in another lambda), or stored "
       "somewhere that outlives the object: a global or `static`, a member"
       " of `*this`, or an out-parameter. The closure object holds only "
       "the address; when the function returns, the captured object is "
       "destroyed, and calling the lambda later reads or writes a dead "
       "object, which is undefined behaviour (use-after-return, CWE-825)."},
      {"escape-temporary",
       "the address of a temporary outlives its full-expression",
       "A temporary object (a prvalue that was materialized, such as "
       "`Point{0, 0}`, `5` bound to `const int &`, or the backing array of"
       " a braced list) is destroyed at the end of the full-expression "
       "that created it, unless a reference binding extends its lifetime. "
       "The rule reports a temporary whose address is nevertheless kept: "
       "returned by reference (`const T &f() { return T{}; }`, "
       "`std::initializer_list` returned from `{1, 2, 3}`), stored in a "
       "variable or aggregate that lives on (C++20 parenthesized aggregate"
       " initialization of a reference member, `&static_cast<const T "
       "&>(prvalue)`, `int &&r = std::move(5);`, a temporary array "
       "decaying to a pointer), or stored in a global. Any later access "
       "goes to a dead object: undefined behaviour (use-after-scope / "
       "use-after-return, CWE-825)."},
      {"escape-throw",
       "the address of a local object is thrown",
       "A `throw` expression whose exception object holds the address of "
       "an automatic object: `throw &x;`, `throw buf;` (a local array "
       "decays to a pointer), or an exception struct built with a pointer "
       "to a local (`throw Error{buf, 28};`), also through local copies of"
       " the pointer and `?:`. The exception object itself is copied into "
       "storage that survives stack unwinding, but the address inside it "
       "does not: the local, the by-value parameter or the `catch (T e)` "
       "copy it points to is destroyed while the stack unwinds, before a "
       "handler in a caller runs. Reading through the pointer in the "
       "handler is undefined behaviour (use-after-return, CWE-825)."},
      {"escape-container",
       "the address of a local object is inserted into a container that "
       "outlives it",
       "The address of an automatic object (a local variable, a by-value "
       "parameter, a local array), or a lambda that captures one by "
       "reference, is put into a standard container (`push_back`, "
       "`emplace_back`, `push_front`, `insert`, `emplace`, `try_emplace`, "
       "the key of a map's `operator[]`, an initializer list, or a "
       "function of the program that does one of these) and the container "
       "outlives the object: it is returned by value, it is a member of "
       "`*this`, a global or `static`, a container the caller passed in, "
       "or a variable of an enclosing scope. The container keeps only the "
       "address: once the object is destroyed the element dangles, and "
       "the code that later walks the container has undefined behaviour "
       "(use-after-return or use-after-scope, CWE-825). The rule needs "
       "the interprocedural analysis, which is on by default "
       "(`--interprocedural=false` turns it off)."},
      {"escape-thread",
       "the address of a local object is handed to a thread that may "
       "outlive it",
       "The address of an automatic object, or a lambda that captures one "
       "by reference or holds a pointer to it, is handed to another "
       "thread that may still run after the object is destroyed: the task "
       "of a `std::async` whose `std::future` is returned, or stored in a "
       "member of `*this`, a global, an out-parameter, a container or a "
       "variable of an enclosing scope; a `std::thread` that is detached "
       "or kept beyond the object's scope; the argument of a "
       "`pthread_create` whose thread is detached. The other thread reads "
       "or writes the object after the function has returned or the block "
       "has ended: a data race with the object's destruction and "
       "undefined behaviour (use-after-return, CWE-825). A thread that is "
       "joined while the object is alive (`t.join()`, a `std::jthread` "
       "destroyed in the object's scope, a future whose `get()` is called "
       "there) is safe. The rule needs the interprocedural analysis, which "
       "is on by default (`--interprocedural=false` turns it off)."},
      {"escape-view",
       "a view into a local object outlives it",
       "A pointer, reference, iterator or view into the storage of an "
       "automatic object that owns it (a `std::string`, `std::vector`, "
       "`std::array`, `std::deque`, `std::optional`, a map or set, a "
       "local array) outlives the owner: the result of `data()`, "
       "`c_str()`, `begin()`, `find()`, `front()`, `operator[]` or `*` on "
       "the owner, a `std::string_view` or `std::span` made from it, or "
       "the result of a function whose parameter is "
       "`[[clang::lifetimebound]]`, is returned, stored in a member of "
       "`*this`, a global or `static`, an out-parameter, or a variable of "
       "an enclosing scope that is read after the owner's scope ends. The "
       "owner's storage ends with it (the destructor of a string or "
       "vector frees its buffer), so the view dangles and reading through "
       "it is undefined behaviour (use-after-return or use-after-scope, "
       "CWE-825). A view of a temporary owner (`std::string_view sv = "
       "make_name();`) is reported by `escape-temporary`. The rule needs "
       "the interprocedural analysis, which is on by default "
       "(`--interprocedural=false` turns it off)."},
      {"escape-unknown-call",
       "the address of a local object is passed to a function that is not "
       "analysed",
       "Only with `--unknown-calls=escape` (or `unknown-calls: escape` in "
       "the configuration file), with the interprocedural analysis (on by "
       "default): the address of an automatic object is passed to a "
       "function the analysis knows nothing about, one with no body in "
       "the analysed code, no library model and no "
       "`[[clang::lifetimebound]]` or `[[clang::noescape]]` parameter, or "
       "called through a function pointer. The object a member function "
       "is called on counts as an argument. This is Go's rule for a "
       "function without a body: it may keep its arguments anywhere, so "
       "they escape. If the callee does keep the address, it dangles once "
       "the object is destroyed, and the next use is undefined behaviour "
       "(use-after-return, CWE-825). With the default, "
       "`--unknown-calls=ignore`, such a call is taken to keep nothing "
       "and the rule reports nothing.",
       "medium"},
      {"escape-lifetimebound",
       "a parameter whose address the function returns lacks "
       "[[clang::lifetimebound]]",
       "Off by default; turn it on by naming it "
       "(`--checks=escape-*,escape-lifetimebound`); it reads the summaries "
       "of the interprocedural analysis (on by default). A suggestion, not a"
       " bug: a function returns, at level 0, the value of a reference or "
       "pointer parameter, or a pointer or reference into `*this` (Go's "
       "`leaking param: p to result ~r0 level=0`), and the parameter (or, "
       "for `this`, the function type) is not marked "
       "`[[clang::lifetimebound]]`. With the attribute, Clang itself warns "
       "at every call site that passes a temporary or returns the result "
       "past the argument's life (`-Wdangling`, "
       "`-Wreturn-stack-address`), in code this tool never sees. The "
       "finding carries a fix-it that inserts the attribute in the "
       "function's first declaration. Copy and move assignment operators "
       "are left alone.",
       "high", false},
      {"escape-heap-to-stack",
       "a heap allocation never escapes and could live on the stack",
       "Off by default; turn it on by naming it "
       "(`--checks=escape-*,escape-heap-to-stack`). A suggestion, not a "
       "bug: Go's escape analysis puts `new(T)` and `make([]T, N)` on the "
       "stack when they do not escape (`new(T) does not escape`), C++ "
       "never does. The rule reports a `new T` (or `new T[N]` with a "
       "constant `N`) whose object does not escape and whose pointer, held"
       " in one local variable, is deleted on every path to the function's"
       " exits; a `std::make_unique<T>` held in a local `std::unique_ptr` "
       "that is never moved out, released, reset or reassigned; a "
       "`std::make_shared<T>` none of whose copies escape; and a local "
       "`std::vector` constructed with a constant size that never grows. "
       "\"Escapes\" is decided by the solver under Go's rules: the object "
       "escapes when its address reaches the heap, a global, the result, "
       "a parameter's memory or a call that may keep it. Objects larger "
       "than Go's implicit limit, 64 KiB, are left alone; "
       "`--max-stack-alloc=BYTES` changes the limit.",
       "high", false},
      {"escape-leak",
       "memory allocated by new never escapes and is never deleted",
       "Off by default; turn it on by naming it "
       "(`--checks=escape-*,escape-leak`). A `new` whose pointer does not "
       "escape (under Go's rules, as for `escape-heap-to-stack`), that no "
       "path deletes, and that is never handed to anything that could "
       "free it: a call (any callee may free what it receives), an owner "
       "such as `std::unique_ptr`, a container, a member of an aggregate, "
       "a closure. When the function returns, the last pointer to the "
       "object is gone and the memory is lost (CWE-401). A `new` deleted "
       "on some paths but not on others is not reported.",
       "high", false},
  };
  return Rules;
}

bool globMatch(const std::string &Pattern, const std::string &Text) {
  // Iterative '*' matching with backtracking to the last star.
  size_t P = 0, T = 0, Star = std::string::npos, Mark = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = T;
    } else if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
    } else if (Star != std::string::npos) {
      P = Star + 1;
      T = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

CheckFilter::CheckFilter(const std::string &Spec) {
  size_t Start = 0;
  while (Start <= Spec.size()) {
    size_t End = Spec.find(',', Start);
    if (End == std::string::npos)
      End = Spec.size();
    std::string Item = Spec.substr(Start, End - Start);
    Item.erase(0, Item.find_first_not_of(" \t\n"));
    Item.erase(Item.find_last_not_of(" \t\n") + 1);
    if (!Item.empty()) {
      bool Positive = Item[0] != '-';
      if (!Positive)
        Item.erase(0, 1);
      Globs.push_back({Positive, Item});
    }
    Start = End + 1;
  }
}

CheckFilter CheckFilter::everything(const std::vector<std::string> &Except) {
  std::string Globs = "*";
  for (const std::string &Id : Except)
    Globs += ",-" + Id;
  CheckFilter F(Globs);
  F.IncludeOffByDefault = true;
  return F;
}

const RuleInfo *findRule(const std::string &Id) {
  for (const RuleInfo &R : allRules())
    if (Id == R.Id)
      return &R;
  return nullptr;
}

bool CheckFilter::enabled(const std::string &Rule) const {
  const RuleInfo *Info = findRule(Rule);
  bool OptIn = !IncludeOffByDefault && Info && !Info->DefaultEnabled;
  bool On = false;
  // The last matching glob wins, as in clang-tidy; a wildcard never turns on
  // a rule that is off by default, so `escape-*` keeps its meaning.
  for (const Glob &G : Globs) {
    if (!globMatch(G.Pattern, Rule))
      continue;
    if (G.Positive && OptIn && G.Pattern != Rule)
      continue;
    On = G.Positive;
  }
  return On;
}

std::vector<std::string> CheckFilter::unmatchedGlobs() const {
  std::vector<std::string> Out;
  for (const Glob &G : Globs) {
    bool Any = false;
    for (const RuleInfo &R : allRules())
      Any |= globMatch(G.Pattern, R.Id);
    if (!Any)
      Out.push_back(G.Pattern);
  }
  return Out;
}

void sortAndDedupe(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where.File, F.Where.Line, F.Where.Col, F.Rule,
                    F.Message);
  };
  std::stable_sort(Findings.begin(), Findings.end(),
                   [&](const Finding &A, const Finding &B) {
                     return Key(A) < Key(B);
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

} // namespace cxxescape
