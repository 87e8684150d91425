// Indirection levels (escape_level.go level0, level1, level2).

void *sink;

void level0() {
  int i = 0;       // L: i0
  int *p0 = &i;    // L: p0_0
  int **p1 = &p0;  // L: p1_0
  int ***p2 = &p1; // L: p2_0
  sink = &p2;      // L: sink0
}

void level1() {
  int i = 0;      // L: i1
  int *p0 = &i;   // L: p0_1
  int **p1 = &p0; // L: p1_1
  int ***p2 = &p1;
  sink = p2;
}

void level2() {
  int i = 0;    // L: i2
  int *p0 = &i; // L: p0_2
  int **p1 = &p0;
  int ***p2 = &p1;
  sink = *p2;
}

void level3() {
  int i = 0; // L: i3
  int *p0 = &i;
  int **p1 = &p0;
  int ***p2 = &p1;
  sink = **p2;
}
