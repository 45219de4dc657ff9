// Report timings on a stored database, split into loading (SQLite -> Dataset) and computing
// (indicators + rendering). The database comes from SAMSKAB_BENCH_DB (bench/run.sh makes one
// from a generated 50,000-person bundle). The baseline is one plain pass over every
// participation: the least any report must do, measured in the same run on the same data.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <benchmark/benchmark.h>

#include "analytics/report.h"
#include "core/date.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

using namespace samskab;

std::unique_ptr<storage::sqlite::SqliteStore> g_store;
core::Dataset g_data;

analytics::ReportRequest request(analytics::SliceBy by) {
    analytics::ReportRequest r;
    r.period = {*core::parse_date("2016-01-01"), *core::parse_date("2018-12-31")};
    r.by = by;
    return r;
}

void baseline_scan(benchmark::State& state) {
    for (auto _ : state) {
        std::vector<int> per_occurrence(g_data.occurrences.size());
        for (const auto& p : g_data.participations) {
            ++per_occurrence[static_cast<size_t>(p.occurrence)];
        }
        benchmark::DoNotOptimize(per_occurrence.data());
    }
}

void load_dataset(benchmark::State& state) {
    for (auto _ : state) {
        auto data = g_store->load_dataset();
        if (!data) {
            state.SkipWithError(data.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(data->participations.data());
    }
}

void compute(benchmark::State& state, analytics::SliceBy by) {
    const auto r = request(by);
    for (auto _ : state) {
        auto report = analytics::render_report(g_data, r);
        if (!report) {
            state.SkipWithError(report.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(report->data());
    }
}

}  // namespace

BENCHMARK(baseline_scan)->Unit(benchmark::kMillisecond);
BENCHMARK(load_dataset)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(compute, full_report, samskab::analytics::SliceBy::None)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(compute, by_year, samskab::analytics::SliceBy::Year)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(compute, by_month, samskab::analytics::SliceBy::Month)
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    const char* path = std::getenv("SAMSKAB_BENCH_DB");
    if (!path) {
        std::fprintf(stderr, "report_bench: set SAMSKAB_BENCH_DB to a samskab database\n");
        return 2;
    }
    auto store = storage::sqlite::SqliteStore::open(path);
    if (!store) {
        std::fprintf(stderr, "report_bench: %s\n", store.error().message.c_str());
        return 3;
    }
    g_store = std::move(*store);
    auto data = g_store->load_dataset();
    if (!data) {
        std::fprintf(stderr, "report_bench: %s\n", data.error().message.c_str());
        return 3;
    }
    g_data = std::move(*data);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
