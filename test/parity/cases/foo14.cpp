// escape2.go foo14: storing a value two levels down leaks nothing.

int **xxx;

void foo14(int **yyy) { // L: foo14
  **xxx = **yyy;
}
