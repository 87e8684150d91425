// RUN: %escape %s -- %std | count 0
// Negative cases for escape-temporary: temporaries that are lifetime-extended
// by a reference binding, or whose address is used only within the
// full-expression.

#include <initializer_list>
#include <utility>

struct S {
  int v;
  int w;
};

struct RefAgg {
  const int &r;
};

int lifetimeExtendedByConstReference() {
  const int &r = 5;
  return r;
}

int lifetimeExtendedObject() {
  const S &s = S{1, 2};
  return s.v + s.w;
}

int braceAggregateExtendsReferenceMember() {
  RefAgg a{42};
  return a.r;
}

int staticCastOfMaterializedTemporaryIsExtended() {
  // [class.temporary]/6: a cast of a materialized temporary still extends it.
  const int &r = static_cast<const int &>(5);
  return r;
}

int memberOfCastTemporaryIsExtended() {
  int &&r = static_cast<S &&>(S{1, 2}).v;
  return r;
}

int initializerListInitializedFromBracedList() {
  std::initializer_list<int> il = {1, 2, 3};
  int s = 0;
  for (int v : il)
    s += v;
  return s;
}

int rangeForOverBracedList() {
  int s = 0;
  for (int v : {1, 2, 3})
    s += v;
  return s;
}

int forwardingReferenceExtends() {
  auto &&x = S{2, 3};
  return x.w;
}

int addressUsedWithinFullExpression() {
  int v = *&static_cast<const int &>(5);
  return v;
}

int memberOfTemporaryByValue() { return S{4, 5}.w; }

S copyOfTemporary() {
  S s = S{1, 2};
  return s;
}

int pointerIntoExtendedTemporary() {
  S &&s = S{7, 8};
  int *p = &s.v;
  return *p;
}

const int g_five = 5;
const int &referenceToGlobalConstant() { return g_five; }

int indexTemporaryArray() {
  using Triple = int[3];
  return Triple{1, 2, 3}[1];
}
