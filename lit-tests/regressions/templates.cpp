// A finding in a template is reported once, whatever the instantiations.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
template <class T> T *leak() {
  T x{};
  // CHECK: templates.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'leak'
  return &x;
}

template <class T> struct Box {
  T *p;
  void set() {
    T v{};
    // CHECK: templates.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is stored in member 'p' of '*this'; 'v' is destroyed when 'Box::set' returns [escape-member]
    p = &v;
  }
};

int *a() { return leak<int>(); }
long *b() { return leak<long>(); }
void c() {
  Box<int> bi;
  bi.set();
  Box<char> bc;
  bc.set();
}

// Uninstantiated templates are not analysed: nothing to report.
template <class T> T *never() {
  T y{};
  return &y;
}
