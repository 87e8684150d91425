// Only what a parameter points to leaks (escape2.go foo13).

int **xxx;
int *gp;

void foo13(int **yyy) { // L: foo13
  *xxx = *yyy;
}

void content2(int ***ppp) { // L: content2
  gp = **ppp;
}
