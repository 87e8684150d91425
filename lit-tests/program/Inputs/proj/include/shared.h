// Seen by several translation units: its finding is reported once.
inline int *sharedBug() {
  int s = 0;
  return &s;
}

// Defined in src/lib/keep.cpp: which translation unit sees its body
// depends on linking.
void keep(int *p);
// Defined nowhere: an unknown call.
void unknownSink(int *p);
