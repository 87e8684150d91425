// Input of program.test: the callees of caller.cpp.
int *id(int *p) { return p; }
int peek(int *p) { return *p; }
