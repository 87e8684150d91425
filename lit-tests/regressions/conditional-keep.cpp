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
  // Changed through a reference, a pointer, an increment, a capture by
  // reference: it guards nothing either.
  void setByRef(const char *S, bool StaticMem) {
    flip(StaticMem);
    if (StaticMem)
      Value.intern(S);
  }
  void setByPointer(const char *S, bool StaticMem) {
    bool *P = &StaticMem;
    *P = true;
    if (StaticMem)
      Value.intern(S);
  }
  void setIncremented(const char *S, int Level) {
    ++Level;
    if (Level == 1)
      Value.intern(S);
  }
  void setCaptured(const char *S, bool StaticMem) {
    auto Set = [&] { StaticMem = true; };
    Set();
    if (StaticMem)
      Value.intern(S);
  }
  // Only read, also through a const reference and a copy into a lambda: the
  // guard holds.
  void setRead(const char *S, bool StaticMem) {
    bool Seen = same(StaticMem) && StaticMem;
    auto Peek = [StaticMem] { return StaticMem; };
    (void)Seen;
    (void)Peek;
    if (StaticMem)
      Value.intern(S);
  }
  static void flip(bool &B) { B = !B; }
  static bool same(const bool &B) { return B; }
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
  N.setRead(Buf, false);
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

void changedThroughReference(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setByRef(Buf, false);
}

void changedThroughPointer(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setByPointer(Buf, false);
}

void incremented(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setIncremented(Buf, 0);
}

void changedInLambda(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setCaptured(Buf, false);
}

void readOnly(Node &N) {
  char Buf[16] = "x";
  // CHECK: conditional-keep.cpp:[[@LINE+1]]:3: warning: address of local variable 'Buf' is stored in 'N'
  N.setRead(Buf, true);
}
