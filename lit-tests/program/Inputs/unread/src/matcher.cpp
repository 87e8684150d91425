#include "hooks.h"
namespace hooks {
const void *watched = nullptr;
thread_local const void *context = nullptr;
} // namespace hooks
void Matcher::match() {
  hooks::context = this;
  state++;
}
void remember() {
  int x = 0;
  hooks::watched = &x;
}
