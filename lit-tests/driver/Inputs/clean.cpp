#include <stddef.h>
#include <stdarg.h>
size_t count(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int x = 0;
  int *p = &x;
  va_end(ap);
  return static_cast<size_t>(*p + n);
}
