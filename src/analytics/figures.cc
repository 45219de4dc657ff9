#include "analytics/figures.h"

#include <cassert>

namespace samskab::analytics {

namespace {

class CellWriter {
public:
    explicit CellWriter(std::vector<Cell>& cells) : m_cells(cells) {}

    void count(std::int64_t value) {
        add({FIGURE_KEYS[m_cells.size()], CellKind::Count, static_cast<double>(value)});
    }
    void size(std::optional<double> value) {
        add({FIGURE_KEYS[m_cells.size()], CellKind::Size, value});
    }
    void share(const Share& share, CellKind kind = CellKind::Share) {
        add({FIGURE_KEYS[m_cells.size()], kind, share.value, share.numerator, share.denominator});
    }

private:
    void add(Cell cell) { m_cells.push_back(cell); }

    std::vector<Cell>& m_cells;
};

std::optional<double> as_double(std::optional<std::int64_t> value) {
    if (!value) {
        return std::nullopt;
    }
    return static_cast<double>(*value);
}

}  // namespace

std::vector<Cell> flatten(const Indicators& in) {
    std::vector<Cell> cells;
    cells.reserve(FIGURE_KEYS.size());
    CellWriter out(cells);
    out.count(in.participants);
    out.share(in.support_share);
    out.count(in.participations);
    out.count(in.support_participations);
    out.share(in.support_participation_share);
    out.count(in.daily.days);
    out.share(in.daily.mean_support_share);
    out.share(in.daily.max_support_share);
    out.count(in.daily.days_over_threshold);
    out.count(in.reach.cohort);
    out.count(in.reach.reached);
    out.share(in.reach.share);
    out.count(in.occurrences);
    out.share(in.occurrences_with_support_share);
    out.count(in.initiatives_by_support);
    out.count(in.volunteers);
    out.count(in.activities_active);
    for (const std::int64_t count : in.entry_channels) {
        out.count(count);
    }
    out.share(in.roles.flexible_share);
    out.share(in.roles.initiator_share);
    out.count(in.bridging.focus);
    out.share(in.bridging.mostly_bridging_share);
    out.share(in.bridging.mean_ei, CellKind::Index);
    out.size(as_double(in.meetings.size_min));
    out.size(in.meetings.size_median);
    out.size(as_double(in.meetings.size_max));
    for (const std::int64_t count : in.pathways) {
        out.count(count);
    }
    assert(cells.size() == FIGURE_KEYS.size());
    return cells;
}

std::string_view group_of(std::string_view key) {
    const size_t dot = key.find('.');
    return dot == std::string_view::npos ? std::string_view{} : key.substr(0, dot);
}

std::string_view name_of_key(std::string_view key) {
    const size_t dot = key.find('.');
    return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

}  // namespace samskab::analytics
