struct Node {
  Node *next = nullptr;
  int id = 0;
};

struct List {
  Node root;
  Node *tail = &root;
  void push(Node *n);
  void pop();
  void touch();
};
