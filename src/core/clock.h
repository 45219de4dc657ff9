#pragma once

#include "core/date.h"

namespace samskab::core {

// The wall clock, passed in so that services and their tests agree on "today" and "now".
// `now()` is local Danish time (Europe/Copenhagen) in seconds, the same scale as LocalTime.
class Clock {
public:
    virtual ~Clock() = default;
    virtual LocalTime now() const = 0;
    Day today() const { return day_of(now()); }
};

// A clock that stands still until moved; for tests.
class FixedClock final : public Clock {
public:
    explicit FixedClock(LocalTime now) : m_now(now) {}
    LocalTime now() const override { return m_now; }
    void set(LocalTime now) { m_now = now; }
    void advance(LocalTime seconds) { m_now += seconds; }

private:
    LocalTime m_now;
};

}  // namespace samskab::core
