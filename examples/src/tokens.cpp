#include "demo.h"

namespace demo {

int countTokens(const char *Text) {
  const char *Cursor = Text;
  int N = 0;
  for (; *Cursor; ++Cursor)
    if (*Cursor == ' ')
      ++N;
  return N + 1;
}

const char *firstToken(const char *Text, char *Out) {
  const char *Last = nullptr;
  {
    char Copy[64];
    int I = 0;
    for (; Text[I] && Text[I] != ' ' && I < 63; ++I)
      Copy[I] = Text[I];
    Copy[I] = 0;
    Last = Copy; // Copy ends with this block ...
  }
  return Last; // ... but its address is still used here
}

void splitFirst(const char *Text, const char **Rest) {
  char Delims[2] = {' ', 0};
  *Rest = Delims; // the caller's pointer now points into this frame
}

} // namespace demo
