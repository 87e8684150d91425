#include "hooks.h"
bool matches() {
  Matcher m;
  m.match();
  return m.state != 0;
}
