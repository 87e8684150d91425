#pragma once
int *id(int *p);
void setGlobal(int *p);
struct Holder {
  int *p;
  explicit Holder(int *q);
};
struct Shape {
  virtual int *keep(int *p) = 0;
  virtual ~Shape() = default;
};
