inline int *suppressed() {
  int x = 0;
  return &x; // NOLINT(escape-return)
}
inline int *suppressedNext() {
  int x = 0;
  // NOLINTNEXTLINE(escape-return)
  return &x;
}
inline int *kept() { int kept = 0;
  return &kept; }
// NOLINTNEXTLINE(escape-global)
inline int unusedInHeader() { return 0; }
