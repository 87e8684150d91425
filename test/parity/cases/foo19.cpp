// escape2.go foo19: a value stored two levels down: nothing escapes.

int **xxx;

void foo19(int y) {
  **xxx = y;
}
