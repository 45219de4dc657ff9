#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace samskab::analytics {

// Stable sort of `items` by an integer key. A counting sort when the keys span no more than a
// few times the number of items (dates and dense indices always do), which keeps building the
// report indexes linear in the data; std::stable_sort otherwise.
template <class T, class Key>
void sort_by_key(std::vector<T>& items, Key key) {
    if (items.size() < 2) {
        return;
    }
    std::int64_t low = key(items.front());
    std::int64_t high = low;
    for (const T& item : items) {
        low = std::min<std::int64_t>(low, key(item));
        high = std::max<std::int64_t>(high, key(item));
    }
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    if (span > 4 * items.size() + 65536) {
        std::stable_sort(items.begin(), items.end(),
                         [&](const T& a, const T& b) { return key(a) < key(b); });
        return;
    }
    std::vector<std::uint32_t> starts(span + 1, 0);
    for (const T& item : items) {
        ++starts[static_cast<std::size_t>(key(item) - low) + 1];
    }
    for (std::size_t i = 1; i < starts.size(); ++i) {
        starts[i] += starts[i - 1];
    }
    std::vector<T> sorted(items.size());
    for (const T& item : items) {
        sorted[starts[static_cast<std::size_t>(key(item) - low)]++] = item;
    }
    items = std::move(sorted);
}

// Items grouped by a dense owner index (compressed rows): `of(owner)` is the owner's items in
// the order they were given.
template <class T>
class Grouped {
public:
    Grouped() = default;

    // Groups `count` records: record i belongs to `owner(i)` (in [0, owners)) and contributes
    // `item(i)`.
    template <class Owner, class Item>
    static Grouped build(std::size_t owners, std::size_t count, Owner owner, Item item) {
        Grouped grouped;
        grouped.m_offsets.assign(owners + 1, 0);
        for (std::size_t i = 0; i < count; ++i) {
            ++grouped.m_offsets[static_cast<std::size_t>(owner(i)) + 1];
        }
        for (std::size_t i = 1; i <= owners; ++i) {
            grouped.m_offsets[i] += grouped.m_offsets[i - 1];
        }
        grouped.m_items.resize(count);
        std::vector<std::uint32_t> next(grouped.m_offsets.begin(), grouped.m_offsets.end() - 1);
        for (std::size_t i = 0; i < count; ++i) {
            grouped.m_items[next[static_cast<std::size_t>(owner(i))]++] = item(i);
        }
        return grouped;
    }

    std::span<const T> of(std::size_t owner) const {
        return {m_items.data() + m_offsets[owner], m_items.data() + m_offsets[owner + 1]};
    }

    // Removes adjacent equal items within each owner's group (after sorting, duplicates).
    void unique_within_groups() {
        std::uint32_t write = 0;
        std::uint32_t begin = 0;
        for (std::size_t owner = 0; owner + 1 < m_offsets.size(); ++owner) {
            const std::uint32_t end = m_offsets[owner + 1];
            const std::uint32_t start = write;
            for (std::uint32_t i = begin; i < end; ++i) {
                if (write == start || !(m_items[write - 1] == m_items[i])) {
                    m_items[write++] = m_items[i];
                }
            }
            begin = end;
            m_offsets[owner + 1] = write;
        }
        m_items.resize(write);
    }

private:
    std::vector<std::uint32_t> m_offsets{0};
    std::vector<T> m_items;
};

// The records of `sorted` (ascending by `.day`) whose day lies in [from, to].
template <class T>
std::span<const T> day_range(const std::vector<T>& sorted, std::int32_t from, std::int32_t to) {
    const auto begin = std::partition_point(sorted.begin(), sorted.end(),
                                            [&](const T& r) { return r.day < from; });
    const auto end =
        std::partition_point(begin, sorted.end(), [&](const T& r) { return r.day <= to; });
    return {begin, end};
}

}  // namespace samskab::analytics
