// RUN: %escape %s -- %std | count 0
// Negative cases for escape-lambda: by-reference lambdas that do not outlive
// their captures, and escaping lambdas that capture only values or addresses
// of long-lived objects.

#include <functional>

std::function<int()> g_callback;

int invokedImmediately() {
  int x = 1;
  int y = [&] { return x + 1; }();
  return y;
}

auto captureByCopy() {
  int x = 2;
  return [x] { return x * 2; };
}

auto defaultCaptureByCopy() {
  int x = 2, y = 3;
  return [=] { return x + y; };
}

std::function<int()> stdFunctionCapturingByCopy() {
  int x = 0;
  return [x] { return x; };
}

void globalCallbackCapturingByCopy() {
  int x = 4;
  g_callback = [x] { return x; };
}

struct Widget {
  std::function<int()> callback;
  int clicks = 0;
  auto clicksGetter() { return [this] { return clicks; }; }
  void bindThis() { callback = [this] { return clicks; }; }
};

int localLambdaCalledLocally() {
  int x = 1;
  auto f = [&x] { return ++x; };
  f();
  return f();
}

int localStdFunctionCalledLocally() {
  int x = 1;
  std::function<int()> f = [&] { return x; };
  return f();
}

auto usesStaticWithoutCapture() {
  static int counter = 0;
  return [] { return ++counter; };
}

auto captureCallerReference(int &r) {
  return [&r] { return r; };
}

auto initCaptureByValue() {
  int x = 5;
  return [v = x + 1] { return v; };
}

auto captureHeapPointer() {
  int *p = new int(3);
  return [p] { return *p; };
}

auto capturePointerToStatic() {
  static int s;
  int *p = &s;
  return [p] { return *p; };
}

void globalCallbackResetBeforeReturning() {
  int x = 0;
  g_callback = [&x] { return x; };
  g_callback();
  g_callback = nullptr;
}

int nestedLambdaInvokedLocally() {
  int x = 0;
  auto outer = [&] { return [&] { return x; }(); };
  return outer();
}
