// Declarations the fix-its annotate: the first declaration of each function.
const int &pick(const int &a, const int &b);
struct Box {
  int value;
  const int &get() const { return value; }
};
