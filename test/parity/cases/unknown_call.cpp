// Calls through a function value: the callee is unknown, so every argument
// escapes (escape.go f(&x) with a func value, escape2.go foo118).

void callFn(void (*f)(int *)) { // L: callfn
  int x = 0; // L: x
  f(&x);
}
