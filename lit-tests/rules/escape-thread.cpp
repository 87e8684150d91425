// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-thread: an address of an automatic object, or a
// lambda that captures one, reaches another thread that may outlive the
// object: a detached std::thread or std::jthread, a thread object or a
// std::async future that outlives it.

#include <future>
#include <thread>
#include <vector>

int work(int *p);

void detachedThread() {
  int x = 0;
  std::thread t([&x] { ++x; });
  // CHECK: escape-thread.cpp:[[@LINE+5]]:3: warning: lambda capturing local variable 'x' by reference is handed to a thread that may outlive it; 'x' is destroyed when 'detachedThread' returns [escape-thread]
  // CHECK: escape-thread.cpp:[[@LINE-3]]:7: note: 'x' declared here
  // CHECK: escape-thread.cpp:[[@LINE-3]]:19: note: the lambda captures 'x' by reference
  // CHECK: escape-thread.cpp:[[@LINE-4]]:15: note: passed to parameter '{{[_a-z]+}}' of 'std::thread::thread', which stores what it points to in the new object
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: note: the object of 'std::thread::detach', which hands what it points to to another thread
  t.detach();
}

void detachedThreadWithAnArgument() {
  int y = 0;
  std::thread t(work, &y);
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: address of local variable 'y' is handed to a thread that may outlive it; 'y' is destroyed when 'detachedThreadWithAnArgument' returns [escape-thread]
  t.detach();
}

void temporaryThreadDetached() {
  int m = 0;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'm' by reference is handed to a thread that may outlive it{{.*}} [escape-thread]
  std::thread([&m] { ++m; }).detach();
}

void detachedJthread() {
  int x = 0;
  std::jthread t([&x] { ++x; });
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'x' by reference is handed to a thread that may outlive it{{.*}} [escape-thread]
  t.detach();
}

std::thread threadReturned() {
  int r = 0;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:10: warning: lambda capturing local variable 'r' by reference is handed to a thread that is returned from 'threadReturned'{{.*}} [escape-thread]
  return std::thread([&r] { ++r; });
}

std::thread g_worker;

void threadStoredInAGlobal() {
  int q = 0;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'q' by reference is handed to a thread that is stored in global 'g_worker'{{.*}} [escape-thread]
  g_worker = std::thread([&q] { ++q; });
}

struct Pool {
  std::thread one;
  std::vector<std::thread> workers;

  void threadStoredInAMember() {
    int k = 0;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'k' by reference is handed to a thread that is stored in member 'one' of '*this'{{.*}} [escape-thread]
    one = std::thread([&k] { ++k; });
  }

  void threadPushedIntoAMemberContainer() {
    int z = 0;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'z' by reference is handed to a thread that is stored in member 'workers' of '*this'{{.*}} [escape-thread]
    workers.push_back(std::thread([&z] { ++z; }));
  }
};

int threadOutlivesTheBlock() {
  std::thread t;
  {
    int inner = 0;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'inner' by reference is handed to a thread that is kept in 't', which outlives the scope of 'inner'; 'inner' is destroyed at the end of its scope [escape-thread]
    t = std::thread([&inner] { ++inner; });
  }
  t.join();
  return 0;
}

std::future<int> lambdaCapturingByReference() {
  int v = 1;
  // CHECK: escape-thread.cpp:[[@LINE+4]]:3: warning: lambda capturing local variable 'v' by reference is handed to a thread that is returned from 'lambdaCapturingByReference'; 'v' is destroyed when 'lambdaCapturingByReference' returns [escape-thread]
  // CHECK: escape-thread.cpp:[[@LINE-2]]:7: note: 'v' declared here
  // CHECK: escape-thread.cpp:[[@LINE+2]]:43: note: the lambda captures 'v' by reference
  // CHECK: escape-thread.cpp:[[@LINE+1]]:10: note: passed to parameter '{{[_a-z]+}}' of 'std::async', which returns what it points to
  return std::async(std::launch::async, [&v] { return v + 1; });
}

std::future<int> addressAsAnArgument() {
  int y = 0;
  // CHECK: escape-thread.cpp:[[@LINE+2]]:3: warning: address of local variable 'y' is handed to a thread that is returned from 'addressAsAnArgument'; 'y' is destroyed when 'addressAsAnArgument' returns [escape-thread]
  // CHECK: note: passed to parameter '{{[_a-z]+}}' of 'std::async', which returns what it points to
  return std::async(std::launch::async, work, &y);
}

std::future<int> capturedPointer() {
  int v = 0;
  int *p = &v;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda holding the address of local variable 'v' is handed to a thread that is returned from 'capturedPointer'{{.*}} [escape-thread]
  return std::async([p] { return *p; });
}

std::future<int> futureKeptInALocal() {
  int v = 0;
  auto fut = std::async([&v] { return v; });
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'v' by reference is handed to a thread that is returned from 'futureKeptInALocal'{{.*}} [escape-thread]
  return fut;
}

std::future<int> g_pending;

void futureStoredInAGlobal() {
  int z = 0;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'z' by reference is handed to a thread that is stored in global 'g_pending'; 'z' is destroyed when 'futureStoredInAGlobal' returns [escape-thread]
  g_pending = std::async([&z] { return z; });
}

struct Jobs {
  std::future<int> one;
  std::vector<std::future<int>> pending;

  void futureStoredInAMember() {
    int k = 0;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'k' by reference is handed to a thread that is stored in member 'one' of '*this'; 'k' is destroyed when 'Jobs::futureStoredInAMember' returns [escape-thread]
    one = std::async([&k] { return k; });
  }

  void futureQueuedInAMemberContainer() {
    int k = 0;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'k' by reference is handed to a thread that is stored in member 'pending' of '*this'; 'k' is destroyed when 'Jobs::futureQueuedInAMemberContainer' returns [escape-thread]
    pending.push_back(std::async([&k] { return k; }));
  }
};

void futureStoredThroughAParameter(std::future<int> &out) {
  int q = 0;
  // CHECK: escape-thread.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'q' by reference is handed to a thread that is stored in 'out' through parameter 'out'; 'q' is destroyed when 'futureStoredThroughAParameter' returns [escape-thread]
  out = std::async([&] { return q; });
}

int futureOutlivesTheBlock() {
  std::future<int> f;
  {
    int inner = 1;
    // CHECK: escape-thread.cpp:[[@LINE+1]]:5: warning: lambda capturing local variable 'inner' by reference is handed to a thread that is kept in 'f', which outlives the scope of 'inner'; 'inner' is destroyed at the end of its scope [escape-thread]
    f = std::async([&inner] { return inner; });
  }
  return f.get();
}
