#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace samskab::cli {

// Runs `task` on a thread of its own after `first`, then every `interval`, until destroyed
// (the destructor wakes the thread and waits for a running task to finish). The server uses it
// for the nightly privacy housekeeping: retention and the purge of the access log.
class Housekeeping {
public:
    Housekeeping(std::function<void()> task, std::chrono::milliseconds first,
                 std::chrono::milliseconds interval);
    ~Housekeeping();
    Housekeeping(const Housekeeping&) = delete;
    Housekeeping& operator=(const Housekeeping&) = delete;

private:
    std::function<void()> m_task;
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace samskab::cli
