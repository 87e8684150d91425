// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// A callee that returns (or stores) one field of an object argument hands
// on that field only (fmtlib's visit_format_arg returns the formatter's
// output iterator while the formatter also holds &specs): a caller whose
// object holds a local's address in another field keeps nothing. A callee
// that reads that field, the whole object or several fields still does.

struct Out {
  char *p;
};
struct Formatter {
  Out out;
  const int *specs;
  Out get() const { return out; }
};

Out visit(Formatter f) { return f.out; }
Out visitRef(const Formatter &f) { return f.out; }
Out visitPtr(const Formatter *f) { return f->out; }
Out visitTwice(const Formatter &f) { return visitRef(f); }

Out specsOf(Formatter f) {
  Out o;
  o.p = (char *)f.specs;
  return o;
}
const int *specsRef(const Formatter &f) { return f.specs; }
Formatter whole(const Formatter &f) { return f; }
Out either(const Formatter &f, bool b) {
  return b ? f.out : Out{(char *)f.specs};
}

// fmtlib's arg_formatter holds the specs by reference: a reference member
// holds the address it is bound to in its own field too.
struct RefFormatter {
  Out out;
  const int &specs;
};
Out visitRefMember(const RefFormatter &f) { return f.out; }
const int *specsAddr(const RefFormatter &f) { return &f.specs; }

struct Context {
  Out out;
  const int *specs;
  void advance(Out o) { out = o; }
};

void put(Context *c, const Formatter &f) { c->out = f.out; }
// Where in f a callee's store lands is not known: a callee reading one field
// may read it.
void fillSpecs(Formatter *f, const int *s) { f->specs = s; }
const int *specsValue(Formatter f) { return f.specs; }
void putSpecs(Context *c, const Formatter &f) { c->specs = f.specs; }

struct Handler {
  Context ctx;
  Formatter keep;

  // The other field: quiet.
  void byValue(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    ctx.advance(visit(f));
  }
  void byReference(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    ctx.advance(visitRef(f));
  }
  void byPointer(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    ctx.advance(visitPtr(&f));
  }
  void throughTwoCalls(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    ctx.advance(visitTwice(f));
  }
  void temporary(char *buf) {
    int specs = 0;
    ctx.advance(visitRef(Formatter{{buf}, &specs}));
  }
  void member(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    ctx.advance(f.get());
  }
  void copied(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    Formatter g = f;
    ctx.advance(visit(g));
  }
  void referenceMember(char *buf) {
    int specs = 0;
    auto f = RefFormatter{{buf}, specs};
    ctx.advance(visitRefMember(f));
  }
  void stored(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    put(&ctx, f);
  }

  // The field that holds the address, the whole object, two fields.
  void specsField(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.advance(specsOf(f));
  }
  void specsThroughReference(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.specs = specsRef(f);
  }
  void sameField(char *buf) {
    int specs = 0;
    Formatter f{{(char *)&specs}, nullptr};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.advance(visitRef(f));
  }
  void wholeObject(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    keep = whole(f);
  }
  void twoFields(char *buf, bool b) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.advance(either(f, b));
  }
  void referenceMemberAddress(char *buf) {
    int specs = 0;
    auto f = RefFormatter{{buf}, specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.specs = specsAddr(f);
  }
  void filledByCallee(char *buf) {
    int specs = 0;
    Formatter f{{buf}, nullptr};
    fillSpecs(&f, &specs);
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    ctx.specs = specsValue(f);
  }
  void storedSpecs(char *buf) {
    int specs = 0;
    Formatter f{{buf}, &specs};
    // CHECK: field-precise-summaries.cpp:[[@LINE+1]]:5: warning: address of local variable 'specs' is stored in {{.*}}[escape-member]
    putSpecs(&ctx, f);
  }
};
