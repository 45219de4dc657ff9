#include "cli/housekeeping.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace samskab::cli {
namespace {

using namespace std::chrono_literals;

TEST(Housekeeping, WaitsForTheFirstRunThenRepeats) {
    std::atomic<int> runs{0};
    {
        Housekeeping nightly([&runs] { ++runs; }, 50ms, 10ms);
        EXPECT_EQ(runs.load(), 0);  // not at start
        const auto until = std::chrono::steady_clock::now() + 5s;
        while (runs.load() < 3 && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(5ms);
        }
        EXPECT_GE(runs.load(), 3);
    }
    const int after = runs.load();
    std::this_thread::sleep_for(30ms);
    EXPECT_EQ(runs.load(), after);  // stopped with the object
}

TEST(Housekeeping, StopsWithoutWaitingOutTheInterval) {
    std::atomic<int> runs{0};
    const auto start = std::chrono::steady_clock::now();
    {
        Housekeeping nightly([&runs] { ++runs; }, 24h, 24h);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    EXPECT_EQ(runs.load(), 0);
}

}  // namespace
}  // namespace samskab::cli
