// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// A callee that keeps its argument only under a condition on another of its
// parameters (tinyxml2's SetValue(str, staticMem)): a caller passing a
// constant that fails the condition, literally or through a default
// argument, gets no flow; a caller passing anything else does.

struct Text {
  const char *Start = nullptr;
  bool Owned = false;
  void intern(const char *S) { Start = S; }
  void copy(const char *S);
};

enum class Mode { Copy, Borrow };

struct Node {
  Text Value;
  void set(const char *S, bool StaticMem = false) {
    if (StaticMem)
      Value.intern(S);
    else
      Value.copy(S);
  }
  void setNegated(const char *S, bool Copy) {
    if (!Copy) {
      Value.intern(S);
      return;
    }
    Value.copy(S);
  }
  void setEarly(const char *S, bool Copy) {
    if (Copy) {
      Value.copy(S);
      return;
    }
    Value.intern(S);
  }
  void setMode(const char *S, Mode M) {
    if (M == Mode::Borrow)
      Value.intern(S);
    else
      Value.copy(S);
  }
  // The condition's parameter changes inside: it guards nothing.
  void setChanged(const char *S, bool StaticMem) {
    StaticMem = !StaticMem;
    if (StaticMem)
      Value.intern(S);
  }
  // Forwards its own flag: the caller's constant decides one level up.
  void setText(const char *S) { set(S); }
};

void copiedByDefault(Node &N) {
  char Buf[16] = "x";
  N.set(Buf);
}

void copiedExplicitly(Node &N) {
  char Buf[16] = "x";
  N.set(Buf, false);
  N.setNegated(Buf, true);
  N.setEarly(Buf, true);
  N.setMode(Buf, Mode::Copy);
  N.setText(Buf);
}

void interned(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.set(Buf, true);
}

void internedNegated(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setNegated(Buf, false);
}

void internedAfterEarlyReturn(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setEarly(Buf, false);
}

void borrowed(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setMode(Buf, Mode::Borrow);
}

void unknownFlag(Node &N, bool Flag) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.set(Buf, Flag);
}

void changedFlag(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setChanged(Buf, false);
}
