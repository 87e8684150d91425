// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-lambda: a closure that refers to an automatic
// object (by-reference capture, or a captured pointer to it) outlives the
// object because it is returned or stored somewhere longer-lived.

#include <functional>

auto returnDefaultReferenceCapture() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is returned from 'returnDefaultReferenceCapture'; 'x' is destroyed when 'returnDefaultReferenceCapture' returns [escape-lambda]
  return [&] { return x; };
}

auto returnNamedReferenceCapture() {
  int count = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'count'{{.*}} is returned from 'returnNamedReferenceCapture'{{.*}} [escape-lambda]
  return [&count] { return ++count; };
}

auto returnCopiedPointerToLocal() {
  int x = 0;
  int *p = &x;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda holding the address of local variable 'x' is returned from 'returnCopiedPointerToLocal'{{.*}} [escape-lambda]
  return [p] { return *p; };
}

auto returnInitCaptureAddress() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda holding the address of local variable 'x' is returned from 'returnInitCaptureAddress'{{.*}} [escape-lambda]
  return [p = &x] { return *p; };
}

auto returnInitCaptureReference() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda holding the address of local variable 'x' is returned from 'returnInitCaptureReference'{{.*}} [escape-lambda]
  return [&r = x] { return r; };
}

std::function<int()> returnAsStdFunction() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is returned from 'returnAsStdFunction'{{.*}} [escape-lambda]
  return [&] { return x; };
}

std::function<int()> g_callback;

void storeInGlobalStdFunction() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is stored in global 'g_callback'{{.*}} [escape-lambda]
  g_callback = [&x] { return x; };
}

struct Button {
  std::function<void()> onClick;

  void bindLocalCounter() {
    int clicks = 0;
    // CHECK: escape-lambda.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'clicks' by reference is stored in member 'onClick'{{.*}} [escape-lambda]
    onClick = [&clicks] { ++clicks; };
  }
};

auto returnByValueParameterCapturedByReference(int v) {
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing parameter 'v' by reference is returned from 'returnByValueParameterCapturedByReference'{{.*}} [escape-lambda]
  return [&v] { return v; };
}

void storeThroughOutParameter(std::function<int()> &out) {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is stored in 'out' through parameter 'out'{{.*}} [escape-lambda]
  out = [&] { return x; };
}

auto returnLambdaVariable() {
  int x = 0;
  auto f = [&x] { return x; };
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is returned from 'returnLambdaVariable'{{.*}} [escape-lambda]
  return f;
}

void storeInStaticLocal() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:15: warning: lambda capturing local variable 'x' by reference is stored in static 'f'{{.*}} [escape-lambda]
  static auto f = [&x] { return x; };
  (void)f;
}

auto returnNestedLambda() {
  int x = 0;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is returned from 'returnNestedLambda'{{.*}} [escape-lambda]
  return [&] { return [&] { return x; }; };
}

int stdFunctionOutlivesBlock() {
  std::function<int()> f;
  {
    int x = 1;
    // CHECK: escape-lambda.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'x' by reference is kept in 'f'{{.*}} [escape-lambda]
    f = [&x] { return x; };
  }
  return f();
}

struct Handler {
  std::function<int()> callback;
  // CHECK: escape-lambda.cpp:[[@LINE+1]]:20: warning: lambda capturing parameter 'v' by reference is stored in member 'callback'{{.*}} [escape-lambda]
  Handler(int v) : callback([&v] { return v; }) {}
};
