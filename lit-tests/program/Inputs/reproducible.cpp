#include <vector>

struct Node {
  int *p;
};

std::vector<int *> kept;

void receivers(Node &out) {
  int x = 0;
  std::vector<int *> v;
  v.push_back(&x);
  v.pop_back();
  kept.push_back(&x);
  kept.pop_back();
  Node n;
  n.p = &x;
  out.p = n.p;
  int *arr[2];
  arr[1] = &x;
  arr[x] = nullptr;
}
