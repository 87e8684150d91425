//===- RandomGraphTest.cpp - Random mutation against a reference model ----===//
//
// A mutator performs random allocate / link / unlink / root / unroot
// operations; a plain model (ids and adjacency lists in std containers)
// knows what is reachable. After each collection every object the model
// finds reachable must be intact (canary and id), every object it finds
// unreachable must have been destroyed within two cycles (up to a small
// tolerance for conservatively scanned stack words), and no destructor may
// run twice. The whole thing runs once in each debug mode.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

constexpr int kEdges = 3;
constexpr std::uint64_t kCanary = 0x5EED5EED5EED5EEDull;

/// Destroyed flags by id, one vector per run (never freed: a vertex of an
/// earlier run may be destroyed late).
std::vector<char> *gDestroyedFlags = nullptr;
std::atomic<long> gDoubleDestroyed{0};

struct Vertex {
  std::uint64_t canary = kCanary;
  long id;
  std::vector<char> *flags;
  Vertex *edges[kEdges] = {};
  explicit Vertex(long id) : id(id), flags(gDestroyedFlags) {}
  ~Vertex() {
    char &flag = (*flags)[id];
    if (flag || canary != kCanary)
      gDoubleDestroyed.fetch_add(1);
    flag = 1;
    canary = 0;
  }
  void trace(gc::tracer &t) const { t(edges); }
};

class Model {
public:
  explicit Model(unsigned seed) : random(seed) {}

  void step() {
    unsigned op = random() % 100;
    if (op < 35 || objects.empty()) {
      allocate();
    } else if (op < 65) {
      link();
    } else if (op < 80) {
      unlink();
    } else if (op < 90) {
      addRoot();
    } else {
      dropRoot();
    }
  }

  /// Ids reachable from the roots, per the model.
  std::unordered_set<long> reachable() const {
    std::unordered_set<long> seen;
    std::vector<long> work;
    for (const auto &entry : roots)
      if (seen.insert(entry.first).second)
        work.push_back(entry.first);
    while (!work.empty()) {
      long id = work.back();
      work.pop_back();
      for (long to : edges.at(id))
        if (to >= 0 && seen.insert(to).second)
          work.push_back(to);
    }
    return seen;
  }

  void check(int cyclesSinceUnreachable) {
    std::unordered_set<long> live = reachable();
    for (long id : live) {
      Vertex *v = objects.at(id);
      ASSERT_EQ(v->canary, kCanary)
          << "reachable vertex " << id << " clobbered";
      ASSERT_EQ(v->id, id);
      ASSERT_EQ((*gDestroyedFlags)[id], 0)
          << "reachable vertex " << id << " destroyed";
      for (int e = 0; e < kEdges; ++e)
        ASSERT_EQ(v->edges[e] ? v->edges[e]->id : -1, edges.at(id)[e]);
    }
    std::vector<long> dead;
    long retained = 0;
    for (const auto &entry : objects)
      if (!live.count(entry.first)) {
        dead.push_back(entry.first);
        if (!(*gDestroyedFlags)[entry.first])
          ++retained;
      }
    if (cyclesSinceUnreachable >= 2) {
      // A stale word on a conservatively scanned stack can keep a small
      // subgraph alive; more than that is a leak in the collector.
      EXPECT_LE(retained, 64) << "of " << dead.size() << " unreachable";
      // Forget the dead from the model (their memory may be reused).
      for (long id : dead) {
        objects.erase(id);
        edges.erase(id);
      }
      refreshIds();
      reachableIds.clear();
    }
  }

  ~Model() { roots.clear(); }

private:
  void allocate() {
    long id = nextId++;
    gDestroyedFlags->push_back(0);
    Vertex *v = gc::make<Vertex>(id);
    objects[id] = v;
    edges[id] = std::vector<long>(kEdges, -1);
    roots.emplace_back(id, gc::root<Vertex>(v));
    refreshIds();
    reachableIds.clear();
  }
  /// A mutator can only reach objects reachable from its roots.
  long pick() {
    if (reachableIds.empty()) {
      std::unordered_set<long> live = reachable();
      reachableIds.assign(live.begin(), live.end());
      std::sort(reachableIds.begin(), reachableIds.end());
    }
    return reachableIds[random() % reachableIds.size()];
  }
  void link() {
    if (roots.empty())
      return;
    long from = pick(), to = pick();
    int e = random() % kEdges;
    objects[from]->edges[e] = objects[to];
    edges[from][e] = to;
    reachableIds.clear();
  }
  void unlink() {
    if (roots.empty())
      return;
    reachableIds.clear();
    long from = pick();
    int e = random() % kEdges;
    objects[from]->edges[e] = nullptr;
    edges[from][e] = -1;
  }
  void addRoot() {
    if (roots.empty())
      return;
    long id = pick();
    roots.emplace_back(id, gc::root<Vertex>(objects[id]));
  }
  void dropRoot() {
    if (roots.empty())
      return;
    std::size_t i = random() % roots.size();
    std::swap(roots[i], roots.back());
    roots.pop_back();
    reachableIds.clear();
  }
  void refreshIds() {
    ids.clear();
    for (const auto &entry : objects)
      ids.push_back(entry.first);
  }

  std::mt19937 random;
  long nextId = 0;
  std::vector<long> ids;
  std::vector<long> reachableIds; ///< cache; empty when stale
  std::unordered_map<long, Vertex *> objects;
  std::unordered_map<long, std::vector<long>> edges;
  std::vector<std::pair<long, gc::root<Vertex>>> roots;
};

__attribute__((noinline)) void runSteps(Model &model, int steps) {
  for (int i = 0; i < steps; ++i)
    model.step();
}

void runStress(const gc::debug_options &options, unsigned seed) {
  gc::debug_options saved = gc::get_debug_options();
  gc::set_debug_options(options);
  gDestroyedFlags = new std::vector<char>();
  gDestroyedFlags->reserve(1 << 20);
  {
    Model model(seed);
    for (int round = 0; round < 12; ++round) {
      runSteps(model, 400);
      gctest::collectClean();
      gctest::collectClean();
      model.check(2);
      if (::testing::Test::HasFatalFailure())
        break;
    }
  }
  gctest::collectClean();
  gc::set_debug_options(saved);
  EXPECT_EQ(gDoubleDestroyed.load(), 0);
}

TEST(RandomGraph, DefaultMode) { runStress(gc::get_debug_options(), 1); }

TEST(RandomGraph, StressMode) {
  gc::debug_options o = gc::get_debug_options();
  o.collect_every = 7;
  runStress(o, 2);
}

TEST(RandomGraph, VerifyMode) {
  gc::debug_options o = gc::get_debug_options();
  o.verify = true;
  o.collect_every = 50;
  runStress(o, 3);
}

TEST(RandomGraph, PoisonMode) {
  gc::debug_options o = gc::get_debug_options();
  o.poison = true;
  o.collect_every = 50;
  runStress(o, 4);
}

TEST(RandomGraph, TinyMarkStack) {
  gc::debug_options o = gc::get_debug_options();
  o.mark_stack_limit = 4;
  o.verify = true;
  runStress(o, 5);
}

TEST(RandomGraph, AllDebugModesAtOnce) {
  gc::debug_options o;
  o.collect_every = 3;
  o.verify = true;
  o.poison = true;
  o.mark_stack_limit = 16;
  runStress(o, 6);
}

} // namespace
