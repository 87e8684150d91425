//===- HeapifyPlan.h - How a local would move to the GC heap ----*- C++ -*-===//
//
// The rewrite that turns a stack object into one the GC runtime owns depends
// on the declaration as written (its range, the type's spelling, the
// initializer), so the lowering computes it while it still has the AST and
// stores it, as plain data, on the local's Location. The findings layer
// decides later, from the escaping flow, whether to offer it.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_HEAPIFYPLAN_H
#define CXXESCAPE_HEAPIFYPLAN_H

#include <cstdint>
#include <string>
#include <vector>

namespace cxxescape {

/// One textual edit: a byte range of a file as the compiler saw it (an
/// absolute path) and the text that replaces it.
struct TextEdit {
  std::string File;
  uint32_t Offset = 0;
  uint32_t Length = 0;
  std::string Text;
  bool operator==(const TextEdit &) const = default;
};

enum class HeapifyForm : uint8_t {
  None,      // no plan: not a named local of user code
  Object,    // T x(args);  ->  T &x = *gc::make<T>(args);
  Array,     // T a[N];     ->  T (&a)[N] = *reinterpret_cast<...>(...);
  Parameter, // f(T p) {    ->  f(T p_arg) { T &p = *gc::make<T>(...);
};

struct HeapifyPlan {
  HeapifyForm Form = HeapifyForm::None;
  /// The edits that move the object, the runtime's #include among them;
  /// empty when Refusal says why the declaration cannot be rewritten.
  std::vector<TextEdit> Edits;
  std::string Refusal;
  /// The type gc::make allocates, as the edits spell it.
  std::string Type;
  /// Already moved: a reference bound to `*gc::make<T>(...)` (or to a
  /// gc::make_array), at this line and column of the declaration's file,
  /// which is where the runtime's allocation-site report counts it.
  bool OnGcHeap = false;
  uint32_t SiteLine = 0;
  uint32_t SiteCol = 0;
  bool empty() const { return Form == HeapifyForm::None; }
  bool operator==(const HeapifyPlan &) const = default;
};

} // namespace cxxescape

#endif
