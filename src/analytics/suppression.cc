#include "analytics/suppression.h"

#include <algorithm>
#include <cstdint>

namespace samskab::analytics {

namespace {

void suppress_primary(Cell& cell, int k) {
    switch (cell.kind) {
        case CellKind::Count:
        case CellKind::Size:
            if (cell.value && *cell.value < k) {
                cell.visibility = Visibility::BelowK;
            }
            break;
        case CellKind::Share:
        case CellKind::Index:
            if (cell.numerator < k || cell.denominator < k) {
                cell.visibility = Visibility::Hidden;
            }
            break;
    }
}

void suppress_complementary(std::vector<Cell*>& group, int k) {
    const auto hidden = [&] {
        return std::count_if(group.begin(), group.end(), [](Cell* c) { return is_hidden(*c); });
    };
    if (hidden() == 0) {
        return;
    }
    for (;;) {
        double hidden_sum = 0;
        for (const Cell* cell : group) {
            hidden_sum += is_hidden(*cell) ? cell->value.value_or(0) : 0;
        }
        if (hidden() >= 2 && hidden_sum >= k) {
            return;
        }
        Cell* smallest = nullptr;
        for (Cell* cell : group) {
            if (!is_hidden(*cell) &&
                (smallest == nullptr || cell->value.value_or(0) < smallest->value.value_or(0))) {
                smallest = cell;
            }
        }
        if (smallest == nullptr) {
            return;
        }
        smallest->visibility = Visibility::Hidden;
    }
}

}  // namespace

void suppress(std::vector<Cell>& cells, int k) {
    for (Cell& cell : cells) {
        suppress_primary(cell, k);
    }
    for (const std::string_view name : COMPLEMENTARY_GROUPS) {
        std::vector<Cell*> group;
        for (Cell& cell : cells) {
            if (group_of(cell.key) == name) {
                group.push_back(&cell);
            }
        }
        suppress_complementary(group, k);
    }
}

}  // namespace samskab::analytics
