#include "cli/housekeeping.h"

namespace samskab::cli {

Housekeeping::Housekeeping(std::function<void()> task, std::chrono::milliseconds first,
                           std::chrono::milliseconds interval)
    : m_task(std::move(task)), m_first(first), m_interval(interval) {
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        std::chrono::milliseconds wait = m_first;
        while (!m_wake.wait_for(lock, wait, [this] { return m_stopping; })) {
            lock.unlock();
            m_task();
            lock.lock();
            wait = m_interval;
        }
    });
}

Housekeeping::~Housekeeping() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

}  // namespace samskab::cli
