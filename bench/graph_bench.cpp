// Google Benchmark programs for the host's internals: building the revision
// graph, asking it for heads, resolving targets and planning, at 10^3, 10^4
// and 10^5 revisions, on a chain and on a chain with a diamond (branch point,
// two children, merge) every ten revisions, the same shapes
// bench/generate.py writes. Each benchmark reports its growth (Complexity),
// so a super-linear step shows up as a poor O(N) fit.
//
// Only the graph and planner libraries are linked: no plugin, no database,
// no file is read. What the process costs around them (loading providers,
// reading files) is measured whole-process by bench/compare.py.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "host/graph/graph.hpp"
#include "host/plan/plan.hpp"
#include "host/plan/target.hpp"

namespace {

enum class Shape { linear, branched };

// Twelve hex digits from a counter, scrambled (splitmix64) so ids sort in no
// relation to their place in the chain, as real ids do.
std::string revision_id(std::uint64_t index) {
  std::uint64_t z = index + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  static const char digits[] = "0123456789abcdef";
  std::string id(12, '0');
  for (int i = 11; i >= 0; --i, z >>= 4) id[i] = digits[z & 0xf];
  return id;
}

// The revisions of an N-revision project, as providers hand them to the
// graph: in file order, with an origin string as long as a sqldir path.
std::vector<host::Revision> make_revisions(std::size_t n, Shape shape) {
  constexpr std::size_t period = 10;
  std::vector<host::Revision> out;
  out.reserve(n);
  auto add = [&](std::vector<std::string> parents) {
    host::Revision r;
    r.id = revision_id(out.size());
    r.down_revisions = std::move(parents);
    r.message = "create t_" + std::to_string(out.size() + 1);
    r.origin = "/tmp/retort-bench/project/sqldir/" + std::to_string(out.size() + 1) + "_" + r.id + ".sql";
    r.index = out.size();
    out.push_back(std::move(r));
  };
  while (out.size() < n) {
    if (out.empty()) {
      add({});
      continue;
    }
    const std::string tip = out.back().id;
    if (shape == Shape::branched && out.size() % period == 0 && out.size() + 3 <= n) {
      add({tip});
      const std::string left = out.back().id;
      add({tip});
      const std::string right = out.back().id;
      add({left, right});
      continue;
    }
    add({tip});
  }
  return out;
}

Shape shape_of(const benchmark::State& state) { return state.range(1) ? Shape::branched : Shape::linear; }

void sizes(benchmark::internal::Benchmark* b) {
  for (int branched : {0, 1})
    for (long n : {1'000L, 10'000L, 100'000L}) b->Args({n, branched});
  b->ArgNames({"n", "branched"})->Unit(benchmark::kMicrosecond)->Complexity(benchmark::oN);
}

// Validation, sorting and indexing of N revisions (what every command pays
// once the providers have listed their revisions).
void BM_GraphBuild(benchmark::State& state) {
  const std::vector<host::Revision> revisions = make_revisions(state.range(0), shape_of(state));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<host::Revision> copy = revisions;
    state.ResumeTiming();
    host::Graph graph(std::move(copy));
    benchmark::DoNotOptimize(graph.size());
    state.PauseTiming();  // the graph's destruction is not part of the build
    { host::Graph gone = std::move(graph); }
    state.ResumeTiming();
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_GraphBuild)->Apply(sizes);

// `retort heads` once the graph exists.
void BM_Heads(benchmark::State& state) {
  const host::Graph graph(make_revisions(state.range(0), shape_of(state)));
  for (auto _ : state) benchmark::DoNotOptimize(graph.heads());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Heads)->Apply(sizes);

// Every kind of target an upgrade names: the only head, a full id, a
// 6-character prefix, and (on the chain) relative steps that walk a tenth of
// the graph; steps refuse to cross the branched shape's merges, so there
// `heads` and `base` stand in for them.
void BM_ResolveTargets(benchmark::State& state) {
  const host::Graph graph(make_revisions(state.range(0), shape_of(state)));
  const std::string middle = graph.revision(static_cast<host::Graph::Node>(graph.size() / 2)).id;
  const std::string tenth = std::to_string(graph.size() / 10);
  const std::vector<std::string> texts =
      shape_of(state) == Shape::linear
          ? std::vector<std::string>{"head", middle, middle.substr(0, 6), "head-" + tenth, "base+" + tenth}
          : std::vector<std::string>{"head", middle, middle.substr(0, 6), "heads", "base"};
  const std::vector<host::Graph::Node> rows;
  for (auto _ : state)
    for (const std::string& text : texts)
      benchmark::DoNotOptimize(host::resolve_target(graph, host::parse_target(text), rows));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ResolveTargets)->Apply(sizes);

// `upgrade head` on an empty database: every revision is a step.
void BM_PlanUpgradeFromBase(benchmark::State& state) {
  const host::Graph graph(make_revisions(state.range(0), shape_of(state)));
  for (auto _ : state) benchmark::DoNotOptimize(host::plan_upgrade(graph, {}, "head"));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PlanUpgradeFromBase)->Apply(sizes);

// `upgrade head` on a database at the head: nothing to do, but the applied
// set is still worked out from the version row.
void BM_PlanUpgradeAtHead(benchmark::State& state) {
  const host::Graph graph(make_revisions(state.range(0), shape_of(state)));
  const std::vector<std::string> rows = graph.heads();
  for (auto _ : state) benchmark::DoNotOptimize(host::plan_upgrade(graph, rows, "head"));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PlanUpgradeAtHead)->Apply(sizes);

// `downgrade base` from the head: every revision reverted.
void BM_PlanDowngradeToBase(benchmark::State& state) {
  const host::Graph graph(make_revisions(state.range(0), shape_of(state)));
  const std::vector<std::string> rows = graph.heads();
  for (auto _ : state) benchmark::DoNotOptimize(host::plan_downgrade(graph, rows, "base"));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PlanDowngradeToBase)->Apply(sizes);

// The target (< 200 ms at 10^5): the graph built from the providers'
// revisions and `upgrade head` planned from an empty database.
void BM_GraphBuildAndPlan(benchmark::State& state) {
  const std::vector<host::Revision> revisions = make_revisions(state.range(0), shape_of(state));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<host::Revision> copy = revisions;
    state.ResumeTiming();
    host::Graph graph(std::move(copy));
    host::Plan plan = host::plan_upgrade(graph, {}, "head");
    benchmark::DoNotOptimize(plan.steps.data());
    state.PauseTiming();
    {
      host::Plan gone_plan = std::move(plan);
      host::Graph gone = std::move(graph);
    }
    state.ResumeTiming();
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_GraphBuildAndPlan)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
